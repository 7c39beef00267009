"""The address of the client behind a request: the one rule the whole portal uses (login
lockout, rate limits, and any log that ever records an address).

`PROXY_COUNT` says how many proxies of our own stand in front of the app, each appending
the address it was connected from to `X-Forwarded-For`. A client may send that header
too, with anything in it, so only the rightmost `PROXY_COUNT` entries were written by us:

- `PROXY_COUNT = 0`: `REMOTE_ADDR`; the header is ignored.
- `PROXY_COUNT = n`: the n-th entry from the right. With fewer entries than n the request
  did not pass every proxy we expect, and we cannot tell which entries a client wrote, so
  only the last (written by the proxy that connected to us) is trusted. Without the header,
  or when the trusted entry is not an address, `REMOTE_ADDR`.

An entry may carry a port (`192.0.2.1:4711`, `[2001:db8::1]:443`) or an IPv6 zone; both
are dropped, and an IPv4-mapped IPv6 address is read as the IPv4 address. Why:
docs/decisions/0016-client-address.md.
"""

import ipaddress

from django.conf import settings

# What one subscriber of an IPv6 provider holds: throttles count such a network as one client.
IPV6_SUBSCRIBER_PREFIX = 64


def client_address(request):
    """The client's address as text (normalised), or None when no address can be told."""
    remote = parse(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").strip()
    if not proxies or not forwarded:
        return remote
    hops = forwarded.split(",")
    trusted = hops[-proxies] if len(hops) >= proxies else hops[-1]
    return parse(trusted) or remote


def counted_address(request):
    """What throttles count by: the client's address, or for IPv6 its /64, which a single
    subscriber can walk through; None when no address can be told."""
    address = client_address(request)
    if address is None or ":" not in address:
        return address
    network = ipaddress.IPv6Network(f"{address}/{IPV6_SUBSCRIBER_PREFIX}", strict=False)
    return str(network.network_address)


def parse(entry):
    """The address in one `X-Forwarded-For` entry or `REMOTE_ADDR`, or None."""
    text = entry.strip().strip('"')
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    text = text.partition("%")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)
