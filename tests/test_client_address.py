"""The one rule for a client's address (portal/base/clientaddress.py), entry by entry. The
same rule over HTTP: tests/test_booking_form.py, tests/test_security.py, tests/test_access.py."""

import pytest
from django.test import RequestFactory, override_settings

from portal.base.clientaddress import client_address, counted_address

PROXY = "10.0.0.2"


def request(forwarded=None, remote=PROXY):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize("forwarded", [None, "198.51.100.7", "198.51.100.7, 203.0.113.9"])
def test_without_proxies_the_connecting_address_counts_and_the_header_is_ignored(forwarded):
    with override_settings(PROXY_COUNT=0):
        assert client_address(request(forwarded)) == PROXY


@pytest.mark.parametrize(
    ("forwarded", "address"),
    [
        ("198.51.100.7", "198.51.100.7"),
        # Whatever a client sends is to the left of what our proxy appended.
        ("203.0.113.9, 198.51.100.7", "198.51.100.7"),
        ("203.0.113.9,198.51.100.7", "198.51.100.7"),
        ("<script>, ,, 198.51.100.7", "198.51.100.7"),
        # Ports, brackets, zones, letter case and IPv4 written as IPv6 are read through.
        ("198.51.100.7:4711", "198.51.100.7"),
        ("[2001:DB8::1]:443", "2001:db8::1"),
        ("2001:0db8:0000::0001", "2001:db8::1"),
        ("fe80::1%eth0", "fe80::1"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
        # No usable entry where ours should be: the proxy's own address.
        ("", PROXY),
        ("unknown", PROXY),
        ("198.51.100.7, not-an-address", PROXY),
        ("999.1.1.1", PROXY),
        ("198.51.100.7, ", PROXY),
    ],
)
def test_behind_one_proxy_the_last_entry_counts(forwarded, address):
    with override_settings(PROXY_COUNT=1):
        assert client_address(request(forwarded)) == address


def test_without_the_header_behind_a_proxy_the_connecting_address_counts():
    with override_settings(PROXY_COUNT=1):
        assert client_address(request()) == PROXY


@pytest.mark.parametrize(
    ("forwarded", "address"),
    [
        ("203.0.113.9, 198.51.100.7, 10.0.0.3", "198.51.100.7"),
        ("198.51.100.7, 10.0.0.3", "198.51.100.7"),
        # Fewer entries than proxies: only the one the nearest proxy wrote is trusted.
        ("198.51.100.7", "198.51.100.7"),
    ],
)
def test_behind_two_proxies_the_second_entry_from_the_right_counts(forwarded, address):
    with override_settings(PROXY_COUNT=2):
        assert client_address(request(forwarded)) == address


def test_fewer_entries_than_proxies_never_trust_one_a_client_could_write():
    with override_settings(PROXY_COUNT=3):
        assert client_address(request("203.0.113.9, 198.51.100.7")) == "198.51.100.7"


def test_no_address_at_all_is_none():
    with override_settings(PROXY_COUNT=0):
        assert client_address(request(remote="")) is None


def test_throttles_count_an_ipv6_subscriber_network_as_one_client():
    with override_settings(PROXY_COUNT=1):
        assert counted_address(request("2001:db8:1:2:aaaa::1")) == "2001:db8:1:2::"
        assert counted_address(request("2001:db8:1:2:bbbb::9")) == "2001:db8:1:2::"
        assert counted_address(request("198.51.100.7")) == "198.51.100.7"
