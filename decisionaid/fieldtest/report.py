"""The staff report's numbers: counts, each item's spread and mean, by content version and mode.

Any group of fewer than MIN_GROUP responses shows no figures at all, so a small clinic's report
cannot single anyone out. Within a breakdown, if the hidden groups add up to fewer than MIN_GROUP
responses, the smallest shown group is hidden too, or the total minus the shown groups would give
the hidden ones away.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext, gettext_noop

from .instrument import ITEMS, Item
from .models import Response
from .stats import Mean, mean_ci

MIN_GROUP = 5

# Scores copied from the person's own answers, with their possible range.
SCORES = (
    ("sure_score", gettext_noop("SURE score (number of yes answers, 0 to 4)")),
    ("quiz_correct", gettext_noop("Understanding questions answered right")),
)


@dataclass
class ItemSummary:
    key: str
    text: str
    counts: list[tuple[str, int]]
    answered: int
    mean: Mean | None
    chart: str = ""


@dataclass
class Group:
    title: str
    total: int
    suppressed: bool
    # Hidden although large enough, so that a smaller hidden group cannot be worked out.
    complementary: bool = False
    items: list[ItemSummary] = field(default_factory=list)
    scores: list[tuple[str, Mean | None]] = field(default_factory=list)


def summarise_item(item: Item, rows: list[Response]) -> ItemSummary:
    values = [getattr(row, item.key) for row in rows if getattr(row, item.key) is not None]
    counts = [(words, sum(1 for value in values if value == code)) for code, words in item.choices]
    return ItemSummary(
        item.key, item.text, counts, len(values), mean_ci([float(v) for v in values])
    )


def summarise(title: str, rows: list[Response]) -> Group:
    if len(rows) < MIN_GROUP:
        return Group(title=title, total=len(rows), suppressed=True)
    scores = [
        (
            label,
            mean_ci([float(getattr(row, name)) for row in rows if getattr(row, name) is not None]),
        )
        for name, label in ((name, gettext(label)) for name, label in SCORES)
    ]
    return Group(
        title=title,
        total=len(rows),
        suppressed=False,
        items=[summarise_item(item, rows) for item in ITEMS],
        scores=scores,
    )


def protect(groups: list[Group]) -> list[Group]:
    """Hide the smallest shown groups until the hidden ones together hold none or MIN_GROUP+."""
    while True:
        hidden = sum(group.total for group in groups if group.suppressed)
        shown = [group for group in groups if not group.suppressed]
        if hidden == 0 or hidden >= MIN_GROUP or not shown:
            return groups
        smallest = min(shown, key=lambda group: group.total)
        smallest.suppressed, smallest.complementary = True, True
        smallest.items, smallest.scores = [], []


def build_report(queryset: QuerySet[Response] | None = None) -> dict[str, list[Group]]:
    rows = list(queryset if queryset is not None else Response.objects.all())
    versions = sorted({row.content_version for row in rows})
    return {
        "overall": [summarise(gettext("All responses"), rows)],
        "by_version": protect(
            [
                summarise(
                    gettext("Content version %(version)s") % {"version": version},
                    [r for r in rows if r.content_version == version],
                )
                for version in versions
            ]
        ),
        "by_mode": protect(
            [
                summarise(str(label), [r for r in rows if r.mode == mode])
                for mode, label in Response.Mode.choices
            ]
        ),
    }


CSV_FIELDS = [
    "week",
    "content_version",
    "language",
    "mode",
    *[item.key for item in ITEMS],
    "sure_score",
    "quiz_correct",
]


def csv_rows(queryset: QuerySet[Response] | None = None) -> list[list[str]]:
    """Every row, without its random key: a header line, then one line per response."""
    rows = queryset if queryset is not None else Response.objects.all()
    lines = [CSV_FIELDS]
    for row in rows.order_by("week", "content_version", "mode", "id"):
        values = []
        for name in CSV_FIELDS:
            value = getattr(row, name)
            values.append("" if value is None else str(value))
        lines.append(values)
    return lines
