"""The outbox: every e-mail the portal sends is a row here first, written in the same
transaction as the change it reports, and delivered later by `send_mail_outbox`
(decision 0017). A row holds personal data (addresses, names, what was asked) and is
deleted after `OUTBOX_KEEP_SENT_DAYS` once sent, `OUTBOX_KEEP_FAILED_DAYS` once given up.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.base import clock
from portal.outbox import envelope


class OutboxMessageQuerySet(models.QuerySet):
    def due(self, now):
        """Waiting messages whose time has come, and messages a sender took but did not
        finish before its claim ran out (it stopped half-way)."""
        return self.filter(
            Q(status=OutboxMessage.Status.QUEUED, next_attempt_at__lte=now)
            | Q(status=OutboxMessage.Status.SENDING, claimed_until__lt=now)
        )


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("not sent")

    created_at = models.DateTimeField(_("written"), default=clock.now)
    subject = models.TextField(_("subject"))
    recipients = models.TextField(_("recipients"))
    message = models.JSONField(_("message"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Which sender took the message, and until when; see `portal.outbox.sender`.
    claim = models.UUIDField(null=True, blank=True, editable=False)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["-created_at"], name="outbox_newest"),
        ]

    def __str__(self):
        return self.subject

    @classmethod
    def of(cls, email_message):
        """An unsaved row holding `email_message`, to be sent as soon as possible."""
        # Built now as the delivery backend will build it, so a bad header fails here, in
        # the caller, as it would with SMTP; its date and Message-ID are kept, so every
        # attempt sends the same message.
        mime = email_message.message()
        data = envelope.pack(email_message)
        given = {name.lower() for name in data["headers"]}
        for header in ("Date", "Message-ID"):
            if header.lower() not in given:
                data["headers"][header] = mime[header]
        now = clock.now()
        return cls(
            created_at=now,
            subject=str(email_message.subject),
            recipients=", ".join(email_message.recipients()),
            message=data,
            next_attempt_at=now,
        )

    def email_message(self):
        return envelope.unpack(self.message)

    @property
    def may_retry(self):
        """A message not yet sent may be sent again at once (from the admin)."""
        return self.status in (self.Status.FAILED, self.Status.QUEUED)
