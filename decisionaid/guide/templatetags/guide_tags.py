"""Thin template helpers that hand content to the chart functions; the rules live elsewhere."""

from dataclasses import dataclass
from decimal import Decimal

from django import template
from django.utils.safestring import SafeString

from decisionaid.charts.bars import cost_bars_svg, format_money
from decisionaid.charts.icon_array import icon_array_svg, per_hundred
from decisionaid.content.models import Study
from decisionaid.guide.summary import CostEstimate

register = template.Library()


@dataclass(frozen=True)
class Arm:
    label: str
    improved: int
    total: int
    per_100: int
    svg: SafeString


@register.filter
def money(amount: Decimal, currency: str) -> str:
    return format_money(amount, currency)


@register.simple_tag
def study_arms(study: Study) -> list[Arm]:
    """Both arms of a study with counts, each drawn out of the same 100."""
    if not study.has_icon_array:
        return []
    arms = []
    for key, label, improved, total in (
        ("treated", study.treated_label, study.treated_improved or 0, study.treated_total),
        ("control", study.control_label, study.control_improved or 0, study.control_total),
    ):
        scaled = per_hundred(improved, total)
        title = f"{label}: about {scaled} in 100 people {study.outcome_label or 'improved'}"
        svg = icon_array_svg(filled=scaled, title=title, element_id=f"icons-{study.slug}-{key}")
        arms.append(Arm(label, improved, total, scaled, svg))
    return arms


@register.simple_tag
def cost_chart(cost: CostEstimate, element_id: str = "cost-chart") -> SafeString:
    return cost_bars_svg(
        [("First year", cost.first_year), ("Each later year", cost.later_years)],
        currency=cost.currency,
        title="Your cost estimate",
        element_id=element_id,
    )
