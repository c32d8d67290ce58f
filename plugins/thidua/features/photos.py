"""Exemplar photos on the site: one web copy per exemplar with a photo, at :func:`photo_url`.

Checking and processing a photo is :mod:`thidua.core.photos`; this feature decides where the copies go.
"""

from __future__ import annotations

from pathlib import Path

from ..core.photos import web_photo
from .feature import Feature
from .urls import URLS

__all__ = ["FEATURE", "photo_url", "photo_outputs"]


def photo_url(exemplar) -> str:
    """Where the web copy of an exemplar's photo is served, relative to the site root ("" without a photo)."""
    return URLS.exemplar_photo(exemplar.id) if getattr(exemplar, "photo", "") else ""


def photo_outputs(catalog, project_root: str) -> list[tuple[str, bytes]]:
    """(site path, JPEG bytes) for every exemplar with a photo. The photo was checked when entries were loaded."""
    out = []
    root = Path(project_root)
    for exemplar in sorted(catalog.exemplars.values(), key=lambda e: e.id):
        if not exemplar.photo:
            continue
        source = (root / exemplar.source.path).parent / exemplar.photo
        out.append((photo_url(exemplar), web_photo(source)))
    return out


FEATURE = Feature("photos", outputs=lambda ctx: photo_outputs(ctx.catalog, ctx.project_root))
