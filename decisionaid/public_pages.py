"""Every public page (the guide's steps and the site's pages): one list for all that walk them."""

# It sits beside the URL configuration, above the layers, since it reads the guide's step registry.

from django.urls import reverse

from decisionaid.guide.steps import STEPS

# The site's pages around the guide, by URL name; the landing page comes first.
SITE_PAGE_NAMES = [
    "pages:landing",
    "pages:about",
    "how-made",
    "pages:sources",
    "pages:glossary",
    "pages:accessibility",
    "checklist:page",
]


def step_paths() -> list[str]:
    return [reverse("guide:step", kwargs={"slug": step.slug}) for step in STEPS]


def site_paths() -> list[str]:
    return [reverse(name) for name in SITE_PAGE_NAMES]


def public_paths() -> list[str]:
    """The landing page, every guide step, then the other site pages."""
    site = site_paths()
    return site[:1] + step_paths() + site[1:]
