"""The admin speaks Slovenian to every editor: a crawl of every admin page a KS editor and a
municipal editor reach on the demo portal finds no English word, and counted things take
the right one of Slovenian's four plural forms (1, 2, 3-4, 5+; 101 is like 1)."""

import datetime
import functools
import glob
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
import wagtail
from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.formats import date_format
from wagtail.images import get_image_model
from wagtail.models import Page

from portal.base.counting import count_label
from portal.stakeholders.models import Stakeholder
from programmes import registry

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
EDITORS = ["ks-golnik", "obcina"]
# At most this many pages of one shape (the path with its numbers and the names of its
# query parameters): one edit form of each page type, not one of every page.
PER_SHAPE = 2
MAX_PAGES = 400
# GETs that change something or leave the admin's HTML: logging out, files, exports, the
# public site's rendering of a draft or preview, and Wagtail's JSON/sprite endpoints.
SKIP = re.compile(
    r"/logout/|/jsi18n/|/sprite/|/api/|/preview/|/view_draft/|/revisions/\d+/view/"
    r"|/documents/\d+/[^/]+$|/serve/|export=|/images/\d+/generate_url/.+|/images/thumbnail/"
)
# Names that are no words: time zones (Europe/Ljubljana) and Wagtail's labels of models
# (home.homepage) in the time zone picker and the page types report.
NOT_WORDS = re.compile(r"\b[A-Z][\w+-]*(?:/[\w+-]+)+|\b[a-z_]+\.[a-z_]+\b")
# Words that are names, not English: the CMS, its editor, the formats and services it names.
NAMES = {
    "english",  # the admin's language picker names each language in itself
    "wagtail",  # the CMS's name in the footer and the "about" panel
    "draftail",  # the rich text editor's name
    "url",  # "URL" is the Slovenian word too
    "html",
    "pdf",
    "csv",
    "xlsx",
    "email",  # a field type's name in Wagtail's form builder
    "youtube",
    "vimeo",
    "gravatar",
    "bike",  # the type filter lists the tests' own programme type, "bike kitchen"
    "kitchen",
}


def catalogue_words(part):
    """Words of every msgid (part="msgid") or translation (part="msgstr") in the catalogues
    of Wagtail and Django: the English and the Slovenian vocabulary of the admin."""
    django_root = Path(__import__("django").__file__).parent
    paths = glob.glob(
        f"{Path(wagtail.__file__).parent}/**/locale/sl/LC_MESSAGES/*.po", recursive=True
    )
    paths += glob.glob(f"{django_root}/**/locale/sl/LC_MESSAGES/*.po", recursive=True)
    paths.append(str(ROOT / "locale" / "sl" / "LC_MESSAGES" / "django.po"))
    words = set()
    pattern = re.compile(rf'^{part}(?:\[\d\])? "(.*)"$|^"(.*)"$')
    for path in paths:
        current = None
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.startswith(("msgid", "msgstr", "msgctxt")):
                current = line.split(" ", 1)[0].split("[")[0].removesuffix("_plural")
            match = pattern.match(line)
            if match and current == part:
                text = re.sub(
                    r"%\(\w+\)\w|\{\w+\}|<[^>]+>|&\w+;", " ", match.group(1) or match.group(2) or ""
                )
                words.update(w.lower() for w in re.findall(r"[^\W\d_]+", text))
    return words


@functools.cache
def english_words():
    """English words of the admin that are not also Slovenian: the words of Wagtail's and
    Django's source strings, less every word their Slovenian translations use."""
    return {w for w in catalogue_words("msgid") - catalogue_words("msgstr") if len(w) > 1} - NAMES


class VisibleText(HTMLParser):
    """The text an editor reads: element text, and the attributes a screen shows or reads
    (title, placeholder, alt, aria-label); not scripts, styles or templates for JavaScript."""

    HIDDEN = {"script", "style", "template", "svg"}
    SHOWN_ATTRIBUTES = {"title", "placeholder", "alt", "aria-label", "data-w-tooltip-content-value"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.links, self.hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        self.parts.extend(v for k, v in attrs.items() if k in self.SHOWN_ATTRIBUTES and v)

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)
        elif self.lasttag == "script":
            # The sidebar menu is JSON that JavaScript renders: its links are links too.
            self.links.extend(re.findall(r'"(/admin/[^"]*)"', data))


def shape(url):
    """The kind of page at `url`; a programme's type (?type=) makes a kind of its own."""
    parts = urlsplit(url)
    keys = sorted(
        pair if pair.startswith("type=") else pair.split("=")[0]
        for pair in parts.query.split("&")
        if pair
    )
    return re.sub(r"\d+", "N", parts.path), tuple(keys)


