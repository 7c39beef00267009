"""Structured data (schema.org) as JSON-LD in a page's head, for events and spaces alike."""

import json

# `<`, `>` and `&` written as JSON escapes, so no text can close the script element.
HTML_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    """`data` as the text of a `<script type="application/ld+json">` element."""
    return json.dumps(data, ensure_ascii=False).translate(HTML_SAFE)
