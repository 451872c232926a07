"""The staff PIN form that leaves kiosk mode."""

from django import forms


class ExitForm(forms.Form):
    pin = forms.CharField(
        label="Staff PIN",
        max_length=32,
        strip=True,
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
