"""Formats that ``format_assertion=True`` checks, and the runtime helper implementing each.

The helpers themselves live in ``templates/validators/formats.py``;
:mod:`generator.compiler.runtime` copies the ones a module uses into it, with what they use, so
the module depends on the standard library only. Unknown formats are ignored, as the
specification requires.
"""

from __future__ import annotations

FORMATS: dict[str, str] = {
    "date-time": "_f_date_time",
    "date": "_f_date",
    "time": "_f_time",
    "duration": "_f_duration",
    "email": "_f_email",
    "idn-email": "_f_email",
    "hostname": "_f_hostname",
    "ipv4": "_f_ipv4",
    "ipv6": "_f_ipv6",
    "uri": "_f_uri",
    "uri-reference": "_f_uri_reference",
    "iri": "_f_iri",
    "iri-reference": "_f_iri_reference",
    "uuid": "_f_uuid",
    "uri-template": "_f_uri_template",
    "regex": "_f_regex",
    "json-pointer": "_f_json_pointer",
    "relative-json-pointer": "_f_relative_json_pointer",
}


def helpers_for(formats: set[str]) -> list[str]:
    """Names of the helpers needed for the formats used, in a stable order."""
    return sorted({FORMATS[name] for name in formats if name in FORMATS})
