"""Dates in the admin: what a date field shows is what its picker reads and what the server
takes, typed with or without spaces after the dots, in either admin language (issue 17)."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from programmes.testing import browser_form_data
from tests import builders

pytestmark = pytest.mark.django_db

# How the admin's date picker (jquery.datetimepicker's DateFormatter.parseDate) splits a
# field's text and its format: at every single one of these characters.
PICKER_SEPARATORS = r"[ \-+/.:@]"


def picker_reads(value, picker_format):
    """Whether the picker reads `value` in `picker_format` rather than putting "now" in
    its place: each separated part of the value is a number where the format has one."""
    parts = re.split(PICKER_SEPARATORS, value)
    fields = re.findall(r"[dmYHi]", picker_format)
    return len(parts) == len(fields) and all(part.isdigit() for part in parts)


def editor_in(client, language):
    user = get_user_model().objects.create_superuser(f"urednik-{language}", "u@example.org", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def date_widgets(html):
    """{field id: (shown value, picker config)} of every date, time and datetime picker."""
    widgets = {}
    for match in re.finditer(r'initDate(?:Time)?Chooser\("([^"]+)", (\{[^<]*?\})\);', html):
        field_id, config = match.group(1), json.loads(match.group(2))
        value = re.search(rf'id="{re.escape(field_id)}"[^>]*|[^<]*id="{field_id}"', html)
        shown = re.search(r'value="([^"]*)"', value.group(0)) if value else None
        widgets[field_id] = (shown.group(1) if shown else "", config)
    return widgets


@pytest.fixture
def event(golnik):
    calendar = builders.calendar(golnik)
    return builders.event(calendar, "Kvačkanje", start=builders.at(9, hour=17))


@pytest.mark.parametrize("language", ["sl", "en"])
def test_the_picker_reads_the_dates_the_form_shows(client, event, language):
    html = (
        editor_in(client, language)
        .get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))
        .content.decode()
    )
    widgets = date_widgets(html)
    shown, config = widgets["id_start"]
    assert shown == f"{builders.at(9, hour=17):%d.%m.%Y %H:%M}"
    for field_id, (shown, config) in widgets.items():
        if shown:
            assert picker_reads(shown, config["format"]), (field_id, shown, config)


@pytest.mark.parametrize("language", ["sl", "en"])
def test_the_date_picker_starts_weeks_on_monday(client, event, language):
    html = (
        editor_in(client, language)
        .get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))
        .content.decode()
    )
    configs = [config for _, config in date_widgets(html).values() if "dayOfWeekStart" in config]
    assert configs
    assert all(config["dayOfWeekStart"] == 1 for config in configs)


@pytest.mark.parametrize("language", ["sl", "en"])
@pytest.mark.parametrize("typed", ["10. 12. 2026 18:00", "10.12.2026 18:00"])
def test_the_server_takes_a_start_typed_with_or_without_spaces(client, event, language, typed):
    client = editor_in(client, language)
    url = reverse("wagtailadmin_pages:edit", args=(event.pk,))
    data = browser_form_data(client.get(url).content.decode(), form_id="page-edit-form")
    data["start"] = typed
    data["end"] = typed.replace("18:00", "20:00")
    data["action-publish"] = "action-publish"
    response = client.post(url, dict(data.lists()))
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    start = timezone.localtime(event.start)
    assert (start.date().isoformat(), start.hour, start.minute) == ("2026-12-10", 18, 0)
