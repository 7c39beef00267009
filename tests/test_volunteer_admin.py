"""Fewer clicks and clearer words for a KS volunteer in the admin: the calendar and news
index say what they add, new images need their alternative text, and public pages give an
image its description, never its title (often the file's name)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.events.models import EventCalendarPage
from portal.news.models import NewsIndexPage
from tests import builders

pytestmark = pytest.mark.django_db


def test_the_calendar_and_the_news_say_what_they_add(client, golnik_provisioned, ks_editor):
    client.force_login(ks_editor)
    calendar = EventCalendarPage.objects.child_of(golnik_provisioned).get()
    news = NewsIndexPage.objects.child_of(golnik_provisioned).get()
    for index, words in ((calendar, "Dodaj dogodek"), (news, "Dodaj novico")):
        explorer = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
        button = re.search(
            r'<a href="([^"]+)" class="w-header-button[^"]*"[^>]*>(.*?)</a>', explorer, re.S
        )
        assert button and words in button.group(2), words
        assert client.get(button.group(1), follow=True).status_code == 200
    # The KS's own listing carries both on the rows of its calendar and news.
    listing = client.get(reverse("wagtailadmin_explore", args=[golnik_provisioned.pk])).content
    listing = listing.decode()
    assert f"/admin/pages/add/events/eventpage/{calendar.pk}/" in listing
    assert f"/admin/pages/add/news/newspage/{news.pk}/" in listing
    assert "Dodaj dogodek" in listing and "Dodaj novico" in listing


def add_image(client, collection, **fields):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "IMG_1234.jpg",
            "file": SimpleUploadedFile("IMG_1234.png", get_test_image_file().file.getvalue()),
            "collection": collection.pk,
            **fields,
        },
    )


def test_a_new_image_needs_its_alternative_text(client, golnik_provisioned, ks_editor):
    client.force_login(ks_editor)
    refused = add_image(client, golnik_provisioned.collection)
    assert refused.status_code == 200 and not Image.objects.exists()
    assert "Nadomestno besedilo" in refused.content.decode()
    assert "description" in refused.context["form"].errors, refused.context["form"].errors
    response = add_image(client, golnik_provisioned.collection, description="Krajani na delavnici")
    assert response.status_code == 302
    assert Image.objects.get().description == "Krajani na delavnici"


def test_a_public_page_gives_an_image_its_description_or_nothing_never_its_title(
    client, golnik_provisioned
):
    calendar = EventCalendarPage.objects.child_of(golnik_provisioned).get()
    described = Image.objects.create(
        title="IMG_1.jpg", file=get_test_image_file(), description="Popravljalnica v domu"
    )
    undescribed = Image.objects.create(title="IMG_2.jpg", file=get_test_image_file())
    first = builders.event(calendar, "Popravljalnica", image=described)
    second = builders.event(calendar, "Šivalnica", image=undescribed)
    for event, alt in ((first, "Popravljalnica v domu"), (second, "")):
        page = client.get(event.url).content.decode()
        images = re.findall(r"<img [^>]*>", page)
        assert any(f'alt="{alt}"' in tag for tag in images), images
        assert "IMG_" not in " ".join(re.findall(r'alt="([^"]*)"', page))


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/admin/choose-external-link/", ["Besedilo povezave"]),
        ("/admin/choose-anchor-link/", ["Besedilo povezave"]),
        ("/admin/choose-email-link/", ["E-poštni naslov", "Besedilo povezave", "Zadeva"]),
        ("/admin/choose-phone-link/", ["Telefonska številka", "Besedilo povezave"]),
    ],
)
def test_the_link_choosers_label_their_fields_in_slovenian(client, ks_editor, path, words):
    client.force_login(ks_editor)
    response = client.get(path)
    assert response.status_code == 200
    html = response.json()["html"]
    for word in words:
        assert word in html, word
    for english in ("Link text", "Email address", "Phone number", "Subject"):
        assert english not in html, english
