"""News as residents read it (lists, filters, feeds) and as a KS editor writes it."""

import datetime
import zoneinfo
from html.parser import HTMLParser
from unittest import mock

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.embeds.finders.base import EmbedFinder
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portal.communities.provisioning import add_community_editor, provision_community
from portal.news.models import NewsPage
from programmes.models import Theme
from tests import builders

pytestmark = pytest.mark.django_db

LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")
# Queries for a whole page, navigation and footer included, however much news there is.
NEWS_INDEX_QUERIES = 4
FEED_QUERIES = 4
NEWS_PAGE_QUERIES = 3


@pytest.fixture
def news_section():
    ks = builders.community("KS Golnik", slug="golnik")
    return ks, builders.news_index(ks)


@pytest.fixture
def municipal_index():
    return builders.news_index(builders.home_page())


def image(title, **fields):
    return Image.objects.create(
        title=title,
        file=get_test_image_file(),
        collection=Collection.get_first_root_node(),
        **fields,
    )


def themes(*keys):
    return list(Theme.objects.filter(key__in=keys))


def news(index, title, day, themes_=(), tags=(), **fields):
    item = builders.news(index, title, date=day, **fields)
    item.themes.set(themes_)
    item.tags.set(tags)
    item.save_revision().publish()
    return item


# --- The body of blocks -----------------------------------------------------------------


class FakeYouTube(EmbedFinder):
    """What YouTube's oEmbed answers, without the network."""

    def accept(self, url):
        return url.startswith("https://www.youtube.com/")

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "Popravljalnica v Stražišču",
            "type": "video",
            "provider_name": "YouTube",
            "html": '<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560"'
            ' height="315" allowfullscreen></iframe>',
            "width": 560,
            "height": 315,
        }


def test_every_kind_of_block_shows_on_the_news_page(client, news_section, monkeypatch):
    monkeypatch.setattr("wagtail.embeds.embeds.get_finders", lambda: [FakeYouTube()])
    ks, index = news_section
    photo = image("Krajani na delavnici")
    plan = image("Tloris prostora", description="Tloris: dvorana in kuhinja")
    rules = Document.objects.create(
        title="Hišni red",
        file=ContentFile(b"Red v prostoru", name="hisni-red.txt"),
        collection=Collection.get_first_root_node(),
    )
    item = builders.news(
        index,
        "Z delavnice na Golniku",
        body=[
            ("paragraph", RichText("<p>Največ predlogov je bilo za <b>skupnostni vrt</b>.</p>")),
            ("image", {"image": photo, "caption": "V krogih vrtiljaka", "alt_text": ""}),
            ("image", {"image": plan, "caption": "", "alt_text": "Načrt prostora"}),
            ("quote", {"text": "Prostor je naš.", "attribution": "Krajanka z Golnika"}),
            ("document", {"document": rules, "title": "Preberite hišni red"}),
            ("embed", "https://www.youtube.com/watch?v=abc"),
        ],
    )
    response = client.get(item.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Največ predlogov je bilo za <b>skupnostni vrt</b>." in html
    # No alt text and no description: left to its caption, never the title (issue 17).
    assert 'alt=""' in html and 'alt="Krajani na delavnici"' not in html
    assert 'alt="Načrt prostora"' in html
    assert "<figcaption" in html and "V krogih vrtiljaka" in html
    assert "<blockquote" in html and "Prostor je naš." in html and "Krajanka z Golnika" in html
    assert f'href="{rules.url}">Preberite hišni red</a>' in html
    assert '<iframe title="Popravljalnica v Stražišču"' in html
    assert 'href="https://www.youtube.com/watch?v=abc"' in html  # a link for everyone
    assert "style=" not in html  # the Content-Security-Policy forbids inline style


def test_an_image_without_alt_text_uses_its_description_first(client, news_section):
    _ks, index = news_section
    plan = image("tloris.png", description="Tloris: dvorana in kuhinja")
    item = builders.news(index, "Tloris", body=[("image", {"image": plan, "alt_text": ""})])
    assert 'alt="Tloris: dvorana in kuhinja"' in client.get(item.url).content.decode()


def test_search_finds_words_inside_the_blocks(client, news_section):
    _ks, index = news_section
    builders.news(
        index,
        "Poročilo",
        body=[("quote", {"text": "Popravljalnica koles je zlata vredna.", "attribution": ""})],
    )
    html = client.get("/iskanje/", {"q": "popravljalnica koles"}).content.decode()
    assert "Poročilo" in html


def test_ks_editor_writes_a_news_item_with_blocks_themes_and_tags(
    client, news_section, django_user_model
):
    ks, index = news_section
    provision_community(ks)
    editor = django_user_model.objects.create_user("ks-golnik", password="x")
    add_community_editor(ks, editor)
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk])
    assert client.get(add_url).status_code == 200
    energy = Theme.objects.get(key="energy")
    response = client.post(
        add_url,
        nested_form_data(
            {
                "title": "Energetsko svetovanje tudi na Golniku",
                "slug": "energetsko-svetovanje",
                "date": "2026-11-20",
                "intro": "Vsak prvi torek v mesecu.",
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>Svetovalec bo odgovarjal na vprašanja.</p>")),
                        ("quote", {"text": "Prihranimo skupaj.", "attribution": "Svet KS"}),
                    ]
                ),
                "tags": "energija, svetovanje",
                "action-publish": "1",
            }
        )
        | {"themes": [energy.pk]},  # ticked boxes: one value per box, not nested
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    html = client.get("/golnik/novice/energetsko-svetovanje/").content.decode()
    assert "Svetovalec bo odgovarjal na vprašanja." in html
    assert "Prihranimo skupaj." in html
    assert "?theme=energy" in html and "?tag=svetovanje" in html
    item = NewsPage.objects.get(slug="energetsko-svetovanje")
    edit_url = reverse("wagtailadmin_pages:edit", args=[item.pk])
    client.force_login(editor)
    assert "Prihranimo skupaj." in client.get(edit_url).content.decode()


