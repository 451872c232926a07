"""The take-home QR code for a person's current choices."""

from django import template
from django.http import HttpRequest
from django.utils.translation import gettext

from decisionaid.guide.answers import Answers

from ..qr import qr_svg
from ..takehome import take_home_url

register = template.Library()


@register.inclusion_tag("kiosk/_take_home.html", takes_context=True)
def take_home(context: template.Context) -> dict:
    request: HttpRequest = context["request"]
    url = take_home_url(Answers(request.session).all())
    return {
        "url": url,
        "qr": qr_svg(url, title=gettext("QR code: open your choices on your phone")),
    }
