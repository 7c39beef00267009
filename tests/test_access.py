"""Getting past a lock on the public site and in the admin (portal/access/): page and
document passwords and the admin's password reset take a limited number of tries per
client; a page only for signed-in users sends people to log in and back."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from portal.base.models import ContentPage
from tests import builders

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("limit_clock")]

PASSWORD = "zapisnik-2026"
ANA, BOJAN = "198.51.100.7", "203.0.113.9"


@pytest.fixture
def minutes():
    """A KS page that only those who know the council's password may read."""
    ks = builders.community("Stražišče")
    page = builders.publish(ks, ContentPage(title="Zapisniki sveta KS", body="<p>Seja 12. 11.</p>"))
    PageViewRestriction.objects.create(page=page, restriction_type="password", password=PASSWORD)
    return page


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def password_form(client, url, **extra):
    """The password form the locked page shows, filled in as a visitor would."""
    html = client.get(url, **extra).content.decode()
    action = re.search(r'action="(/_util/authenticate_with_password/[^"]+)"', html).group(1)
    return action, {"return_url": hidden(html, "return_url")}


def try_password(client, page, password, **extra):
    action, data = password_form(client, page.url, **extra)
    return client.post(action, {**data, "password": password}, **extra)


def test_a_right_password_opens_the_page(client, minutes):
    assert "Seja 12. 11." not in client.get(minutes.url).content.decode()
    response = try_password(client, minutes, PASSWORD)
    assert response.status_code == 302
    assert "Seja 12. 11." in client.get(response["Location"]).content.decode()


def test_after_ten_wrong_passwords_even_the_right_one_is_refused_from_that_address(client, minutes):
    for _ in range(10):
        assert try_password(client, minutes, "ugibam").status_code == 200
    refused = try_password(client, minutes, PASSWORD)
    assert refused.status_code == 429
    assert "Preveč poskusov" in refused.content.decode()
    assert "čez četrt ure" in refused.content.decode()
    assert "Seja 12. 11." not in client.get(minutes.url).content.decode()
    elsewhere = Client(REMOTE_ADDR="10.1.2.3")
    assert try_password(elsewhere, minutes, PASSWORD).status_code == 302
    assert "Seja 12. 11." in elsewhere.get(minutes.url).content.decode()


@override_settings(PROXY_COUNT=1)
def test_behind_the_proxy_password_tries_count_per_client(client, minutes):
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    forged = {**proxy, "HTTP_X_FORWARDED_FOR": f"{BOJAN}, {ANA}"}
    for _ in range(11):
        try_password(client, minutes, "ugibam", **forged)
    assert try_password(client, minutes, PASSWORD, **forged).status_code == 429
    bojan = {**proxy, "HTTP_X_FORWARDED_FOR": BOJAN}
    assert try_password(Client(), minutes, PASSWORD, **bojan).status_code == 302


def test_each_locked_page_counts_its_own_tries(client, minutes):
    other = builders.publish(minutes.get_parent(), ContentPage(title="Načrt prenove"))
    PageViewRestriction.objects.create(page=other, restriction_type="password", password="x1")
    for _ in range(11):
        try_password(client, minutes, "ugibam")
    assert try_password(client, other, "x1").status_code == 302


def test_tries_count_per_lock_whatever_page_the_form_names(client, minutes):
    """The page in the form's address only decorates the form: the lock is what is guessed."""
    action, data = password_form(client, minutes.url)
    restriction_id = action.split("/")[-3]
    for _ in range(10):
        decoy = builders.home_page().pk if _ % 2 else minutes.get_parent().pk
        url = f"/_util/authenticate_with_password/{restriction_id}/{decoy}/"
        client.post(url, {**data, "password": "ugibam"})
    assert client.post(action, {**data, "password": PASSWORD}).status_code == 429


def test_without_the_counts_no_page_password_is_checked(client, minutes, ratelimit_cache_down):
    response = try_password(client, minutes, PASSWORD)
    assert response.status_code == 503
    assert "Zaradi tehnične težave" in response.content.decode()
    assert "Seja 12. 11." not in client.get(minutes.url).content.decode()


