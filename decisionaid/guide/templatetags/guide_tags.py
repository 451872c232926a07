"""Thin template helpers that hand content to the chart functions; the rules live elsewhere."""

import hashlib
import json
import logging
from dataclasses import dataclass
from decimal import Decimal

from crispy_forms.utils import render_crispy_form
from django import forms, template
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from decisionaid.charts.bars import cost_bars_svg, format_money
from decisionaid.charts.icon_array import icon_array_svg, per_hundred
from decisionaid.content.models import Study
from decisionaid.guide.forms import StepForm
from decisionaid.guide.rules import CostEstimate

register = template.Library()
logger = logging.getLogger(__name__)

FORM_CACHE_SECONDS = 60 * 60


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
        try:
            scaled = per_hundred(improved, total)
        except ValueError:
            # The content rules refuse such counts; a row forced in anyway loses its picture only.
            logger.error("Study %r has counts no icon array can show", study.slug)
            return []
        title = gettext("%(label)s: about %(count)s in 100 people %(outcome)s") % {
            "label": label,
            "count": scaled,
            "outcome": study.outcome_label or gettext("improved"),
        }
        svg = icon_array_svg(filled=scaled, title=title, element_id=f"icons-{study.slug}-{key}")
        arms.append(Arm(label, improved, total, scaled, svg))
    return arms


@register.simple_tag
def study_harm(study: Study) -> Arm | None:
    """The study's main harm out of the same 100 as its benefit, so both are drawn alike."""
    if not study.has_harm_array:
        return None
    count = study.harm_count or 0
    try:
        scaled = per_hundred(count, study.harm_total)
    except ValueError:
        logger.error("Study %r has harm counts no icon array can show", study.slug)
        return None
    title = gettext("About %(count)s in 100 people %(harm)s") % {
        "count": scaled,
        "harm": study.harm_label,
    }
    svg = icon_array_svg(filled=scaled, title=title, element_id=f"icons-{study.slug}-harm")
    return Arm(study.harm_label, count, study.harm_total, scaled, svg)


@register.simple_tag
def cost_chart(cost: CostEstimate, element_id: str = "cost-chart") -> SafeString:
    return cost_bars_svg(
        [(gettext("First year"), cost.first_year), (gettext("Each later year"), cost.later_years)],
        currency=cost.currency,
        title=gettext("Your cost estimate"),
        element_id=element_id,
    )


@register.filter
def html_attrs(attrs: dict) -> SafeString:
    """A widget option's attributes as HTML, escaped; one call instead of an include per choice."""
    return flatatt(attrs)


def typed_fields(form: StepForm) -> list[str]:
    """Fields a person fills in by typing (text, numbers), as opposed to picking from a list."""
    return [
        name
        for name, field in form.fields.items()
        if isinstance(field.widget, forms.Textarea | forms.TextInput | forms.NumberInput)
    ]


def holds_only_content(form: StepForm) -> bool:
    """Whether an unbound form shows nothing typed: its typed fields hold the blank defaults.

    Choices picked from a fixed list are safe to share; a typed question or price is the
    person's own and must never reach a cache that other sessions read.
    """
    typed = typed_fields(form)
    if not typed:
        return True
    blank = type(form).initial_from({})
    return all(form.initial.get(name) == blank.get(name) for name in typed)


@register.simple_tag(takes_context=True)
def step_form(context: template.Context, form: StepForm) -> SafeString:
    """The step's form through crispy-forms; a blank form is rendered once per content release.

    Cache: content and choices from a fixed list only. A form's HTML depends only on its initial
    answers and the content (its choices come from the database), and on the questions page
    crispy-forms took two thirds of the page's time. A form holding anything typed, or with
    errors, is rendered afresh every time and never stored.
    """
    if form.is_bound or not holds_only_content(form):
        return render_crispy_form(form, context=context.flatten())
    release = context.get("content_release")
    initial = json.dumps(form.initial, sort_keys=True, default=str)
    digest = hashlib.sha256(initial.encode()).hexdigest()[:32]
    key = (
        f"step-form:{type(form).__name__}:{get_language()}:"
        f"{getattr(release, 'fingerprint', '')}:{digest}"
    )
    html = cache.get(key)
    if html is None:
        html = render_crispy_form(form, context=context.flatten())
        cache.set(key, str(html), timeout=FORM_CACHE_SECONDS)
    return mark_safe(html)
