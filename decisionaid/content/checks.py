"""A production check that a host says who publishes the guide, who pays and whom to tell."""

from django.conf import settings
from django.core.checks import Warning, register
from django.db import DatabaseError


@register()
def disclosure_is_filled_in(app_configs=None, **kwargs) -> list[Warning]:
    """With DEBUG off, warn when the publisher, funder or a contact address is missing."""
    if settings.DEBUG:
        return []
    from .models import Disclosure

    try:
        disclosure = Disclosure.objects.first()
    except DatabaseError:
        return []  # no tables yet (before migrate): nothing to check
    hint = "Fill it in under Evidence content > Disclosures in the admin."
    if disclosure is None:
        return [
            Warning(
                "No disclosure: /about/ cannot say who made the guide.",
                hint=hint,
                id="content.W001",
            )
        ]
    missing = [
        label
        for label, value in (
            ("publisher", disclosure.publisher),
            ("funder", disclosure.funder),
            ("contact address", disclosure.contact_address or settings.CONTACT_EMAIL),
        )
        if not value.strip()
    ]
    if not missing:
        return []
    return [
        Warning(
            f"The disclosure has no {', no '.join(missing)}.",
            hint=hint + " Or set CONTACT_EMAIL for the contact address.",
            obj=disclosure,
            id="content.W002",
        )
    ]