HTML_OR_MODAL = ("text/html", "application/json")
# Choosers open in a modal from a form's button, which is JavaScript, not a link.
CHOOSERS = [
    "/admin/choose-page/",
    "/admin/images/chooser/",
    "/admin/documents/chooser/",
    "/admin/snippets/choose/stakeholders/stakeholder/",
    "/admin/snippets/choose/programmes/programme/",
]


def edit_forms(user):
    """One edit form of every page type the editor may edit: all share one shape of URL."""
    forms = {}
    for page in Page.objects.order_by("path").specific():
        if type(page) not in forms and page.permissions_for_user(user).can_edit():
            forms[type(page)] = f"/admin/pages/{page.pk}/edit/"
    return list(forms.values())


def crawl(client, user):
    """Every admin page reachable from the dashboard: {url: visible text}."""
    queue = ["/admin/", *CHOOSERS, *edit_forms(user)]
    seen, shapes, pages = set(queue), Counter(), {}
    while queue and len(pages) < MAX_PAGES:
        url = queue.pop(0)
        response = client.get(url)
        assert response.status_code < 500, url
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not content_type.startswith(HTML_OR_MODAL):
            continue
        # A chooser answers with JSON holding its modal's HTML.
        html = (
            response.json().get("html", "") if "json" in content_type else response.content.decode()
        )
        parser = VisibleText()
        parser.feed(html)
        pages[url] = NOT_WORDS.sub(" ", " ".join(parser.parts))
        for href in parser.links:
            link = urldefrag(href)[0].replace("&amp;", "&")
            if not link.startswith("/admin/") or link in seen or SKIP.search(link):
                continue
            seen.add(link)
            if shapes[shape(link)] < PER_SHAPE:
                shapes[shape(link)] += 1
                queue.append(link)
    return pages


@pytest.fixture
def portal_plugins(settings):
    """The portal's own programme types, without the one the tests add (English on purpose)."""
    settings.PROGRAMME_PLUGINS = [key for key in registry.active_keys() if key != "bike_kitchen"]


