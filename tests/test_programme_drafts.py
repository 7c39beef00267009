"""Programmes are edited like pages: a draft of a live programme stays private until it is
published, every save is a revision, and a go-live time publishes it on schedule."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from tests.programme_helpers import admin_url, form_data, programme

pytestmark = pytest.mark.django_db

REPAIR_CAFE = {"repair_categories": {"count": 0}, "tools_available": {"count": 0}}


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


def test_a_draft_of_a_live_programme_stays_private_until_published(editor, golnik):
    live = programme("Popravljalnica na Golniku", "repair_cafe", community=golnik)
    edit = admin_url("edit", live.pk)
    data = form_data(editor, edit, details=REPAIR_CAFE, title="Popravljalnica Golnik 2.0")
    assert editor.post(edit, data).status_code == 302  # "Save draft"

    live.refresh_from_db()
    assert live.title == "Popravljalnica na Golniku"  # the public copy is untouched
    assert live.has_unpublished_changes
    assert live.revisions.count() == 2
    public_page = Client().get(live.get_url()).content.decode()
    assert "Popravljalnica na Golniku" in public_page
    assert "2.0" not in public_page

    data = form_data(editor, edit, details=REPAIR_CAFE, **{"action-publish": "1"})
    editor.post(edit, data)
    live.refresh_from_db()
    assert live.title == "Popravljalnica Golnik 2.0"


def test_a_programme_goes_live_at_its_scheduled_time(editor, golnik):
    draft = programme(
        "Jesenska delavnica",
        "workshop",
        community=golnik,
        publish=False,
        details={"method": "carousel", "facilitator": "Ana Kralj"},
    )
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    edit = admin_url("edit", draft.pk)
    data = form_data(
        editor,
        edit,
        details={"method": "carousel", "facilitator": "Ana Kralj", "outcomes": "", "report": ""},
    )
    response = editor.post(edit, data)
    # What the admin's editor never sends (a rich text field as an empty string) is a
    # clear form error, never a server error; the form comes back with what was typed.
    assert response.status_code == 200
    assert "niso prispeli v celoti" in response.content.decode()
    data = form_data(
        editor,
        edit,
        details={"method": "carousel", "facilitator": "Ana Kralj", "outcomes": rich_text("")},
        go_live_at=tomorrow.strftime("%d. %m. %Y %H:%M"),
        **{"action-publish": "1"},
    )
    response = editor.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors
    draft.refresh_from_db()
    assert not draft.live  # scheduled, not yet published
    assert Client().get(f"/golnik/programi/{draft.slug}/").status_code == 404

    later = tomorrow + datetime.timedelta(minutes=5)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later)
        call_command("publish_scheduled", verbosity=0)
    draft.refresh_from_db()
    assert draft.live
    assert Client().get(f"/golnik/programi/{draft.slug}/").status_code == 200