# --- Lists and filters -------------------------------------------------------------------


@pytest.fixture
def news_section_items(news_section):
    _ks, index = news_section
    news(index, "Vrt ob domu", datetime.date(2017, 11, 9), themes("food"), ["vrt"])
    news(index, "Sončne celice", datetime.date(2018, 3, 1), themes("energy"), ["energija"])
    news(index, "Vrtnarjenje z otroki", datetime.date(2018, 5, 1), themes("food"), ["vrt"])
    return index


def titles(response):
    return [item.title for item in response.context["news_page"].object_list]


def test_theme_tag_and_year_filter_the_list_together(client, news_section_items):
    assert titles(client.get("/golnik/novice/", {"theme": "food"})) == [
        "Vrtnarjenje z otroki",
        "Vrt ob domu",
    ]
    assert titles(client.get("/golnik/novice/", {"tag": "vrt", "year": "2018"})) == [
        "Vrtnarjenje z otroki"
    ]
    response = client.get("/golnik/novice/", {"theme": "energy", "year": "2017"})
    assert response.status_code == 200
    assert "Nobena novica ne ustreza tem filtrom" in response.content.decode()


def test_year_and_tag_choices_come_from_the_news_of_the_section(client, news_section_items):
    other = builders.news_index(builders.community("KS Stražišče", slug="strazisce"))
    news(other, "Kolesa", datetime.date(2015, 1, 1), tags=["kolesa"])
    html = client.get("/golnik/novice/").content.decode()
    assert '<option value="2018">2018</option>' in html
    assert '<option value="2015">' not in html
    assert '<option value="kolesa">' not in html
    tag_list = html[html.index('id="tags-heading"') :]
    assert tag_list.index(">vrt <") < tag_list.index(">energija <")  # the most used first


