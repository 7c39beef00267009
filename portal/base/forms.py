"""What every public form asks of the resident who sends it: a name, an e-mail address to
answer to and, if they like, a phone number. The booking request and the sign-up forms
subclass `ContactForm` and say in `email_help_text` what the address is for."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ContactForm(forms.Form):
    email_help_text = ""

    name = forms.CharField(
        label=_("Name and surname"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = self.email_help_text
