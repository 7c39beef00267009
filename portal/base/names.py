"""Names that readers tell apart by sight: one written form for what looks the same,
nothing invisible in them, one alphabet each (decision 0021).

A name that looks like another (a KS renamed "KS Gol<zero-width space>nik", or with a
Cyrillic "о" in "Golnik") could pass for it in the admin, the group names and the site.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

# Categories of characters that show nothing or steer how text is shown: control and
# format characters (zero-width spaces and joiners, the BOM, bidi controls), surrogates,
# private-use and unassigned ones, line and paragraph separators.
INVISIBLE_CATEGORIES = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def normalise(text):
    """`text` in Unicode's compatibility form (NFKC), trimmed: fullwidth letters,
    ligatures, non-breaking spaces and the like become the plain ones they look like."""
    return unicodedata.normalize("NFKC", text).strip()


def key(text):
    """What two names that read the same share, whatever their case, compatibility
    forms and spacing: the NFKC case fold with runs of spaces made one."""
    folded = unicodedata.normalize("NFKC", normalise(text).casefold())
    return " ".join(folded.split())


def invisible_characters(text):
    """The characters of `text` that a reader cannot see, in order, each once."""
    found = (c for c in text if unicodedata.category(c) in INVISIBLE_CATEGORIES)
    return list(dict.fromkeys(found))


def describe(character):
    """A character as a volunteer can look it up: "U+200B ZERO WIDTH SPACE"."""
    return f"U+{ord(character):04X} {unicodedata.name(character, '')}".strip()


def invisible_characters_message(text):
    """Why `text` is refused for the characters nobody sees in it ("" if none)."""
    hidden = invisible_characters(text)
    if not hidden:
        return ""
    return ngettext(
        "It contains %(count)s character that cannot be seen: %(characters)s. "
        "Type it again without it.",
        "It contains %(count)s characters that cannot be seen: %(characters)s. "
        "Type it again without them.",
        len(hidden),
    ) % {"count": len(hidden), "characters": ", ".join(map(describe, hidden))}


def validate_visible(text):
    """A form field's validator: refuses characters nobody sees, naming them."""
    if message := invisible_characters_message(text):
        raise ValidationError(message, code="invisible")


def alphabets(text):
    """The scripts of the letters of `text`, by the first word of their Unicode names
    (LATIN, CYRILLIC, GREEK, …)."""
    return {unicodedata.name(c, "?").split(" ")[0] for c in text if c.isalpha()}
