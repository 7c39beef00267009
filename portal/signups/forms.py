"""The public sign-up form below an event page: who signs up, for how many places, the
organiser's questions (answers kept by the question's block id) and consent."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from portal.base.forms import ContactForm

ANSWER_MAX_LENGTH = 500
YES, NO = "yes", "no"


def question_field_name(block_id):
    return f"q_{block_id}"


class SignUpForm(ContactForm):
    email_help_text = _("We send the confirmation and the cancel link here.")

    places = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        initial=1,
        help_text=_("For yourself and those who come with you."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    consent = forms.BooleanField(label=_("I agree to the privacy notice."))
    # A honeypot: hidden from people, filled by spam robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        most = event.signup_max_places or 1
        self.fields["places"].max_value = most
        self.fields["places"].validators.append(MaxValueValidator(most))
        self.fields["places"].widget.attrs.update({"min": 1, "max": most})
        self.questions = []
        for block in event.signup_questions:
            name = question_field_name(block.id)
            required = bool(block.value.get("required"))
            label = block.value.get("question") or ""
            if block.block_type == "yes_no":
                field = forms.ChoiceField(
                    label=label,
                    required=required,
                    choices=[(YES, _("Yes")), (NO, _("No"))],
                    widget=forms.RadioSelect,
                )
            else:
                field = forms.CharField(
                    label=label if required else _("%(question)s (optional)") % {"question": label},
                    required=required,
                    max_length=ANSWER_MAX_LENGTH,
                )
            field.error_messages["required"] = _("Answer this question, please.")
            self.fields[name] = field
            self.questions.append((block.id, name))
        # The consent and the honeypot last, after the questions.
        for name in ("consent", "website"):
            self.fields[name] = self.fields.pop(name)
        self.fields["consent"].error_messages["required"] = _(
            "Tick that you agree to the privacy notice: we cannot take the sign-up without "
            "your details."
        )

    def question_fields(self):
        return [self[name] for _block_id, name in self.questions]

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def answers(self):
        """The answers given, keyed by the question's block id."""
        found = {}
        for block_id, name in self.questions:
            value = self.cleaned_data.get(name)
            if value:
                found[block_id] = value.strip() if isinstance(value, str) else value
        return found
