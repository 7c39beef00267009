"""A KS as search engines know it: a schema.org `GovernmentOrganization` (a KS is a body of
local self-government) with its office's address and contacts, on its own page and as
the author and publisher of its news or organiser of its events."""

from django.utils.translation import gettext as _

from portal.base.jsonld import absolute, government_organization, image_url


def organization(community, request=None, details=False):
    """The KS `community` (a CommunityPage): its name and URL; with `details`, what its
    page says of it too (address, contacts, office hours, image)."""
    url = absolute(request, community.get_url(request))
    if not details:
        return government_organization(community.title, url)
    found = government_organization(
        community.title,
        url,
        address=community.office_address,
        email=community.email,
        phone=community.phone,
    )
    if community.intro:
        found["description"] = community.intro
    if community.email or community.phone or community.office_hours:
        office = {"@type": "ContactPoint", "contactType": _("KS office")}
        if community.email:
            office["email"] = community.email
        if community.phone:
            office["telephone"] = community.phone
        if community.office_hours:
            office["description"] = community.office_hours
        office["availableLanguage"] = "sl"
        found["contactPoint"] = office
    if community.image is not None:
        found["image"] = image_url(community.image, "fill-800x450", request)
    return found


def community_data(community, request=None):
    """The structured data of a KS page: its organisation, as JSON-LD's top node."""
    return {"@context": "https://schema.org", **organization(community, request, details=True)}
