"""Every kind of block a programme type may use is saved from the admin form as the
browser posts it, shown again in the edit form, kept when that form is saved unchanged,
and read back with its own Python type on the public page and in the API."""

import datetime
import json
from decimal import Decimal

import jsonschema_rs
import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail import blocks
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from programmes import registry
from programmes.api import details_schema
from programmes.models import Programme
from programmes.testing import assert_plugin_round_trips
from tests import builders
from tests.programme_helpers import add_url, admin_url, form_data, list_block

pytestmark = pytest.mark.django_db

# What the browser posts for the market's fields when the editor fills none of them.
BLANK = {
    "first_day": "",
    "opens_at": "",
    "applications_close": "",
    "stall_fee": "",
    "stalls": "",
    "area": "",
    "kind": "",
    "days": (),
    "website": "",
    "email": "",
    "venue_page": "",
    "poster": "",
    "rules": "",
    "products": {"count": 0},
    "notes": "null",  # what Draftail posts for an empty editor
    "directions": "",
    "covered": (),
    "manager": {"name": "", "phone": ""},
}


@pytest.fixture
def chosen(programme_community):
    """A KS (`ks`) and what the chooser fields pick: its space's page, a poster and the
    market rules."""
    space = builders.space(programme_community, "Skupnostni prostor")
    return {
        "ks": programme_community,
        # A chooser of any page type gives the page as a plain `Page`.
        "venue_page": space.page_ptr,
        "poster": Image.objects.create(title="Plakat tržnice", file=get_test_image_file()),
        "rules": Document.objects.create(
            title="Tržni red", file=ContentFile(b"Pravila", name="trzni-red.txt")
        ),
    }


LJUBLJANA = builders.LJUBLJANA


def cases(chosen):
    """Each field: what the editor's browser posts, the value read back, what the public
    page shows and what the API gives."""
    page, poster, rules = chosen["venue_page"], chosen["poster"], chosen["rules"]
    return {
        "first_day": (
            "26. 11. 2026",
            datetime.date(2026, 11, 26),
            "<dd>26. 11. 2026</dd>",
            "2026-11-26",
        ),
        "opens_at": ("17:30", datetime.time(17, 30), "<dd>17.30</dd>", "17:30:00"),
        "applications_close": (
            "20. 11. 2026 12:00",
            datetime.datetime(2026, 11, 20, 12, tzinfo=LJUBLJANA),
            "<dd>20. 11. 2026 12.00</dd>",
            "2026-11-20T12:00:00+01:00",
        ),
        "stall_fee": ("12.50", Decimal("12.50"), "<dd>12,50 €</dd>", "12.50"),
        "stalls": ("24", 24, "<dd>24</dd>", 24),
        "area": ("350.5", 350.5, "<dd>350,5 m²</dd>", 350.5),
        "kind": ("flea", "flea", "<dd>flea</dd>", "flea"),
        "days": (("sat", "sun"), ["sat", "sun"], "<dd>sat, sun</dd>", ["sat", "sun"]),
        "website": (
            "https://trznica.example.org/",
            "https://trznica.example.org/",
            "<dd>https://trznica.example.org/</dd>",
            "https://trznica.example.org/",
        ),
        "email": (
            "trznica@example.org",
            "trznica@example.org",
            "<dd>trznica@example.org</dd>",
            "trznica@example.org",
        ),
        "venue_page": (str(page.pk), page, f"<dd>{page.title}</dd>", page.pk),
        "poster": (str(poster.pk), poster, "<dd>Plakat tržnice</dd>", poster.pk),
        "rules": (str(rules.pk), rules, "<dd>Tržni red</dd>", rules.pk),
        "products": (
            list_block(["med", "jajca"]),
            ["med", "jajca"],
            "<dd>med, jajca</dd>",
            ["med", "jajca"],
        ),
        "notes": (
            '{"blocks": [{"key": "a", "type": "unstyled", "text": "Tudi ob dežju.", '
            '"inlineStyleRanges": [{"offset": 5, "length": 2, "style": "BOLD"}], '
            '"depth": 0, "entityRanges": []}], "entityMap": {}}',
            RichText('<p data-block-key="a">Tudi <b>ob</b> dežju.</p>'),
            '<dd><p data-block-key="a">Tudi <b>ob</b> dežju.</p></dd>',
            '<p data-block-key="a">Tudi <b>ob</b> dežju.</p>',
        ),
        "directions": (
            "Za gasilskim domom,\nlevo.",
            "Za gasilskim domom,\nlevo.",
            "<dd>Za gasilskim domom,\nlevo.</dd>",
            "Za gasilskim domom,\nlevo.",
        ),
        "covered": ("on", True, "<dd>yes</dd>", True),
        "manager": (
            {"name": "Ana Kos", "phone": "041 123 456"},
            {"name": "Ana Kos", "phone": "041 123 456"},
            "<dd>Ana Kos 041 123 456</dd>",
            {"name": "Ana Kos", "phone": "041 123 456"},
        ),
    }


