"""Opening hours are dated: a KS representative who changes them in the space's admin
starts a new set of hours from a date (today unless they say otherwise), and every day
before it keeps the hours it had, in the utilisation report too."""

import csv
import datetime
import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from portal.communities.provisioning import add_community_editor
from portal.spaces.models import SpacePage
from tests import builders
from tests.builders import at
from tests.programme_helpers import form_data

pytestmark = pytest.mark.django_db

WED, FRI = 2, 4
TODAY = datetime.date(2026, 12, 7)  # a Monday


@pytest.fixture
def dom(golnik_provisioned, clock):
    clock.set(at(TODAY, 10))
    return builders.space_with_hours(
        golnik_provisioned, "Dom krajanov", weekly=[(FRI, "17:00", "20:00")]
    )


@pytest.fixture
def representative(client, golnik_provisioned):
    user = get_user_model().objects.create_user("ks-golnik", "ks@example.org", "x")
    add_community_editor(golnik_provisioned, user)
    client.force_login(user)
    return client


def add_hours(client, space, weekday, opens, closes, publish=True, **fields):
    """The representative adds a row of weekly hours and publishes the space (or saves a
    draft)."""
    url = reverse("wagtailadmin_pages:edit", args=(space.pk,))
    if publish:
        fields["action-publish"] = "action-publish"
    data = form_data(client, url, form_id="page-edit-form", **fields)
    index = int(data["weekly_hours-TOTAL_FORMS"])
    data["weekly_hours-TOTAL_FORMS"] = str(index + 1)
    row = {"weekday": str(weekday), "opens": opens, "closes": closes, "id": "", "DELETE": ""}
    row["ORDER"] = str(index + 1)
    data.update({f"weekly_hours-{index}-{name}": value for name, value in row.items()})
    response = client.post(url, dict(data.lists()))
    assert response.status_code == 302, response.content.decode()[:3000]
    return SpacePage.objects.get(pk=space.pk)


def open_hours(client, space, month):
    response = client.get(
        reverse("space_utilisation_report"),
        {"start": month, "end": month, "space": space.pk, "export": "csv"},
    )
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    heading, row = list(csv.reader(io.StringIO(text)))[:2]
    return row[heading.index("Ur odprto")]


def test_the_report_of_a_past_month_keeps_its_hours_when_todays_hours_change(representative, dom):
    # March 2026 has four Fridays: 4 × 3 hours.
    assert open_hours(representative, dom, "2026-03") == "12.0"
    add_hours(representative, dom, WED, "17:00", "20:00")
    assert open_hours(representative, dom, "2026-03") == "12.0"
    # From today on the Wednesdays count: 9, 16, 23 and 30 December; and the Fridays but
    # Christmas Day.
    assert open_hours(representative, dom, "2026-12") == "21.0"


def test_the_new_hours_hold_from_today_and_the_page_shows_them(representative, dom):
    saved = add_hours(representative, dom, WED, "17:00", "20:00")
    rows = {(row.weekday, row.valid_from) for row in saved.weekly_hours.all()}
    assert rows == {(WED, TODAY), (FRI, None), (FRI, TODAY)}
    html = representative.get(saved.url).content.decode()
    assert "sreda, 9. 12." in html
    place = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    days = [item["dayOfWeek"] for item in place["openingHoursSpecification"]]
    assert days == ["https://schema.org/Wednesday", "https://schema.org/Friday"]
    assert place["openingHoursSpecification"][0]["validFrom"] == "2026-12-07"


def test_hours_may_start_on_a_later_date(representative, dom, clock):
    saved = add_hours(representative, dom, WED, "09:00", "12:00", hours_valid_from="4. 1. 2027")
    # Today's hours are the old ones; the week of 4 January has the new.
    week = representative.get(saved.url + "zasedenost/", {"teden": "2026-W50"})
    assert "9.00" not in week.content.decode()
    week = representative.get(saved.url + "zasedenost/", {"teden": "2027-W01"})
    assert "9.00" in week.content.decode()
    # The admin shows the latest set, and since when it holds.
    html = representative.get(reverse("wagtailadmin_pages:edit", args=(saved.pk,))).content
    assert "4. 1. 2027" in html.decode()


def test_a_space_edited_without_touching_the_hours_keeps_one_set(representative, dom):
    url = reverse("wagtailadmin_pages:edit", args=(dom.pk,))
    data = form_data(
        representative, url, form_id="page-edit-form", **{"action-publish": "action-publish"}
    )
    response = representative.post(url, dict(data.lists()))
    assert response.status_code == 302
    rows = [(row.weekday, row.valid_from) for row in dom.weekly_hours.all()]
    assert rows == [(FRI, None)]


def test_a_draft_of_new_hours_published_later_keeps_the_old_ones(representative, dom):
    add_hours(representative, dom, WED, "17:00", "20:00", publish=False)
    url = reverse("wagtailadmin_pages:edit", args=(dom.pk,))
    data = form_data(
        representative, url, form_id="page-edit-form", **{"action-publish": "action-publish"}
    )
    assert representative.post(url, dict(data.lists())).status_code == 302
    rows = {(row.weekday, row.valid_from) for row in dom.weekly_hours.all()}
    assert rows == {(WED, TODAY), (FRI, None), (FRI, TODAY)}
    assert open_hours(representative, dom, "2026-03") == "12.0"
