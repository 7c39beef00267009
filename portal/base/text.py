"""Text as search reads it: a resident's query made safe to run, and words folded to
plain ASCII the way pages index them ("strazisce" finds "Stražišče" on every database)."""

import re

from anyascii import anyascii
from django.utils.html import strip_tags

MAX_QUERY_LENGTH = 200
# NUL and other control characters mean nothing in a search, and PostgreSQL refuses NUL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# Search needs words only; quotes and operators would be read as full-text syntax.
NOT_A_WORD = re.compile(r"[^\w\s]+")


def fold(text):
    """Plain ASCII of `text`, so "strazisce" finds "Stražišče" on every database."""
    return anyascii(strip_tags(str(text or "")))


def clean_query(raw):
    """A query as typed, without control characters, at most `MAX_QUERY_LENGTH` long."""
    return CONTROL_CHARACTERS.sub(" ", raw).strip()[:MAX_QUERY_LENGTH]


def search_terms(query):
    """The words of `query`, accent-free, as pages index them."""
    return " ".join(NOT_A_WORD.sub(" ", fold(query)).split())
