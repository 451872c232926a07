"""Thin template helpers that hand content to the chart functions; the rules live elsewhere."""

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from decimal import Decimal

from crispy_forms.utils import render_crispy_form
from django import template
from django.forms.utils import flatatt
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from decisionaid.charts.bars import cost_bars_svg, format_money
from decisionaid.charts.icon_array import icon_array_svg, per_hundred
from decisionaid.content.models import Study
from decisionaid.guide.forms import StepForm, UnboundForm, shown_value, typed_field_names
from decisionaid.guide.rules import CostEstimate
from decisionaid.lib.fragmentcache import fragment_cache

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


def _sentence(translated: str, values: dict[str, object]) -> SafeString:
    """A translated sentence with its values escaped and put in, as {% blocktranslate %} does."""
    return mark_safe(translated % {name: conditional_escape(v) for name, v in values.items()})


# The person's cost in words. Tags rather than {% blocktranslate %} in the templates: these lines
# are written afresh on every cost page and summary (the numbers are the person's), and a
# {% with %} of five values around a {% blocktranslate %} took half that part's time. The
# sentences and their translations are the same as before.


@register.simple_tag
def cost_first_year(cost: CostEstimate, *, detail: bool = True) -> SafeString:
    """The first year's cost; with `detail`, the price and the course and top-up sessions."""
    values = {
        "total": format_money(cost.first_year, cost.currency),
        "sessions": cost.first_year_sessions,
    }
    if not detail:
        return _sentence(gettext("%(total)s (%(sessions)s sessions)"), values)
    values["price"] = format_money(cost.price_per_session, cost.currency)
    if cost.first_year_top_ups:
        values |= {"course": cost.first_course_sessions, "top_ups": cost.first_year_top_ups}
        return _sentence(
            gettext(
                "%(total)s (%(sessions)s sessions at %(price)s: %(course)s in the first course "
                "and %(top_ups)s top-ups)"
            ),
            values,
        )
    return _sentence(gettext("%(total)s (%(sessions)s sessions at %(price)s)"), values)


@register.simple_tag
def cost_later_years(cost: CostEstimate) -> SafeString:
    total = format_money(cost.later_years, cost.currency)
    return _sentence(
        gettext("%(total)s (%(sessions)s top-up sessions)"),
        {"total": total, "sessions": cost.maintenance_per_year},
    )


@register.filter
def html_attrs(attrs: dict) -> SafeString:
    """A widget option's attributes as HTML, escaped; one call instead of an include per choice."""
    return flatatt(attrs)


def typed_stand_in(name: str) -> str:
    """What a typed field holds in a form rendered for the cache: letters, digits and dashes
    only, so escaping leaves it unchanged and it can be found in the HTML afterwards."""
    return f"typed-answer-3f9c2a-{name}"


def cached_form_html(form: UnboundForm, context: template.Context) -> str:
    """The form's HTML, from the cache when another visit already rendered the same form."""
    release = context.get("content_release")
    initial = json.dumps(form.initial, sort_keys=True, default=str)
    digest = hashlib.sha256(initial.encode()).hexdigest()[:32]
    key = (
        f"step-form:{form.form_class.__name__}:{get_language()}:"
        f"{getattr(release, 'fingerprint', '')}:{digest}"
    )
    store = fragment_cache()
    html = store.get(key)
    if html is None:
        html = str(render_crispy_form(form.built, context=context.flatten()))
        store.set(key, html, timeout=FORM_CACHE_SECONDS)
    return html


@register.simple_tag(takes_context=True)
def step_form(context: template.Context, form: StepForm | UnboundForm) -> SafeString:
    """The step's form through crispy-forms, rendered once per content release and choices.

    Cache: content and choices from a fixed list only. A form's HTML depends only on its initial
    answers and the content (its choices come from the database), and on the questions page
    crispy-forms took two thirds of the page's time. What a person typed (their own questions, a
    price) never reaches the cache: the cached form holds a stand-in in each typed field, and the
    typed value replaces it in this response only. A form with errors is rendered afresh.
    """
    if form.is_bound:
        return render_crispy_form(form, context=context.flatten())
    form_class = form.form_class if isinstance(form, UnboundForm) else type(form)
    form = UnboundForm(form_class, form.initial)
    blank = form_class.initial_from({})
    typed = [
        name for name in typed_field_names(form_class) if form.initial.get(name) != blank.get(name)
    ]
    if not typed:
        return mark_safe(cached_form_html(form, context))
    shown = {name: shown_value(form_class, form.initial, name) for name in typed}
    # A typed field left empty renders as empty in the cached form too; only a value gets a
    # stand-in.
    stand_ins = {name: typed_stand_in(name) for name in typed if shown[name] is not None}
    empty = {name: None for name in typed if shown[name] is None}
    masked = UnboundForm(form_class, {**form.initial, **empty, **stand_ins})
    if not stand_ins:
        return mark_safe(cached_form_html(masked, context))
    html = cached_form_html(masked, context)
    if any(html.count(stand_in) != 1 for stand_in in stand_ins.values()):
        # The stand-in showed up somewhere other than the field's value: render it all afresh.
        return render_crispy_form(form, context=context.flatten())
    # One pass, so a typed value that happens to look like another field's stand-in stays as typed.
    by_stand_in = {stand_in: shown[name] for name, stand_in in stand_ins.items()}
    pattern = "|".join(re.escape(stand_in) for stand_in in by_stand_in)
    return mark_safe(re.sub(pattern, lambda match: by_stand_in[match.group(0)], html))
