"""Every public page: the guide's step registry plus the site's own pages, in reading order.

One list for every test and script that walks the site, and for robots.txt; it sits beside the
URL configuration because it reads from the top of the layers (the guide and the checklist).
"""

from django.urls import reverse

from decisionaid.guide.steps import STEPS

# The site's pages around the guide, by URL name; the landing page comes first.
SITE_PAGE_NAMES = [
    "pages:landing",
    "pages:about",
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
