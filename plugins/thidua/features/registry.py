"""Every feature of the portal, in one list: what each adds to a build (pages, files) and what templates see of it.

A feature is one :class:`~thidua.features.feature.Feature` object at the end of its own module. To add one, write
``features/<name>.py`` ending with ``FEATURE = Feature(...)``, put its templates in ``site/templates/thidua/``,
and add it to :data:`FEATURES` below. The plugin, the template view (``thidua.<name>``) and the forked output
writer (:mod:`thidua.site.outputs`) read this list; none of them names a feature.

The order is the order of the generated pages in MkDocs' files and of the outputs written.
"""

from __future__ import annotations

from ..core.gcpause import collector_paused
from . import calendars, cms, entries, feeds, notices, open_data, photos, propaganda, reports, search, timeline
from .feature import BuildContext, Feature, Output, PageSpec

__all__ = ["FEATURES", "BuildContext", "Output", "produce_pages", "produce_outputs", "feature_views"]

FEATURES: list[Feature] = [
    entries.FEATURE,  # a page per entry and per place, the paginated lists, the movements and places overviews
    timeline.FEATURE,  # /dong-thoi-gian/ by year and by locality; thidua.timeline draws an entry's timeline
    calendars.FEATURE,  # the timeline as iCalendar files
    propaganda.FEATURE,  # the culture office's propaganda tasks
    open_data.FEATURE,  # /du-lieu/: JSON and CSV of every kind
    feeds.FEATURE,  # Atom and RSS, of the site, each place and each movement
    reports.FEATURE,  # /bao-cao/: counts of exemplars and awards
    search.FEATURE,  # /tra-cuu/ and its index
    photos.FEATURE,  # web copies of exemplars' photos
    cms.FEATURE,  # the editors' web form at /bien-tap/ and the place-code finder
    notices.FEATURE,  # public-comment notices on award nominees (lấy ý kiến nhân dân)
]


def produce_pages(context: BuildContext) -> list[PageSpec]:
    """Every generated page of the build."""
    with collector_paused():
        return [spec for feature in FEATURES for spec in feature.pages(context)]


def produce_outputs(context: BuildContext) -> list[Output]:
    """Every other output file of the build."""
    with collector_paused():
        return [output if isinstance(output, Output) else Output(*output)
                for feature in FEATURES for output in feature.outputs(context)]


def feature_views(catalog) -> dict[str, object]:
    """What templates see of each feature that shows them something, by the feature's name (``thidua.<name>``)."""
    return {feature.name: feature.view(catalog) for feature in FEATURES if feature.view is not None}
