"""A Django e-mail message as JSON, and back: everything a sender sets survives the trip
through the outbox (to, cc, bcc, reply-to, subject, text, HTML and other alternatives,
attachments, headers), so the delivery backend sends what the caller wrote.

Binary content is kept as base64. An attachment given as a ready MIME part is kept as its
bytes and read back as a MIME part. Nothing is pickled: a row of the table can never make
the sender run code.
"""

import base64
from email import message_from_bytes
from email.message import Message
from email.mime.base import MIMEBase

from django.core.mail import EmailAlternative, EmailAttachment, EmailMessage, EmailMultiAlternatives


def pack(message):
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(address) for address in message.to],
        "cc": [str(address) for address in message.cc],
        "bcc": [str(address) for address in message.bcc],
        "reply_to": [str(address) for address in message.reply_to],
        "headers": {str(name): str(value) for name, value in message.extra_headers.items()},
        "alternatives": [
            {**pack_content(content), "mimetype": mimetype}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [pack_attachment(attachment) for attachment in message.attachments],
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "alternative_subtype": getattr(message, "alternative_subtype", "alternative"),
        "encoding": str(message.encoding) if message.encoding else None,
    }


def unpack(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.alternatives = [
        EmailAlternative(unpack_content(item), item["mimetype"]) for item in data["alternatives"]
    ]
    message.attachments = [unpack_attachment(item) for item in data["attachments"]]
    message.content_subtype = data["content_subtype"]
    message.mixed_subtype = data["mixed_subtype"]
    message.alternative_subtype = data["alternative_subtype"]
    message.encoding = data["encoding"]
    return message


def pack_content(content):
    if isinstance(content, bytes):
        return {"base64": base64.b64encode(content).decode("ascii")}
    return {"text": str(content)}


def unpack_content(item):
    if "base64" in item:
        return base64.b64decode(item["base64"])
    return item["text"]


def pack_attachment(attachment):
    if isinstance(attachment, MIMEBase):
        return {"mime_part": base64.b64encode(attachment.as_bytes()).decode("ascii")}
    filename, content, mimetype = attachment
    # A forwarded message (message/rfc822) may be given as a message object.
    if isinstance(content, EmailMessage):
        content = content.message().as_bytes()
    elif isinstance(content, Message):
        content = content.as_bytes()
    return {"filename": filename, "mimetype": mimetype, **pack_content(content)}


def unpack_attachment(item):
    if "mime_part" in item:
        return message_from_bytes(base64.b64decode(item["mime_part"]), _class=StoredPart)
    return EmailAttachment(item["filename"], unpack_content(item), item["mimetype"])


class StoredPart(MIMEBase):
    """A MIME part read back from the outbox, as it was given: Django attaches a `MIMEBase`
    unchanged."""

    def __init__(self, policy=None):
        Message.__init__(self, **({"policy": policy} if policy else {}))
