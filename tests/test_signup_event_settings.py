"""An editor sets an event to take sign-ups on the portal, in the page editor: the room
gives the default number of places, a room of another KS's space is refused, and an
event with neither a number nor a room with a known capacity is not saved."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.events.models import EventCalendarPage
from portal.spaces.models import Room
from tests import builders
from tests.programme_helpers import form_data, in_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def golnik():
    ks = builders.provisioned("Golnik")
    space = builders.space(ks, "Dom krajanov Golnik")
    space.rooms.add(Room(name="Dvorana", seated_capacity=40))
    space.save_revision().publish()
    return ks, space


@pytest.fixture
def strazisce_room():
    ks = builders.provisioned("Stražišče")
    space = builders.space(ks, "Kulturni dom Stražišče", address="Stražišče 1, Kranj")
    space.rooms.add(Room(name="Mala dvorana", seated_capacity=20))
    space.save_revision().publish()
    return Room.objects.get(page=space)


@pytest.fixture
def editor(client, golnik):
    ks, _space = golnik
    client.force_login(in_english(builders.ks_editor(ks)))
    return client


def edit(client, event, **fields):
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    data = form_data(client, url, form_id="page-edit-form", **fields)
    data.update(nested_form_data({"signup_questions": streamfield([])}))
    return client.post(url, dict(data.lists()))


@pytest.fixture
def event(golnik):
    ks, space = golnik
    calendar = ks.get_children().type(EventCalendarPage).first().specific
    return builders.event(calendar, "Popravljalnica", space=space)


def test_the_room_gives_the_number_of_places(editor, event, golnik):
    room = Room.objects.get(page=golnik[1])
    response = edit(
        editor,
        event,
        registration="portal",
        signup_room=str(room.pk),
        signup_capacity="",
        **{"action-publish": "1"},
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.takes_signups and event.signup_places == 40


def test_a_room_of_another_ks_is_refused(editor, event, strazisce_room):
    response = edit(
        editor,
        event,
        registration="portal",
        signup_room=str(strazisce_room.pk),
        signup_capacity="10",
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "signup_room" in errors
    event.refresh_from_db()
    assert event.registration == "none"


def test_places_are_needed_when_no_room_says_them(editor, event):
    response = edit(editor, event, registration="portal", signup_room="", signup_capacity="")
    assert response.status_code == 200
    assert "signup_capacity" in response.context["form"].errors


def test_the_editor_is_offered_the_rooms_of_their_own_spaces_by_name(editor, event, strazisce_room):
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert "Dom krajanov Golnik – Dvorana" in html
    assert "Mala dvorana" not in html
