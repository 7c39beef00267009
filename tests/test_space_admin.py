"""A KS representative describes their space in the page editor, tab by tab, as in the
browser: rooms, equipment, accessibility, opening hours, photos, who runs it."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.communities.provisioning import add_community_editor, provision_community
from portal.spaces.models import SpacePage
from portal.stakeholders.models import Stakeholder
from tests import builders
from tests.programme_helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def space(golnik_provisioned):
    return builders.space(golnik_provisioned, "Skupnostni prostor")


@pytest.fixture
def representative(client, golnik_provisioned):
    user = get_user_model().objects.create_user("ks-golnik", "ks@example.org", "x")
    add_community_editor(golnik_provisioned, user)
    client.force_login(user)
    return client


def edit_form(client, space, **fields):
    url = reverse("wagtailadmin_pages:edit", args=(space.pk,))
    return url, form_data(client, url, form_id="page-edit-form", **fields)


def rows(prefix, items):
    """Inline rows as the editor's "Add" buttons make them."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(items)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, item in enumerate(items):
        data.update({f"{prefix}-{index}-{name}": value for name, value in item.items()})
        data.update({f"{prefix}-{index}-ORDER": str(index + 1), f"{prefix}-{index}-id": ""})
        data[f"{prefix}-{index}-DELETE"] = ""
    return data


def post(client, url, data):
    return client.post(url, dict(data.lists()))


def test_the_editor_shows_the_tabs_a_representative_understands(representative, space):
    html = representative.get(reverse("wagtailadmin_pages:edit", args=(space.pk,))).content.decode()
    for tab in ("Opis", "Prostori in oprema", "Dostopnost", "Urnik", "Galerija"):
        assert f">{tab}<" in html or f"{tab}\n" in html, tab
    assert "Ob praznikih je zaprto" in html