def test_a_collections_password_takes_ten_tries_per_address(client):
    collection = Collection.get_first_root_node().add_child(name="Svet KS Stražišče")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password=PASSWORD
    )
    document = Document.objects.create(title="Zapisnik", collection=collection)
    url = f"/dokumenti/authenticate_with_password/{collection.view_restrictions.get().pk}/"
    data = {"return_url": f"/dokumenti/{document.pk}/zapisnik.pdf"}
    for _ in range(10):
        assert client.post(url, {**data, "password": "ugibam"}).status_code == 200
    refused = client.post(url, {**data, "password": PASSWORD})
    assert refused.status_code == 429
    assert "Preveč poskusov" in refused.content.decode()
    assert (
        client.post(url, {**data, "password": PASSWORD}, REMOTE_ADDR="10.1.2.3").status_code == 302
    )


@pytest.fixture
def editors():
    users = get_user_model().objects
    users.create_user("ks-strazisce", email="ks.strazisce@example.org", password="geslo-12345")
    users.create_user("ks-golnik", email="ks.golnik@example.org", password="geslo-12345")


RESET = "/admin/password_reset/"


def test_a_forgotten_password_is_reset_by_mail(client, editors, sent_mail):
    response = client.post(RESET, {"email": "ks.strazisce@example.org"})
    assert response.status_code == 302
    assert sent_mail()[0].to == ["ks.strazisce@example.org"]


def test_one_address_is_mailed_at_most_three_resets_an_hour_from_anywhere(
    client, editors, sent_mail
):
    for _ in range(3):
        assert client.post(RESET, {"email": "ks.strazisce@example.org"}).status_code == 302
    refused = Client(REMOTE_ADDR="10.1.2.3").post(RESET, {"email": "KS.Strazisce@example.org"})
    assert refused.status_code == 429
    assert "Poskusite znova čez eno uro" in refused.content.decode()
    assert len(sent_mail()) == 3
    assert client.post(RESET, {"email": "ks.golnik@example.org"}).status_code == 302


def test_one_client_asks_for_at_most_five_resets_an_hour(client, editors, sent_mail):
    for n in range(5):
        email = "ks.golnik@example.org" if n % 2 else f"nihce{n}@example.org"
        assert client.post(RESET, {"email": email}).status_code == 302
    refused = client.post(RESET, {"email": "ks.strazisce@example.org"})
    assert refused.status_code == 429
    assert not [m for m in sent_mail() if m.to == ["ks.strazisce@example.org"]]
    other = Client(REMOTE_ADDR="10.1.2.3").post(RESET, {"email": "ks.strazisce@example.org"})
    assert other.status_code == 302


def test_without_the_counts_no_reset_mail_is_sent(client, editors, ratelimit_cache_down, sent_mail):
    response = client.post(RESET, {"email": "ks.strazisce@example.org"})
    assert response.status_code == 503
    assert "Zaradi tehnične težave" in response.content.decode()
    assert not sent_mail()


@pytest.fixture
def council_page():
    """A KS page only signed-in users may read."""
    ks = builders.community("Stražišče")
    page = builders.publish(ks, ContentPage(title="Za člane sveta", body="<p>Dnevni red</p>"))
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    get_user_model().objects.create_user("clan-sveta", password="geslo-12345")
    return page


def test_a_page_for_signed_in_users_sends_to_the_login_and_back(client, council_page):
    to_login = client.get(council_page.url)
    assert to_login.status_code == 302
    login = client.get(to_login["Location"])
    assert login.status_code == 200
    data = {"next": hidden(login.content.decode(), "next")}
    data.update(username="clan-sveta", password="geslo-12345")
    back = client.post(to_login["Location"].split("?")[0], data)
    assert back.status_code == 302
    assert back["Location"] == council_page.url
    assert "Dnevni red" in client.get(back["Location"]).content.decode()


def test_a_login_with_no_page_to_go_back_to_lands_in_the_admin(client, council_page):
    login = client.get(client.get(council_page.url)["Location"]).request["PATH_INFO"]
    response = client.post(login, {"username": "clan-sveta", "password": "geslo-12345"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
