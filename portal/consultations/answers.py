"""What residents send to a consultation, and the prize draw's entries: rows made to be
counted. A `Response` per respondent (or, from a workshop table, per note with the number
of people who agreed), an `Answer` per chosen option, scale value or text, and an `Offer`
per "what could you offer" answer. Counts per option and theme are one `GROUP BY` over
`Answer`, weighted by `Response.people_count` (`results.py`).

Personal data, for the retention step (`PERSONAL_DATA`, `retention.py`): the contact
details and the description of an `Offer`, and the free text of an `Answer` (a resident
may write their name in it). Nothing of a `Response` or `Answer` is public unless an
editor approves a free-text answer for publication. The addresses of a prize draw
(`DrawEntry`) are kept apart from the answers and deleted by the draw, or by the retention
command if no draw comes.

Below the consultation's page (`models.py`), whose public views (`views.py`,
`results_page.py`) read and write these rows: the page refers to them, they refer to the
page only by its name.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from portal.base import clock
from portal.communities.forms import BoundedModelForm
from portal.communities.ownership import CommunityOwnedModel
from programmes.models import Theme


class ResponseQuerySet(models.QuerySet):
    def online(self):
        return self.filter(source=Response.Source.ONLINE)

    def from_workshops(self):
        return self.filter(source=Response.Source.WORKSHOP)


class Response(CommunityOwnedModel):
    """One respondent's answer online, or one note from a workshop table ("z delavnice")
    with the number of people who agreed with it (`people_count`)."""

    count_label = ngettext_lazy("%(count)s response", "%(count)s responses", "count")

    class Source(models.TextChoices):
        ONLINE = "online", _("online")
        WORKSHOP = "workshop", _("from a workshop")

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.ONLINE
    )
    submitted_at = models.DateTimeField(_("received"), default=clock.now)
    confirmed_at = models.DateTimeField(_("confirmed by e-mail"), null=True, blank=True)
    people_count = models.PositiveSmallIntegerField(
        _("number of people"),
        default=1,
        help_text=_("For a workshop note: how many people at the table agreed with it."),
    )
    workshop_date = models.DateField(_("workshop date"), null=True, blank=True)
    workshop_table = models.CharField(_("table"), max_length=60, blank=True)
    workshop_round = models.PositiveSmallIntegerField(_("round"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ResponseQuerySet.as_manager()

    # A KS's editors see their own KS's answers; entering workshop answers is a later step.
    community_editor_actions = ("view",)

    class Meta:
        verbose_name = _("consultation response")
        verbose_name_plural = _("consultation responses")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["consultation", "source"])]

    def __str__(self):
        return f"{self.consultation.title} – {self.submitted_at:%d. %m. %Y %H.%M}"

    def save(self, *args, **kwargs):
        # The consultation's KS: what the admin's KS boundary filters on.
        if self.consultation_id and not self.community_id:
            self.community = self.consultation.community
        super().save(*args, **kwargs)


class Answer(models.Model):
    """One answer to one question: a chosen option (a row per option of a multiple
    choice), a value of the scale, or a text. Workshop notes are texts typed as a need,
    an idea or an offer."""

    class NoteType(models.TextChoices):
        NEED = "need", _("need")
        IDEA = "idea", _("idea")
        OFFER = "offer", _("offer")

    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    # The StreamField block id of the question; empty for a workshop note.
    question_id = models.CharField(_("question"), max_length=64, blank=True)
    theme = models.CharField(_("theme"), max_length=40, blank=True, choices=Theme.Key.choices)
    option = models.CharField(_("option"), max_length=200, blank=True)
    value = models.PositiveSmallIntegerField(_("value"), null=True, blank=True)
    # Personal data: free text may name people.
    text = models.TextField(_("text"), blank=True)
    note_type = models.CharField(_("type"), max_length=10, blank=True, choices=NoteType.choices)
    approved_for_publication = models.BooleanField(
        _("approved for publication"),
        default=False,
        help_text=_("Free-text answers are public only once an editor approves them."),
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [
            models.Index(fields=["question_id", "option"]),
            models.Index(fields=["theme", "note_type"]),
        ]

    def __str__(self):
        return self.option or self.text[:60] or str(self.value or "")


class Offer(models.Model):
    """ "What could you offer?": the kinds of help (one flag each, counted cheaply), a
    description and how to reach the resident, who must consent to be contacted."""

    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="offers"
    )
    question_id = models.CharField(_("question"), max_length=64, blank=True)
    theme = models.CharField(_("theme"), max_length=40, blank=True, choices=Theme.Key.choices)
    skills = models.BooleanField(_("knowledge and skills"), default=False)
    time = models.BooleanField(_("time (volunteering)"), default=False)
    space = models.BooleanField(_("a space"), default=False)
    tools = models.BooleanField(_("tools or equipment"), default=False)
    money = models.BooleanField(_("money (a donation)"), default=False)
    # Personal data, removed by the retention step (`PERSONAL_DATA`).
    description = models.TextField(_("what and when"), blank=True)
    name = models.CharField(_("name and surname"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    consent_to_contact = models.BooleanField(_("consents to be contacted"), default=False)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    # What the offer became, made in one click from the answer and linked back to it.
    stakeholder = models.ForeignKey(
        "stakeholders.Stakeholder",
        verbose_name=_("stakeholder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_offers",
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_offers",
    )
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    # Offers are never edited in the admin (`OfferPermissionPolicy`); were one to be, its
    # stakeholder and programme are chosen within the boundary like any other.
    base_form_class = BoundedModelForm

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def __str__(self):
        return self.description[:60] or self.name


def normalise_email(address):
    """One spelling per address, so that one resident is one entry and the order of the
    entries (and so a draw) does not depend on how they typed it."""
    return address.strip().lower()


class DrawEntry(models.Model):
    """An address entered in a consultation's prize draw. Never linked to the answer it
    came with: a random key instead of a counting one and the day without the time, so
    that neither the order nor the moment of an entry points to a `Response`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="draw_entries",
    )
    email = models.EmailField(_("e-mail"), max_length=254)
    entered_on = models.DateField(_("entered on"), default=clock.today)

    class Meta:
        verbose_name = _("prize draw entry")
        verbose_name_plural = _("prize draw entries")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "email"], name="one_draw_entry_per_address"
            )
        ]

    def __str__(self):
        return mask_email(self.email)


def mask_email(address):
    """ "j***@gmail.com": enough for the log to tell winners apart, not to write to them."""
    local, _at, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"


class Draw(models.Model):
    """The log of a consultation's prize draw, made once: who drew, when, with which seed,
    from how many entries. The winners' addresses are kept only masked (`mask_email`):
    the full ones go into the winners' mails in the outbox and nowhere else."""

    consultation = models.OneToOneField(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="draw",
    )
    seed = models.CharField(_("seed"), max_length=64)
    entries_count = models.PositiveIntegerField(_("number of entries"))
    winners_count = models.PositiveIntegerField(_("number of winners"))
    winners = models.JSONField(_("winners (masked addresses)"), default=list)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drawn by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    drawn_at = models.DateTimeField(_("drawn at"), default=clock.now)

    class Meta:
        verbose_name = _("prize draw")
        verbose_name_plural = _("prize draws")

    def __str__(self):
        return str(self.consultation)


# What the retention step removes or blanks a set time after a consultation closes. The
# addresses of a prize draw are whole rows to delete: `portal.consultations.retention`.
PERSONAL_DATA = {
    Offer: ("description", "name", "email", "phone"),
    Answer: ("text",),
}