def test_a_representative_fills_in_their_space_and_publishes_it(
    representative, golnik_provisioned, space
):
    council = Stakeholder.objects.create(
        name="Svet KS Golnik", sector="public", community=golnik_provisioned
    )
    municipality = Stakeholder.objects.create(name="Mestna občina Kranj", sector="public")
    photo = Image.objects.create(
        title="Soba",
        file=get_test_image_file(),
        collection=golnik_provisioned.collection,
        description="Soba.",
    )
    url, data = edit_form(
        representative,
        space,
        latitude="46,33531",
        longitude="14,33296",
        equipment=["projector", "wifi", "chairs"],
        equipment_notes="Ključ v uradnih urah.",
        step_free_entrance="yes",
        lift="no",
        accessibility_notes="Pri vhodu je klančina.",
        owned_by=str(municipality.pk),
        managed_by=str(council.pk),
        contact_name="Ana Novak",
        **{"action-publish": "action-publish"},
    )
    data.update(
        rows(
            "rooms",
            [
                {
                    "name": "Velika soba",
                    "area": "80",
                    "seated_capacity": "40",
                    "standing_capacity": "60",
                }
            ],
        )
    )
    data.update(
        rows(
            "weekly_hours",
            [
                {"weekday": "0", "opens": "09:00", "closes": "12:00"},
                {"weekday": "0", "opens": "17:00", "closes": "20:00"},
            ],
        )
    )
    data.update(
        rows(
            "hours_exceptions",
            [
                {
                    "date": "24. 12. 2026",
                    "closed": "on",
                    "opens": "",
                    "closes": "",
                    "note": "Zaprto.",
                }
            ],
        )
    )
    data.update(
        rows("gallery_images", [{"image": str(photo.pk), "caption": "Pogled", "alt_text": ""}])
    )
    response = post(representative, url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = SpacePage.objects.get(pk=space.pk)
    assert saved.live and not saved.has_unpublished_changes
    assert str(saved.latitude) == "46.335310"
    assert saved.equipment_list == ["projector", "wifi", "chairs"]
    assert (saved.step_free_entrance, saved.lift, saved.induction_loop) == ("yes", "no", "unknown")
    assert (saved.owned_by, saved.managed_by) == (municipality, council)
    assert saved.capacity == 40
    assert [(r.weekday, r.opens, r.closes) for r in saved.weekly_hours.all()] == [
        (0, datetime.time(9), datetime.time(12)),
        (0, datetime.time(17), datetime.time(20)),
    ]
    assert saved.hours_exceptions.get().date == datetime.date(2026, 12, 24)
    assert saved.gallery_images.get().image == photo
    html = representative.get(saved.url).content.decode()
    assert "Velika soba" in html and "Svet KS Golnik" in html


@pytest.mark.parametrize(
    ("weekly", "message"),
    [
        (
            [{"weekday": "0", "opens": "17:00", "closes": "09:00"}],
            "Ura zaprtja mora biti za uro odprtja",
        ),
        (
            [
                {"weekday": "2", "opens": "09:00", "closes": "13:00"},
                {"weekday": "2", "opens": "12:00", "closes": "15:00"},
            ],
            "Ta čas se prekriva z drugim na isti dan",
        ),
    ],
)
def test_hours_that_make_no_sense_are_refused_with_a_reason(representative, space, weekly, message):
    url, data = edit_form(representative, space, **{"action-publish": "action-publish"})
    data.update(rows("weekly_hours", weekly))
    response = post(representative, url, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SpacePage.objects.get(pk=space.pk).weekly_hours.exists()


def test_an_exception_is_closed_or_has_hours_not_neither(representative, space):
    url, data = edit_form(representative, space, **{"action-publish": "action-publish"})
    data.update(
        rows("hours_exceptions", [{"date": "24. 12. 2026", "opens": "", "closes": "", "note": ""}])
    )
    html = post(representative, url, data).content.decode()
    assert "Vpišite uro odprtja ali označite »zaprto ves dan«." in html


def test_coordinates_out_of_range_or_half_given_are_refused(representative, space):
    url, data = edit_form(representative, space, latitude="146", longitude="")
    html = post(representative, url, data).content.decode()
    assert "Zemljepisna širina je število stopinj od -90 do 90" in html
    url, data = edit_form(representative, space, latitude="46.3", longitude="")
    html = post(representative, url, data).content.decode()
    assert "Vpišite zemljepisno širino in dolžino ali pa nobene." in html


def test_another_ks_stakeholder_cannot_be_forged_in(representative, golnik_provisioned, space):
    other = builders.community("Stražišče")
    provision_community(other)
    theirs = Stakeholder.objects.create(name="Društvo Stražišče", sector="ngo", community=other)
    url, data = edit_form(representative, space, managed_by=str(theirs.pk))
    response = post(representative, url, data)
    assert response.status_code == 200
    assert SpacePage.objects.get(pk=space.pk).managed_by is None


def test_a_representative_cannot_open_another_ks_space(representative):
    other = builders.community("Stražišče")
    provision_community(other)
    theirs = builders.space(other, "Prostor v Stražišču")
    response = representative.get(reverse("wagtailadmin_pages:edit", args=(theirs.pk,)))
    assert response.status_code in (302, 403, 404)


def preview_with_a_room(representative, space, data):
    """The admin's preview of the edit form's `data` with a room added, as HTML."""
    data.update(rows("rooms", [{"name": "Mala dvorana", "seated_capacity": "25"}]))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(space.pk,))
    assert post(representative, preview_url, data).json()["is_valid"]
    return representative.get(preview_url).content.decode()


def test_the_preview_shows_the_hours_being_edited(representative, space):
    url, data = edit_form(representative, space)
    data.update(
        rows(
            "weekly_hours",
            [{"weekday": str(d), "opens": "08:00", "closes": "22:00"} for d in range(7)],
        )
    )
    html = preview_with_a_room(representative, space, data)
    assert "Mala dvorana" in html
    assert "8.00–22.00" in html
    assert not SpacePage.objects.get(pk=space.pk).weekly_hours.exists()  # nothing saved


def test_a_preview_is_never_kept_for_the_public_page(client, representative, space):
    """The live page's parts are kept per content version ({% kept %}): the preview of a
    draft must show the draft, and the public page must not show it afterwards."""
    assert "Mala dvorana" not in client.get(space.url).content.decode()  # now kept
    url, data = edit_form(representative, space, title="Osnutek naslova")
    preview = preview_with_a_room(representative, space, data)
    assert "Mala dvorana" in preview
    assert "Osnutek naslova" in preview
    public = client.get(space.url).content.decode()
    assert "Mala dvorana" not in public
    assert "Osnutek naslova" not in public