@pytest.mark.parametrize(
    "query",
    [{"year": "1999"}, {"theme": "nekaj"}, {"tag": "ni-take"}, {"year": "dve", "tag": "vrt"}],
)
def test_filters_that_cannot_be_used_answer_400_with_the_form(client, news_section_items, query):
    response = client.get("/golnik/novice/", query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nekaterih filtrov ni bilo mogoče uporabiti" in html
    assert "Izberite" in html  # what to do instead
    assert 'id="filter-year"' in html  # the form is there to try again


def test_pages_keep_the_filters(client, news_section):
    _ks, index = news_section
    for day in range(1, 15):
        news(index, f"Vrt {day:02d}", datetime.date(2018, 1, day), tags=["vrt"])
    news(index, "Brez oznake", datetime.date(2018, 2, 1))
    first = client.get("/golnik/novice/", {"tag": "vrt"})
    assert "Brez oznake" not in titles(first)
    assert 'href="?tag=vrt&amp;page=2"' in first.content.decode()
    second = client.get("/golnik/novice/", {"tag": "vrt", "page": "2"})
    assert titles(second) == ["Vrt 02", "Vrt 01"]


def test_municipal_news_and_home_show_every_ks_with_its_label(client, municipal_index):
    for name in ("Golnik", "Stražišče"):
        index = builders.news_index(builders.community(f"KS {name}", slug=slugify(name)))
        news(index, f"Novica iz KS {name}", datetime.date(2018, 1, 1))
    news(municipal_index, "Novica občine", datetime.date(2018, 1, 2))
    for url in ("/novice/", "/"):
        html = client.get(url).content.decode()
        for title, label in (
            ("Novica iz KS Golnik", "KS Golnik"),
            ("Novica iz KS Stražišče", "KS Stražišče"),
            ("Novica občine", "Vsa občina"),
        ):
            item = html[html.index(title) :]
            assert label in item[: item.index("</article>")]


def test_drafts_and_private_news_stay_out_of_lists_and_feeds(client, news_section, municipal_index):
    ks, index = news_section
    builders.news(index, "Objavljeno")
    builders.news(index, "Osnutek").unpublish()
    private = builders.news(index, "Za svet KS")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for url in ("/golnik/novice/", "/novice/", "/", "/golnik/novice/rss/", "/novice/atom/"):
        body = client.get(url).content.decode()
        assert "Objavljeno" in body
        assert "Osnutek" not in body and "Za svet KS" not in body


def test_news_index_queries_do_not_grow_with_the_news(
    client, news_section, django_assert_num_queries
):
    ks, index = news_section
    photo = image("Slika")

    def add_news(count, start):
        for number in range(start, start + count):
            news(
                index,
                f"Novica {number}",
                datetime.date(2018, 1, 1) + datetime.timedelta(days=number),
                themes("food"),
                ["vrt"],
                image=photo,
            )

    queries = {}
    for count, start in ((3, 0), (27, 3)):  # 3 items, then 30
        add_news(count, start)
        for query in ({}, {"theme": "food", "tag": "vrt", "year": "2018", "page": "2"}):
            client.get("/golnik/novice/", query)  # after a change: years and tags read once
            with django_assert_num_queries(NEWS_INDEX_QUERIES) as captured:
                assert client.get("/golnik/novice/", query).status_code == 200
            queries[count, bool(query)] = len(captured)
    assert set(queries.values()) == {NEWS_INDEX_QUERIES}


def test_news_page_queries_are_pinned(client, news_section, django_assert_num_queries):
    _ks, index = news_section
    item = news(index, "Vrt", datetime.date(2018, 1, 1), themes("food", "energy"), ["a", "b"])
    client.get(item.url)
    with django_assert_num_queries(NEWS_PAGE_QUERIES):
        assert client.get(item.url).status_code == 200


# --- Feeds -------------------------------------------------------------------------------


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return response, feed


def test_ks_feeds_hold_only_its_news_with_dates_categories_and_links(client, news_section):
    _ks, index = news_section
    item = news(index, "Vrt ob domu", datetime.date(2017, 11, 9), themes("food"), ["vrt"])
    first_published = datetime.datetime(2017, 11, 9, 8, 30, tzinfo=LJUBLJANA)
    NewsPage.objects.filter(pk=item.pk).update(first_published_at=first_published)
    news(
        builders.news_index(builders.community("KS Stražišče", slug="strazisce")),
        "Kolesa",
        datetime.date(2018, 1, 1),
    )

    response, rss = parsed(client, "/golnik/novice/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert rss.version == "rss20"
    assert rss.feed.title == "Novice – KS Golnik"
    assert rss.feed.link == "http://testserver/golnik/novice/"
    [entry] = rss.entries
    assert entry.title == "Vrt ob domu"
    assert entry.link == "http://testserver/golnik/novice/vrt-ob-domu/"
    assert "description" not in entry  # no lead text, no description
    assert entry.id == f"urn:uuid:{item.translation_key}"
    assert entry.published_parsed[:5] == (2017, 11, 9, 7, 30)  # 8.30 in Kranj, in UTC
    assert {tag.term for tag in entry.tags} == {
        "prehranska samooskrba in ekološko kmetovanje",
        "vrt",
    }
    assert entry.author == "KS Golnik" or "KS Golnik" in entry.get("author_detail", {}).get(
        "name", ""
    )

    response, atom = parsed(client, "/golnik/novice/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert atom.version == "atom10"
    assert [entry.title for entry in atom.entries] == ["Vrt ob domu"]
    assert atom.entries[0].id == f"urn:uuid:{item.translation_key}"


class ShownText(HTMLParser):
    """The text a feed reader shows for an HTML description, a line break as "\n"."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.feed(html)
        self.close()
        self.text = "".join(self.parts)

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def test_feed_items_carry_the_lead_text_as_html_shown_as_written(client, news_section):
    _ks, index = news_section
    intro = 'Vrt & <sosedje> "skupaj" – 3 < 5\nPridite ob 17.00.'
    news(index, "Vrt ob domu", datetime.date(2017, 11, 9), intro=intro)
    for url in ("/golnik/novice/rss/", "/golnik/novice/atom/"):
        _response, feed = parsed(client, url)
        [entry] = feed.entries
        assert entry.summary_detail.type == "text/html", url
        assert ShownText(entry.summary).text == intro, url


def test_municipal_feed_holds_every_ks_newest_first_and_at_most_thirty(client, municipal_index):
    index = builders.news_index(builders.community("KS Golnik", slug="golnik"))
    for number in range(31):
        news(index, f"Novica {number:02d}", datetime.date(2018, 1, 1) + datetime.timedelta(number))
    _response, rss = parsed(client, "/novice/rss/")
    assert rss.feed.title == "Novice vseh krajevnih skupnosti"
    assert len(rss.entries) == 30
    assert rss.entries[0].title == "Novica 30"


def test_feed_queries_do_not_grow_with_the_news(client, news_section, django_assert_num_queries):
    _ks, index = news_section
    for count in (2, 20):
        for number in range(count):
            news(
                index, f"Novica {count}-{number}", datetime.date(2018, 1, 1), themes("food"), ["x"]
            )
        client.get("/golnik/novice/rss/")
        with django_assert_num_queries(FEED_QUERIES):
            client.get("/golnik/novice/rss/")


def test_pages_name_their_feeds_for_feed_readers(client, news_section, municipal_index):
    ks, index = news_section
    item = builders.news(index, "Vrt")
    ks_rss = '<link rel="alternate" type="application/rss+xml" title="Novice – KS Golnik (RSS)"'
    for url in ("/golnik/", "/golnik/novice/", item.url):
        html = client.get(url).content.decode()
        assert ks_rss + ' href="/golnik/novice/rss/">' in html
        assert 'type="application/atom+xml"' in html and 'href="/golnik/novice/atom/"' in html
    html = client.get("/").content.decode()
    assert 'title="Novice vseh krajevnih skupnosti (RSS)" href="/novice/rss/"' in html
    index_html = client.get("/golnik/novice/").content.decode()
    assert '<a class="more-link" href="/golnik/novice/rss/" type="application/rss+xml">RSS</a>' in (
        index_html
    )


# --- Scheduled publishing ----------------------------------------------------------------


def test_news_with_a_go_live_date_appears_only_after_publish_scheduled(client, news_section):
    _ks, index = news_section
    go_live = timezone.now() + datetime.timedelta(days=2)
    item = NewsPage(
        title="Napoved: odprtje vrta",
        date=go_live.date(),
        body=[("paragraph", RichText("<p>Odpiramo.</p>"))],
        live=False,
    )
    index.add_child(instance=item)
    item.go_live_at = go_live
    item.save_revision().publish()
    item.refresh_from_db()
    assert not item.live

    def listed():
        return [
            "Napoved: odprtje vrta" in client.get(url).content.decode()
            for url in ("/golnik/novice/", "/golnik/novice/rss/", "/golnik/")
        ]

    call_command("publish_scheduled")  # too early: nothing to publish
    assert listed() == [False, False, False]
    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    assert listed() == [True, True, True]
    assert client.get("/golnik/novice/napoved-odprtje-vrta/").status_code == 200


def test_a_news_item_links_its_newer_and_older_neighbours(client, golnik):
    index = builders.news_index(golnik)
    dates = [builders.days_ahead(-days) for days in (30, 20, 10)]
    old, middle, new = (
        builders.news(index, title, date=date)
        for title, date in zip(("Stara", "Srednja", "Nova"), dates, strict=True)
    )
    html = client.get(middle.url).content.decode()
    assert f'Novejša novica:</span> <a href="{new.url}">Nova</a>' in html
    assert f'Starejša novica:</span> <a href="{old.url}">Stara</a>' in html
    assert "Novejša novica" not in client.get(new.url).content.decode()
