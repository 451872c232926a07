"""The staff PIN form that leaves kiosk mode."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ExitForm(forms.Form):
    pin = forms.CharField(
        label=_("Staff PIN"),
        max_length=32,
        strip=True,
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
