"""The docs target: Speakeasy-style Markdown pages under ``docs/models/components/``.

OpenAPI documents are rendered from their raw shape, by Speakeasy's rules (:mod:`.openapi`);
JSON Schema documents from the IR's named types (:mod:`.ir_pages`). Both lay their pages out
with the templates under ``templates/docs/`` and escape schema text through :mod:`.markdown`.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.targets import RenderJob
from generator.targets.docs.markdown import cell

__all__ = ["cell", "render"]


def render(job: RenderJob) -> Mapping[str, str]:
    if job.loaded.openapi is not None:
        from generator.targets.docs import openapi

        return openapi.render(job)
    from generator.targets.docs import ir_pages

    return ir_pages.render(job)
