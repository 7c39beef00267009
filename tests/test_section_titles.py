"""A KS's calendar and news are titled "Dogodki" and "Novice" in every KS: their browser
tab and heading say whose they are ("Dogodki – KS Golnik")."""

import re

import pytest

from tests import builders

pytestmark = pytest.mark.django_db


def title_and_heading(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    (title,) = re.findall(r"<title>(.*?)</title>", html, re.S)
    (heading,) = re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return " ".join(title.split()), " ".join(heading.split())


def test_a_ks_calendar_and_news_name_their_ks(client, golnik_provisioned):
    title, heading = title_and_heading(client, "/golnik/dogodki/")
    assert title.startswith("Dogodki – KS Golnik · ")
    assert heading == "Dogodki – KS Golnik"
    title, heading = title_and_heading(client, "/golnik/dogodki/preteklo/")
    assert title.startswith("Pretekli dogodki · Dogodki – KS Golnik · ")
    title, heading = title_and_heading(client, "/golnik/novice/")
    assert title.startswith("Novice – KS Golnik · ")
    assert heading == "Novice – KS Golnik"


def test_a_title_that_names_its_ks_and_the_municipal_calendar_stay_as_they_are(client, golnik):
    builders.calendar(golnik, "Dogodki v KS Golnik")
    builders.calendar(builders.home_page(), "Dogodki v vseh KS")
    assert title_and_heading(client, "/golnik/dogodki/")[1] == "Dogodki v KS Golnik"
    assert title_and_heading(client, "/dogodki/")[1] == "Dogodki v vseh KS"
