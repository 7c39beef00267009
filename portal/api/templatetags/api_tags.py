import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

BACKTICKS = re.compile(r"`([^`]+)`")


@register.filter
def inline_code(text):
    """The OpenAPI descriptions' `code` (Markdown) as <code>, the rest escaped."""
    return mark_safe(BACKTICKS.sub(r"<code>\1</code>", escape(str(text))))
