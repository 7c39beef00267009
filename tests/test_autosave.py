"""Autosave never creates a page or snippet the editor did not save (issue 17, decision
0026); an edit form autosaves as Wagtail does."""

import pytest
from django.urls import reverse

from portal.events.models import EventPage
from programmes.models import Programme
from tests import builders
from tests.programme_helpers import add_url, admin_url, form_data, programme

pytestmark = pytest.mark.django_db

REPAIR_CAFE = {"repair_categories": {"count": 0}, "tools_available": {"count": 0}}
AUTOSAVE = {"HTTP_ACCEPT": "application/json"}  # how Wagtail's autosave posts the form


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


def event_add_url(calendar):
    return reverse("wagtailadmin_pages:add", args=("events", "eventpage", calendar.pk))


def autosave_controlled(html):
    """Whether the editor's form autosaves (Wagtail's controller on it, with its interval)."""
    return "data-w-autosave-interval-value" in html


def test_autosave_of_an_event_add_form_creates_no_page(editor, calendar):
    url = event_add_url(calendar)
    start = builders.at(9)
    data = form_data(
        editor,
        url,
        form_id="page-edit-form",
        title="Napol vpisano",
        slug="napol-vpisano",
        start=f"{start:%d.%m.%Y %H:%M}",
        location="Dom",
    )
    response = editor.post(url, dict(data.lists()), **AUTOSAVE)
    assert response.status_code == 400
    assert response.json()["success"] is False
    assert not EventPage.objects.exists()
    # The editor's own "Save draft" creates it.
    assert editor.post(url, dict(data.lists())).status_code == 302
    assert EventPage.objects.get().title == "Napol vpisano"


def test_autosave_of_a_programme_add_form_creates_no_snippet(editor, golnik):
    url = add_url("repair_cafe")
    data = form_data(editor, url, details=REPAIR_CAFE, community=str(golnik.pk), title="Napol")
    response = editor.post(url, data, **AUTOSAVE)
    assert response.status_code == 400
    assert response.json()["success"] is False
    assert not Programme.objects.exists()
    # The editor's own "Save draft" creates it.
    assert editor.post(url, data).status_code == 302
    assert Programme.objects.get().title == "Napol"


def test_add_forms_do_not_autosave_and_edit_forms_do(editor, golnik, calendar):
    assert not autosave_controlled(editor.get(event_add_url(calendar)).content.decode())
    assert not autosave_controlled(editor.get(add_url("repair_cafe")).content.decode())
    event = builders.event(calendar)
    edit_event = reverse("wagtailadmin_pages:edit", args=(event.pk,))
    assert autosave_controlled(editor.get(edit_event).content.decode())
    saved = programme("Popravljalnica", "repair_cafe", community=golnik)
    assert autosave_controlled(editor.get(admin_url("edit", saved.pk)).content.decode())


def test_autosave_of_an_edit_form_still_saves_a_draft(editor, golnik):
    saved = programme("Popravljalnica", "repair_cafe", community=golnik)
    url = admin_url("edit", saved.pk)
    data = form_data(editor, url, details=REPAIR_CAFE, title="Popravljalnica 2")
    response = editor.post(url, data, **AUTOSAVE)
    assert response.status_code == 200, response.content[:500]
    assert response.json()["success"] is True
    saved.refresh_from_db()
    assert saved.latest_revision.content["title"] == "Popravljalnica 2"
