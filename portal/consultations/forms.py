"""The public answer form of a consultation, built from its question blocks, and how a
valid answer becomes rows (`save_response`)."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.base import clock
from portal.consultations.answers import Answer, DrawEntry, Offer, Response, normalise_email
from portal.consultations.blocks import OFFER_KINDS
from programmes.models import Theme

SHORT_TEXT = 300
LONG_TEXT = 3000
SCALE = [(str(value), str(value)) for value in range(1, 6)]
PHONE_CHARACTERS = set("0123456789 +/()-.")


class Question:
    """One question block and the names of its fields in the form."""

    def __init__(self, block):
        self.id = block.id
        self.kind = block.block.kind
        self.value = block.value
        self.theme = block.value.get("theme") or ""
        self.prefix = f"q-{block.id}"

    def name(self, part=""):
        return f"{self.prefix}-{part}" if part else self.prefix


class ConsultationForm(forms.Form):
    confirm_email = forms.EmailField(
        label=_("E-mail to confirm the answer (optional)"),
        max_length=254,
        required=False,
        help_text=_("We send you a link that confirms your answer. We do not keep the address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # A honeypot: hidden from people, filled by spam robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.questions = [Question(block) for block in consultation.questions]
        for question in self.questions:
            getattr(self, f"add_{question.kind}")(question)
        if consultation.draw_prize:
            self.add_draw()

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    # --- Fields of each kind of question --------------------------------------------

    def field_kwargs(self, question):
        required = bool(question.value.get("required"))
        kwargs = {
            "label": question.value["question"],
            "required": required,
            "help_text": question.value.get("help_text") or "",
            "error_messages": {"required": _("This question needs an answer.")},
        }
        return kwargs

    def add_single(self, question):
        options = [(option, option) for option in question.value["options"]]
        self.fields[question.name()] = forms.ChoiceField(
            choices=options, widget=forms.RadioSelect, **self.field_kwargs(question)
        )

    def add_multiple(self, question):
        options = [(option, option) for option in question.value["options"]]
        self.fields[question.name()] = forms.MultipleChoiceField(
            choices=options, widget=forms.CheckboxSelectMultiple, **self.field_kwargs(question)
        )

    def add_scale(self, question):
        kwargs = self.field_kwargs(question)
        low, high = question.value.get("low_label"), question.value.get("high_label")
        if low and high and not kwargs["help_text"]:
            kwargs["help_text"] = _("1 means “%(low)s”, 5 means “%(high)s”.") % {
                "low": low,
                "high": high,
            }
        self.fields[question.name()] = forms.TypedChoiceField(
            choices=SCALE, coerce=int, widget=forms.RadioSelect, **kwargs
        )

    def add_short(self, question):
        self.fields[question.name()] = forms.CharField(
            max_length=SHORT_TEXT, **self.field_kwargs(question)
        )

    def add_long(self, question):
        self.fields[question.name()] = forms.CharField(
            max_length=LONG_TEXT,
            widget=forms.Textarea(attrs={"rows": 4}),
            **self.field_kwargs(question),
        )

    def add_offer(self, question):
        kwargs = self.field_kwargs(question)
        self.fields[question.name("kinds")] = forms.MultipleChoiceField(
            choices=OFFER_KINDS,
            widget=forms.CheckboxSelectMultiple,
            **{**kwargs, "required": False},
        )
        self.fields[question.name("text")] = forms.CharField(
            label=_("What and when (optional)"),
            max_length=LONG_TEXT,
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("E.g. “I can repair bicycles on Saturdays.”"),
        )
        self.fields[question.name("name")] = forms.CharField(
            label=_("Name and surname"),
            max_length=200,
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "name"}),
        )
        self.fields[question.name("email")] = forms.EmailField(
            label=_("E-mail"),
            max_length=254,
            required=False,
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        )
        self.fields[question.name("phone")] = forms.CharField(
            label=_("Phone (optional)"),
            max_length=50,
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        )
        self.fields[question.name("consent")] = forms.BooleanField(
            label=_("The local community may contact me about my offer."), required=False
        )

    def add_draw(self):
        self.fields["draw_entry"] = forms.BooleanField(
            label=_("I enter the prize draw."), required=False
        )
        self.fields["draw_email"] = forms.EmailField(
            label=_("E-mail for the prize draw"),
            max_length=254,
            required=False,
            help_text=_(
                "Only the winners get a mail. The address is kept apart from your answer "
                "and deleted after the draw."
            ),
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        )

    # --- Validation ---------------------------------------------------------------

    def clean(self):
        data = super().clean()
        for question in self.questions:
            if question.kind == "offer":
                self.clean_offer(question, data)
        if (
            data.get("draw_entry")
            and not data.get("draw_email")
            and "draw_email" not in self.errors
        ):
            self.add_error(
                "draw_email",
                _("Write your e-mail address to enter the prize draw, or untick the box."),
            )
        if not self.errors and not any(self.answered(question) for question in self.questions):
            raise forms.ValidationError(
                _("Answer at least one question before you send the form."), code="empty"
            )
        return data

    def clean_offer(self, question, data):
        offered = data.get(question.name("kinds")) or data.get(question.name("text"))
        if not offered:
            return
        phone = data.get(question.name("phone"), "")
        if phone and not set(phone) <= PHONE_CHARACTERS:
            self.add_error(
                question.name("phone"),
                _("Write the phone number with digits only, e.g. 041 123 456."),
            )
        if not data.get(question.name("name")):
            self.add_error(
                question.name("name"), _("Write your name, so that we know whom to contact.")
            )
        if not data.get(question.name("email")) and not phone:
            self.add_error(
                question.name("email"),
                _("Write an e-mail address or a phone number at which we can reach you."),
            )
        if not data.get(question.name("consent")):
            self.add_error(
                question.name("consent"),
                _(
                    "Tick that the local community may contact you: otherwise we cannot accept "
                    "your offer."
                ),
            )

    def answered(self, question):
        data = self.cleaned_data
        if question.kind == "offer":
            return bool(data.get(question.name("kinds")) or data.get(question.name("text")))
        return data.get(question.name()) not in (None, "", [])

    # --- The form as the template shows it ------------------------------------------

    def groups(self):
        """[(legend, [(question, [bound fields])])]: the general questions first, then
        one group per theme asked about, each in the order of the questions."""
        labels = {theme.key: theme.label for theme in self.consultation.asked_themes()}
        labels.update(dict(Theme.Key.choices))
        order = ["", *(theme.key for theme in self.consultation.asked_themes())]
        grouped = {}
        for question in self.questions:
            names = [name for name in self.fields if name.startswith(question.prefix)]
            grouped.setdefault(question.theme, []).append(
                (question, [self[name] for name in names])
            )
        keys = [key for key in order if key in grouped] + [
            key for key in grouped if key not in order
        ]
        return [(labels.get(key) if key else _("General questions"), grouped[key]) for key in keys]


@transaction.atomic
def save_response(consultation, form):
    """The answer's rows: a `Response`, its `Answer`s and `Offer`s; and the entry in the
    prize draw, if the resident asked for one (not linked to the response)."""
    data = form.cleaned_data
    response = Response.objects.create(
        consultation=consultation, community=consultation.community, source=Response.Source.ONLINE
    )
    answers = []
    offers = []
    for question in form.questions:
        if not form.answered(question):
            continue
        common = {"response": response, "question_id": question.id, "theme": question.theme}
        value = data.get(question.name())
        if question.kind == "single":
            answers.append(Answer(option=value, **common))
        elif question.kind == "multiple":
            answers.extend(Answer(option=option, **common) for option in value)
        elif question.kind == "scale":
            answers.append(Answer(value=value, **common))
        elif question.kind in ("short", "long"):
            answers.append(Answer(text=value, **common))
        elif question.kind == "offer":
            kinds = set(data.get(question.name("kinds")) or [])
            offers.append(
                Offer(
                    **common,
                    **{kind: kind in kinds for kind, _label in OFFER_KINDS},
                    description=data.get(question.name("text"), ""),
                    name=data.get(question.name("name"), ""),
                    email=data.get(question.name("email"), ""),
                    phone=data.get(question.name("phone"), ""),
                    consent_to_contact=True,
                    consent_at=clock.now(),
                )
            )
    Answer.objects.bulk_create(answers)
    Offer.objects.bulk_create(offers)
    if data.get("draw_entry"):
        enter_draw(consultation, data["draw_email"])
    return response


def enter_draw(consultation, address):
    """Enter `address` in the consultation's prize draw, apart from the answer. An address
    entered before is the same entry, accepted without a word that it was there."""
    DrawEntry.objects.get_or_create(consultation=consultation, email=normalise_email(address))
