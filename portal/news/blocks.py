"""The blocks a news item's body is written in: text, images, quotes, documents, videos."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds import embeds
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageChooserBlock

from portal.base.models import RICH_TEXT_FEATURES


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    alt_text = blocks.CharBlock(
        label=_("description for screen readers"),
        required=False,
        max_length=250,
        help_text=_("What the image shows. Left empty, the image's own description is used."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "news/blocks/image.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        image = value["image"]
        # Never the title, often the file's name: without a description the image is
        # left to its caption (alt="").
        context["alt"] = value["alt_text"] or (image and image.description) or ""
        return context


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "news/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Left empty, the document's own title is shown."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "news/blocks/document.html"


class VideoBlock(EmbedBlock):
    """A YouTube or Vimeo video (the finders allowed in settings). Rendered without
    Wagtail's inline style, which the Content-Security-Policy forbids, with a title on
    the frame and a link to the video for anyone the frame does not serve."""

    class Meta:
        icon = "media"
        label = _("Video")
        help_text = _("The address of a YouTube or Vimeo video.")
        template = "news/blocks/video.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        try:
            embed = embeds.get_embed(value.url) if value else None
        except EmbedException:
            embed = None
        context["embed"] = embed
        context["frame"] = titled_frame(embed.html, embed.title) if embed else ""
        return context


def titled_frame(html, title):
    """The provider's frame HTML, with a `title` attribute if it came without one."""
    if not title or re.search(r"<iframe\b[^>]*\btitle=", html):
        return mark_safe(html)  # from the oEmbed providers allowed in settings
    return mark_safe(re.sub(r"<iframe\b", f'<iframe title="{escape(title)}"', html, count=1))


class NewsBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="news/blocks/paragraph.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    embed = VideoBlock()

    class Meta:
        required = False