def read_back(plugin, programme, name):
    """The block value of one field, as templates get it, in plain Python to compare."""
    value = plugin.to_python(programme.details)[name]
    if isinstance(value, blocks.StructValue):
        return dict(value)
    if isinstance(value, blocks.list_block.ListValue):
        return list(value)
    return value


def form_errors(response):
    form = response.context["form"] if response.context else None
    return form.errors.as_json() if form is not None else response.status_code


def block_state(response):
    """What the edit page hands the block editor for `details`: [value, errors]."""
    soup = BeautifulSoup(response.content, "html.parser")
    return json.loads(soup.find(id="details")["data-w-block-arguments-value"])


def save(client, url, details, **fields):
    data = form_data(client, url, details=details, **fields, **{"action-publish": "1"})
    return client.post(url, dict(data.lists()))


@pytest.mark.parametrize("name", list(BLANK))
def test_each_block_type_round_trips_through_the_admin_page_and_api(
    admin_client, client, market, chosen, name
):
    posted, value, on_page, in_api = cases(chosen)[name]
    response = save(
        admin_client,
        add_url("market"),
        {**BLANK, name: posted},
        title="Sosedska tržnica Golnik",
        summary="Domači pridelki in rabljene stvari.",
        community=str(chosen["ks"].pk),
    )
    assert response.status_code == 302, form_errors(response)
    programme = Programme.objects.get()
    read = read_back(market, programme, name)
    assert read == value
    assert type(read) is type(value)

    # The edit form shows it, with no error, and saving it unchanged keeps it.
    edit = admin_url("edit", programme.pk)
    state, errors = block_state(admin_client.get(edit))
    assert errors is None
    assert state[name]
    stored = programme.details
    response = save(admin_client, edit, {**BLANK, name: posted})
    assert response.status_code == 302, form_errors(response)
    programme.refresh_from_db()
    assert read_back(market, programme, name) == value
    if name != "products":  # a list's items get ids of their own each time
        assert programme.details == stored

    page = client.get(programme.get_url())
    assert page.status_code == 200
    assert on_page in page.content.decode()

    api = client.get(f"/api/v2/programmes/{programme.pk}/")
    assert api.status_code == 200
    assert api.json()["details"][name] == in_api


def test_every_block_type_at_once_keeps_to_the_api_description(
    admin_client, client, market, chosen
):
    everything = cases(chosen)
    response = save(
        admin_client,
        add_url("market"),
        {name: case[0] for name, case in everything.items()},
        title="Sosedska tržnica Golnik",
        summary="Domači pridelki in rabljene stvari.",
        community=str(chosen["ks"].pk),
    )
    assert response.status_code == 302, form_errors(response)
    programme = Programme.objects.get()
    assert {name: read_back(market, programme, name) for name in everything} == {
        name: case[1] for name, case in everything.items()
    }
    details = client.get(f"/api/v2/programmes/{programme.pk}/").json()["details"]
    assert details == {name: case[3] for name, case in everything.items()}
    jsonschema_rs.validate(details_schema(market), details, validate_formats=True)
    page = client.get(programme.get_url()).content.decode()
    for name, case in everything.items():
        assert case[2] in page, name


def test_the_check_for_plugin_authors_knows_every_block_type(admin_client, client, market, chosen):
    values = {name: case[1] for name, case in cases(chosen).items()}
    programme = assert_plugin_round_trips(admin_client, "market", values, community=chosen["ks"])
    assert programme.community == chosen["ks"]
    assert client.get(programme.get_url()).status_code == 200


def test_a_wrong_value_is_shown_on_its_own_field(admin_client, market):
    url = add_url("market")
    response = save(
        admin_client,
        url,
        {**BLANK, "first_day": "32. 13. 2026", "stall_fee": "12.505"},
        title="Tržnica",
        summary="Vsako soboto.",
    )
    assert response.status_code == 200
    assert not Programme.objects.exists()
    _state, errors = block_state(response)
    assert set(errors["blockErrors"]) == {"first_day", "stall_fee"}
    assert "messages" not in errors


class Colour:
    """A value a custom block might give that JSON cannot hold."""

    def __init__(self, name):
        self.name = name


class ColourBlock(blocks.CharBlock):
    def get_prep_value(self, value):
        return Colour(value)


class PaintCafe(registry.ProgrammePlugin):
    key = "paint_cafe"
    label = "paint café"
    fields = [("colour", ColourBlock(label="colour")), ("tables", blocks.IntegerBlock())]


@pytest.fixture
def paint_cafe():
    registry.register(PaintCafe)
    yield
    registry.unregister("paint_cafe")


def test_a_block_that_gives_no_json_is_an_error_on_its_field(admin_client, paint_cafe):
    url = add_url("paint_cafe")
    response = save(
        admin_client,
        url,
        {"colour": "modra", "tables": "3"},
        title="Slikarska kavarna",
        summary="Barvamo skupaj.",
    )
    assert response.status_code == 200
    assert not Programme.objects.exists()
    _state, errors = block_state(response)
    assert list(errors["blockErrors"]) == ["colour"]
    assert errors["blockErrors"]["colour"]["messages"] == [
        "Te vrednosti ni mogoče shraniti: vrsta programa ne pove, kako jo zapisati. "
        "Obvestite skrbnike portala."
    ]
