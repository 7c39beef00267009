"""The portal speaks Slovenian: public pages, the admin, and every translation is filled in."""

import gettext
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "sl" / "LC_MESSAGES" / "django.po"


@pytest.mark.django_db
def test_admin_login_is_in_slovenian(client):
    html = client.get("/admin/login/").content.decode()
    assert "Prijava" in html
    assert "Uporabniško ime" in html


def test_every_message_has_a_slovenian_translation():
    text = CATALOGUE.read_text(encoding="utf-8")
    assert "nplurals=4" in text
    entries = text.split("\n\n")[1:]
    untranslated = [
        entry
        for entry in entries
        if not entry.lstrip().startswith("#~")
        and ("#, fuzzy" in entry or re.search(r'msgstr(\[\d\])? ""\n(?!")', entry + "\n"))
    ]
    assert untranslated == []


def test_compiled_catalogue_matches_its_source():
    """The committed .mo says what the .po says (a fresh machine needs no gettext tools)."""
    compiled = gettext.GNUTranslations(CATALOGUE.with_suffix(".mo").open("rb"))
    for msgid, msgstr in read_po(CATALOGUE):
        if isinstance(msgid, tuple):
            singular, plural = msgid
            forms = [compiled.ngettext(singular, plural, n) for n in (1, 2, 3, 5)]
            assert forms == msgstr, singular
        else:
            assert compiled.gettext(msgid) == msgstr, msgid


def read_po(path):
    """(msgid, msgstr) of every live entry; plural entries as ((id, id_plural), [forms])."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n")[1:]:
        fields, current = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = unescape(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += unescape(line[1:-1])
        if "msgid" not in fields or "msgctxt" in fields:
            continue
        if "msgid_plural" in fields:
            forms = [fields[f"msgstr[{i}]"] for i in range(4)]
            entries.append(((fields["msgid"], fields["msgid_plural"]), forms))
        else:
            entries.append((fields["msgid"], fields["msgstr"]))
    return entries


def unescape(text):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)
