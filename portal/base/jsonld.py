"""Structured data (schema.org) as JSON-LD, for every app's pages: the text of the script
element, addresses, the breadcrumb trail, the municipality as an organisation and the
portal's image for what has none of its own."""

import json
import re

from django.templatetags.static import static
from django.utils.safestring import mark_safe
from wagtail.models import Site

from portal.base.caching import kept
from portal.base.models import SiteSettings
from portal.base.sites import absolute_url, public_origin

# `<`, `>` and `&` written as JSON escapes, so no text can close the script element.
HTML_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

# "4204 Golnik", "SI-4000 Kranj": a Slovenian postcode and its post office's town.
POST_TOWN = re.compile(r"(?:SI-?\s*)?(?P<code>\d{4})\s+(?P<town>\D.*)", re.IGNORECASE)

# Shown for an event or news item that has no image of its own or from what it belongs to.
PORTAL_IMAGE = "img/skupnostni-prostori.png"


def json_ld(data):
    """`data` as the text of a `<script type="application/ld+json">` element."""
    return json.dumps(data, ensure_ascii=False).translate(HTML_SAFE)


def script(data):
    """`data` as a whole `<script type="application/ld+json">` element (HTML)."""
    return f'<script type="application/ld+json">{json_ld(data)}</script>'


def kept_script(name, request, data, key):
    """The `<script>` element of `data()`, kept a content version for each `key` (a tuple)
    and public origin, as it names the origin in its URLs; a preview's (a draft's) never."""
    if getattr(request, "is_preview", False):
        return mark_safe(script(data()))
    origin = public_origin(request)
    return mark_safe(kept(name, lambda: script(data()), (*key, origin), limit=1000))


def split_address(text):
    """(name, street, postcode, town) of an address written the Slovenian way: "Golnik 40,
    4204 Golnik", or with a name first, "Ljudska univerza Kranj, Cesta Staneta Žagarja 1,
    4000 Kranj". Without a postcode the text is all street (name and town empty)."""
    parts = [part.strip() for part in " ".join(text.split()).split(",") if part.strip()]
    town = POST_TOWN.fullmatch(parts[-1]) if parts else None
    if town is None or len(parts) < 2:
        return "", ", ".join(parts), "", ""
    return ", ".join(parts[:-2]), parts[-2], town["code"], town["town"]


def postal_address(text):
    """The schema.org `PostalAddress` of an address as written (see `split_address`)."""
    _name, street, code, town = split_address(text)
    found = {"@type": "PostalAddress", "streetAddress": street}
    if code:
        found["postalCode"] = code
        found["addressLocality"] = town
    found["addressCountry"] = "SI"
    return found


def absolute(request, url):
    """`url` on the portal's public origin (decision 0031)."""
    return absolute_url(url, request)


def image_url(image, spec, request):
    """The absolute URL of a rendition of `image`."""
    return absolute(request, image.get_rendition(spec).url)


def portal_image(request):
    return absolute(request, static(PORTAL_IMAGE))


def breadcrumb_list(crumbs, request):
    """The schema.org `BreadcrumbList` of [(name, url)], from the home page down."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute(request, url),
            }
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def municipality(request):
    """The municipality that runs the portal (the site settings and the site's home page),
    as a schema.org `GovernmentOrganization`."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    site_settings = SiteSettings.for_site(site)
    return government_organization(
        site_settings.organisation,
        absolute(request, site.root_page.get_url(request)),
        address=site_settings.address,
        email=site_settings.email,
        phone=site_settings.phone,
    )


def government_organization(name, url, address="", email="", phone=""):
    """A schema.org `GovernmentOrganization` (the municipality, a KS) and what is known of
    its address and contacts."""
    found = {"@type": "GovernmentOrganization", "name": name, "url": url}
    if address:
        found["address"] = postal_address(address)
    if email:
        found["email"] = email
    if phone:
        found["telephone"] = phone
    return found
