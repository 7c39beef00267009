"""What every public form asks of the resident who sends it: a name, an e-mail address to
answer to and, if they like, a phone number; and how every public form behaves: a
honeypot field `website` the subclass declares (`is_spam`), and each field in error
described to screen readers. The booking request and the sign-up forms subclass
`ContactForm` and say in `email_help_text` what the address is for."""

from django import forms
from django.utils.translation import gettext_lazy as _

PHONE_CHARACTERS = set("0123456789 +/()-.")


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

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the error with the field it belongs to.
        for name in self.errors:
            if name in self.fields:
                field = self.fields[name]
                hint = f"id_{name}_helptext " if field.help_text else ""
                field.widget.attrs["aria-describedby"] = f"{hint}id_{name}_error"
                field.widget.attrs["aria-invalid"] = "true"

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not set(phone) <= PHONE_CHARACTERS:
            raise forms.ValidationError(
                _("Write the phone number with digits only, e.g. 041 123 456.")
            )
        return phone
