"""The invitation to the field test, shown once per visit and only when the mode is on."""

from django import template
from django.conf import settings

from decisionaid.content import selectors
from decisionaid.fieldtest.visit import FieldTestVisit

register = template.Library()


@register.inclusion_tag("fieldtest/_invite.html", takes_context=True)
def field_test_invite(context: template.Context, return_to: str) -> dict:
    request = context.get("request")
    show = bool(
        settings.FIELD_TEST and request is not None and not FieldTestVisit(request.session).done()
    )
    return {
        "show": show,
        "return_to": return_to,
        "passages": selectors.passages_for("field-test-invite") if show else [],
        "csrf_token": context.get("csrf_token"),
    }
