"""The format helpers a generated ``validators.py`` carries when it asserts formats.

Plain Python, linted and type-checked where it stands (``make lint``). The compiler
(:mod:`generator.compiler.runtime`) copies into a module what lies between the two marker
lines, but only the part it needs: each ``_f_<format>`` function (named in
:mod:`generator.compiler.formats`), together with the statements between it and the function
before it, and whatever top-level names those use, found through :mod:`ast`. A module imports
the stdlib modules its helpers name. The file is read as it is, never rendered as a template
(a user's ``validators/formats.py`` replaces it and is selected from in the same way).
"""

from __future__ import annotations

import ipaddress
import re

# --- validators.py: format helpers from here ---
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)


def _f_date(value: str) -> bool:
    match = _DATE.fullmatch(value)
    if match is None:
        return False
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12 or day < 1:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    return day <= days


_TIME = re.compile(r"(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[zZ]|([+-])(\d{2}):(\d{2}))", re.ASCII)


def _f_time(value: str) -> bool:
    match = _TIME.fullmatch(value)
    if match is None:
        return False
    hour, minute, second = int(match[1]), int(match[2]), int(match[3])
    if match[4] is None:
        off_h = off_m = 0
    else:
        off_h, off_m = int(match[5]), int(match[6])
        if off_h > 23 or off_m > 59:
            return False
        if match[4] == "+":
            off_h, off_m = -off_h, -off_m
    if hour > 23 or minute > 59 or second > 60:
        return False
    if second == 60:
        total = (hour * 60 + minute + off_h * 60 + off_m) % 1440
        return total == 1439
    return True


def _f_date_time(value: str) -> bool:
    date, sep, time = value.partition("T") if "T" in value else value.partition("t")
    return bool(sep) and _f_date(date) and _f_time(time)


_DURATION = re.compile(
    r"P(?:\d+W|(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?"
    r"(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)",
    re.ASCII,
)


def _f_duration(value: str) -> bool:
    return _DURATION.fullmatch(value) is not None and not value.endswith("T")


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")


def _f_email(value: str) -> bool:
    if _EMAIL.fullmatch(value) is None:
        return False
    local = value.rpartition("@")[0]
    return not (local.startswith(".") or local.endswith(".") or ".." in local)


_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?", re.ASCII)


def _f_hostname(value: str) -> bool:
    if not value or len(value) > 253:
        return False
    for label in value.split("."):
        if _LABEL.fullmatch(label) is None:
            return False
        if label[2:4] == "--" and label[:4].lower() != "xn--":
            return False  # RFC 5891: "--" in positions 3-4 only for A-labels
        if label[:4].lower() == "xn--":
            try:
                label[4:].encode("ascii").decode("punycode")
            except UnicodeError:
                return False
    return True


def _f_ipv4(value: str) -> bool:
    try:
        ipaddress.IPv4Address(value)
    except ValueError:
        return False
    return value.isascii()


def _f_ipv6(value: str) -> bool:
    try:
        ipaddress.IPv6Address(value)
    except ValueError:
        return False
    return value.isascii() and "%" not in value


# RFC 3986, appendix A (ASCII only: IRIs are checked after percent-encoding non-ASCII)
_PCT = r"%[0-9A-Fa-f]{2}"
_UNRESERVED_SUB = r"A-Za-z0-9\-._~!$&'()*+,;="
_PCHAR = rf"(?:[{_UNRESERVED_SUB}:@]|{_PCT})"
_AUTHORITY = (
    rf"(?:(?:[{_UNRESERVED_SUB}:]|{_PCT})*@)?"
    rf"(?P<host>\[[0-9A-Fa-f:.vV]+\]|(?:[{_UNRESERVED_SUB}]|{_PCT})*)"
    r"(?::[0-9]*)?"
)
_TAIL = rf"(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?"
_URI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+.\-]*:"
    rf"(?://{_AUTHORITY}(?:/{_PCHAR}*)*|/?(?:{_PCHAR}+(?:/{_PCHAR}*)*)?)" + _TAIL
)
_RELATIVE = re.compile(
    rf"(?://{_AUTHORITY}(?:/{_PCHAR}*)*"
    rf"|/(?:{_PCHAR}+(?:/{_PCHAR}*)*)?"
    rf"|(?:[{_UNRESERVED_SUB}@]|{_PCT})+(?:/{_PCHAR}*)*|)" + _TAIL
)


def _ascii_uri(value: str) -> str:
    return "".join(c if c.isascii() else "%00" for c in value)


def _host_ok(match: re.Match[str]) -> bool:
    host = match.group("host")
    if host is None or not host.startswith("["):
        return True
    if host[1:2] in ("v", "V"):
        return True  # IPvFuture
    try:
        ipaddress.IPv6Address(host[1:-1])
    except ValueError:
        return False
    return True


def _f_uri(value: str) -> bool:
    match = _URI.fullmatch(value)
    return match is not None and _host_ok(match)


def _f_uri_reference(value: str) -> bool:
    match = _URI.fullmatch(value) or _RELATIVE.fullmatch(value)
    return match is not None and _host_ok(match)


def _f_iri(value: str) -> bool:
    return _f_uri(_ascii_uri(value))


def _f_iri_reference(value: str) -> bool:
    return _f_uri_reference(_ascii_uri(value))


# RFC 6570 level 4 syntax
_VARCHAR = r"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})"
_VARSPEC = rf"{_VARCHAR}(?:\.?{_VARCHAR})*(?::[1-9][0-9]{{0,3}}|\*)?"
_EXPRESSION = rf"\{{[+#./;?&=,!@|]?{_VARSPEC}(?:,{_VARSPEC})*\}}"
_LITERAL = r"(?:[^\x00-\x20\"'%<>\\^`{|}\x7f]|%[0-9A-Fa-f]{2})"
_URI_TEMPLATE = re.compile(rf"(?:{_LITERAL}|{_EXPRESSION})*")


def _f_uri_template(value: str) -> bool:
    return _URI_TEMPLATE.fullmatch(value) is not None


_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}", re.ASCII)


def _f_uuid(value: str) -> bool:
    return _UUID.fullmatch(value) is not None


def _f_regex(value: str) -> bool:
    try:
        re.compile(value)
    except (re.error, OverflowError, RecursionError):
        return False
    return True


_POINTER = re.compile(r"(?:/(?:[^~/]|~[01])*)*")


def _f_json_pointer(value: str) -> bool:
    return _POINTER.fullmatch(value) is not None


_RELATIVE_POINTER = re.compile(r"(0|[1-9][0-9]*)(#|(?:/(?:[^~/]|~[01])*)*)", re.ASCII)


def _f_relative_json_pointer(value: str) -> bool:
    return _RELATIVE_POINTER.fullmatch(value) is not None


# --- validators.py: format helpers up to here ---
