"""A KS editor sets up a repeating event in the page editor, as in the browser."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from portal.events.models import EventPage, Occurrence
from tests import builders
from tests.programme_helpers import browser_form_data, form_data, in_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("urednik", "u@example.org", "x")
    client.force_login(in_english(user))
    return client


@pytest.fixture
def calendar():
    return builders.calendar(builders.community("Golnik"))


def next_wednesday():
    day = builders.today() + datetime.timedelta(days=1)
    return day + datetime.timedelta(days=(2 - day.weekday()) % 7)


def post(client, url, data):
    """Post a QueryDict with every value of a multi-valued field (ticked checkboxes)."""
    return client.post(url, dict(data.lists()))


def add_form(client, calendar, **fields):
    """The editor's add form as the browser sends it, with `fields` filled in."""
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", calendar.pk))
    return url, form_data(client, url, form_id="page-edit-form", **fields)


def test_the_form_offers_repeats_without_rule_text(editor, calendar):
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", calendar.pk))
    html = editor.get(url).content.decode()
    for name in ("frequency", "interval", "weekdays", "monthly_by", "ends", "until", "count"):
        assert f'name="{name}"' in html
    assert 'name="rrule"' not in html
    assert "excluded_dates-TOTAL_FORMS" in html
    assert "date_changes-TOTAL_FORMS" in html


def test_an_editor_publishes_a_weekly_event_and_its_dates_appear(client, editor, calendar):
    first = next_wednesday()
    url, data = add_form(
        editor,
        calendar,
        title="Srečanje ob sredah",
        slug="srecanje-ob-sredah",
        start=f"{first} 18:00",
        end=f"{first} 20:00",
        location="Dom krajanov Golnik",
        frequency="WEEKLY",
        weekdays=["MO", "WE"],
        ends="after",
        count="6",
        **{"action-publish": "1"},
    )
    data.update(
        nested_form_data(
            {"excluded_dates": inline_formset([{"date": str(first + datetime.timedelta(days=5))}])}
        )
    )
    response = post(editor, url, data)
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="srecanje-ob-sredah")
    assert event.live
    assert event.rrule == "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6"
    starts = [timezone.localtime(o.start) for o in Occurrence.objects.filter(event=event)]
    assert len(starts) == 5  # six in the rule, one left out
    assert all(s.hour == 18 for s in starts)
    assert {s.weekday() for s in starts} == {0, 2}
    html = client.get("/golnik/dogodki/").content.decode()
    assert html.count("Srečanje ob sredah") == 5

    unpublish = reverse("wagtailadmin_pages:unpublish", args=(event.pk,))
    assert editor.post(unpublish).status_code == 302
    assert not Occurrence.objects.filter(event=event).exists()
    assert "Srečanje ob sredah" not in client.get("/golnik/dogodki/").content.decode()


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"end": "2030-03-02 16:00"}, "end"),
        ({"frequency": "WEEKLY", "interval": "0"}, "interval"),
        ({"frequency": "WEEKLY", "interval": "-3"}, "interval"),
        ({"frequency": "WEEKLY", "weekdays": ["MO"]}, "weekdays"),
        ({"frequency": "WEEKLY", "ends": "on_date"}, "until"),
        ({"frequency": "WEEKLY", "ends": "on_date", "until": "2030-01-01"}, "until"),
        ({"frequency": "WEEKLY", "ends": "after", "count": "0"}, "count"),
        ({"frequency": "HOURLY"}, "frequency"),
        ({"frequency": "MONTHLY", "monthly_by": "weekday", "start": "2030-03-30 17:00"}, None),
        ({"is_free": None}, "price"),
        ({"registration": "link"}, "registration_url"),
        ({"registration": "link", "registration_url": "javascript:alert(1)"}, "registration_url"),
        ({"registration": "contact"}, "contact_email"),
        ({"registration": "contact", "contact_email": "ni-naslov"}, "contact_email"),
        ({"start": "not a date"}, "start"),
    ],
)
def test_bad_input_is_a_form_error_not_a_500(editor, calendar, fields, field):
    """`None` unticks a checkbox; 2 March 2030 is a Saturday, 30 March its fifth."""
    fields = {
        "title": "Napačen vnos",
        "slug": "napacen-vnos",
        "start": "2030-03-02 17:00",
        "end": "2030-03-02 19:00",
        "location": "Dom",
        **fields,
    }
    filled = {name: value for name, value in fields.items() if value is not None}
    url, data = add_form(editor, calendar, **{"action-publish": "1", **filled})
    for unticked in fields.keys() - filled.keys():
        data.pop(unticked)
    response = post(editor, url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    if field:
        assert field in errors, errors
    else:
        assert errors
    assert not EventPage.objects.filter(slug="napacen-vnos").exists()


def weekly_meeting_form(client, calendar, first):
    """The add form of a meeting every week from `first`, to be published."""
    return add_form(
        client,
        calendar,
        title="Srečanje",
        slug="srecanje",
        start=f"{first} 18:00",
        location="Dom",
        frequency="WEEKLY",
        **{"action-publish": "1"},
    )


def test_a_moved_date_must_say_where_to(editor, calendar):
    first = next_wednesday()
    url, data = weekly_meeting_form(editor, calendar, first)
    data.update(nested_form_data({"date_changes": inline_formset([{"original_date": str(first)}])}))
    response = post(editor, url, data)
    assert response.status_code == 200
    assert not EventPage.objects.filter(slug="srecanje").exists()


@pytest.mark.parametrize("language", ["en", "sl"])
def test_an_event_saved_back_unchanged_keeps_its_dates_in_either_admin_language(
    client, calendar, language
):
    """The editor shows dates as 09. 12. 2026 (WAGTAIL_DATE_FORMAT) in every admin
    language; the form must read them back in every one too."""
    user = get_user_model().objects.create_superuser("urednica", "u2@example.org", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    event = builders.event(calendar, "Kvačkanje", start=builders.at(9, hour=17))
    url = reverse("wagtailadmin_pages:edit", args=(event.pk,))
    data = browser_form_data(client.get(url).content.decode(), form_id="page-edit-form")
    data["action-publish"] = "action-publish"
    response = post(client, url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert timezone.localtime(event.start) == builders.at(9, hour=17)


def test_a_changed_date_the_event_does_not_have_is_refused_with_a_reason(editor, calendar):
    first = next_wednesday()
    url, data = weekly_meeting_form(editor, calendar, first)
    thursday = first + datetime.timedelta(days=8)
    changes = [{"original_date": str(thursday), "cancelled": "on"}]
    data.update(nested_form_data({"date_changes": inline_formset(changes)}))
    response = post(editor, url, data)
    assert response.status_code == 200
    assert "does not take place on this date" in response.content.decode()
    assert not EventPage.objects.filter(slug="srecanje").exists()
    # The same change on a Wednesday of the rule is taken.
    data.update(
        nested_form_data(
            {
                "date_changes": inline_formset(
                    [{**changes[0], "original_date": str(thursday - datetime.timedelta(days=1))}]
                )
            }
        )
    )
    assert post(editor, url, data).status_code == 302
    assert EventPage.objects.get(slug="srecanje").date_changes.count() == 1