@pytest.mark.parametrize("username", EDITORS)
def test_no_english_on_any_admin_page(client, demo_database, portal_plugins, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    pages = crawl(client, user)
    assert len(pages) > 50
    english = english_words()
    found = {}
    for url, text in pages.items():
        for match in re.finditer(r"[^\W\d_]+", text):
            if match.group().lower() in english and match.group() not in found:
                context = " ".join(text[match.start() - 40 : match.end() + 40].split())
                found[match.group()] = f"«{context}» on {url}"
    assert found == {}, "\n".join(f"{word}: {where}" for word, where in sorted(found.items()))


COUNTS = {1: 0, 2: 1, 3: 2, 4: 2, 5: 3, 101: 0, 102: 1, 111: 3}


@pytest.mark.parametrize(
    ("model_label", "forms"),
    [
        ("bookings.bookingrequest", ["zahtevek", "zahtevka", "zahtevki", "zahtevkov"]),
        ("wagtailimages.image", ["slika", "sliki", "slike", "slik"]),
        ("stakeholders.stakeholder", ["deležnik", "deležnika", "deležniki", "deležnikov"]),
        ("wagtailcore.page", ["stran", "strani", "strani", "strani"]),
        ("wagtaildocs.document", ["dokument", "dokumenta", "dokumenti", "dokumentov"]),
        ("events.eventpage", ["dogodek", "dogodka", "dogodki", "dogodkov"]),
        ("news.newspage", ["novica", "novici", "novice", "novic"]),
        ("programmes.programme", ["program", "programa", "programi", "programov"]),
        ("consultations.consultationpage", ["posvet", "posveta", "posveti", "posvetov"]),
        ("consultations.response", ["odgovor", "odgovora", "odgovori", "odgovorov"]),
    ],
)
def test_counted_things_take_the_slovenian_form_of_their_number(model_label, forms):
    model = apps.get_model(model_label)
    with translation.override("sl"):
        for count, form in COUNTS.items():
            assert count_label(model, count) == f"{count} {forms[form]}"


def test_the_admin_counts_in_slovenian(client, demo_database, portal_plugins):
    """The dashboard's summary and a listing's count, as the municipal editor reads them."""
    client.force_login(get_user_model().objects.get(username="obcina"))
    dashboard = VisibleText()
    dashboard.feed(client.get("/admin/").content.decode())
    summary = " ".join(" ".join(dashboard.parts).split())
    pages = Page.objects.filter(depth__gt=1).count()
    assert re.search(rf"{pages} strani? na spletišču", summary)
    images = get_image_model().objects.count()
    image_forms = ["slika", "sliki", "slike", "slike", "slik"]
    assert f"{images} {image_forms[min(images, 5) - 1]} na spletišču" in summary
    listing = VisibleText()
    listing.feed(client.get("/admin/snippets/stakeholders/stakeholder/").content.decode())
    stakeholders = Stakeholder.objects.count()
    assert count_label(Stakeholder, stakeholders) in " ".join(listing.parts)


def test_dates_in_the_admin_take_the_genitive_month():
    with translation.override("sl"):
        day = datetime.date(2026, 12, 14)
        assert date_format(day) == "14. decembra 2026"
        assert date_format(day, "MONTH_DAY_FORMAT") == "14. decembra"


@pytest.mark.parametrize(
    ("template", "wagtail_line", "portal_line"),
    [
        (
            "wagtailadmin/shared/pagination_nav.html",
            "{{ items.paginator.items_count_label|capfirst }}",
            "{% count_label items.paginator.model items.paginator.count %}",
        ),
        (
            "wagtailadmin/shared/headers/_actions.html",
            '<nav aria-label="Actions" ',
            "<nav aria-label=\"{% translate 'Actions' %}\" ",
        ),
    ],
)
def test_the_overridden_wagtail_templates_still_match_wagtails(template, wagtail_line, portal_line):
    """templates/wagtailadmin/ copies two of Wagtail's templates to change one line each:
    an upgrade that changes Wagtail's copy fails here, so the portal's is brought along."""
    wagtails = (Path(wagtail.__file__).parent / "admin" / "templates" / template).read_text()
    portals = (ROOT / "templates" / template).read_text()
    assert wagtail_line in wagtails
    assert (
        wagtails.replace(wagtail_line, portal_line).splitlines()[-5:] == portals.splitlines()[-5:]
    )
    assert set(wagtails.replace(wagtail_line, portal_line).splitlines()) <= set(
        portals.splitlines()
    )


# Strings that Slovenian writes as English does.
SAME_IN_SLOVENIAN = {
    "URL",
    "ID",
    "Filter",
    "Wagtail API v2",
    "Wagtail API v3",
    "%(field_label)s:",
    "%(related_model_name)s %(field_label)s",
    "%(status_display)s %(task_name)s %(started_at)s",
    "%(time_zone_option)s: %(localized_time_zone_label)s",
}


def source_strings(domain):
    """(context, msgid, msgid_plural) of every string of the installed Wagtail apps' `domain`
    catalogue, read from their English catalogue (the complete list of source strings)."""
    strings = []
    for config in apps.get_app_configs():
        path = Path(config.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if not config.name.startswith("wagtail") or not path.exists():
            continue
        for block in path.read_text(encoding="utf-8").split("\n\n")[1:]:
            fields, current = {}, None
            for line in block.splitlines():
                match = re.match(r'^(msgctxt|msgid|msgid_plural) "(.*)"$', line)
                if match:
                    current = match.group(1)
                    fields[current] = unescape(match.group(2))
                elif line.startswith('"') and current:
                    fields[current] += unescape(line[1:-1])
                elif line.startswith("msgstr"):
                    current = None
            if fields.get("msgid"):
                strings.append((fields.get("msgctxt"), fields["msgid"], fields.get("msgid_plural")))
    return strings


def unescape(text):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def test_every_string_of_wagtails_admin_has_a_slovenian_translation():
    """What the crawl cannot reach (messages after an action, workflow notices, API tokens)
    is Slovenian too: Wagtail's catalogue, or the portal's locale/ where it lacks one."""
    untranslated = []
    with translation.override("sl"):
        for context, singular, plural in source_strings("django"):
            if singular in SAME_IN_SLOVENIAN:
                continue
            if plural:
                translated = (
                    translation.npgettext(context, singular, plural, 5)
                    if context
                    else translation.ngettext(singular, plural, 5)
                )
                english = plural
            else:
                translated = (
                    translation.pgettext(context, singular)
                    if context
                    else translation.gettext(singular)
                )
                english = singular
            if translated == english:
                untranslated.append(singular)
    assert untranslated == []


def test_wagtails_javascript_speaks_slovenian(client):
    """Wagtail's admin JavaScript takes its words from /admin/jsi18n/ (the djangojs domain),
    which the portal's locale/sl/LC_MESSAGES/djangojs.po completes."""
    script = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="sl").content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    missing = [
        singular
        for _context, singular, _plural in source_strings("djangojs")
        if singular not in SAME_IN_SLOVENIAN
        and not any(key.endswith(singular) for key in catalogue)
    ]
    assert missing == []
