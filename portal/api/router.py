"""The API's endpoints, registered with Wagtail's v2 router.

The specific endpoints come before `pages`: a KS, a space or a news item found in another
answer links to its own endpoint (the router picks the first endpoint of a model).
"""

from wagtail.api.v2.router import WagtailAPIRouter

from portal.api.communities import CommunitiesEndpoint
from portal.api.consultations import ConsultationsEndpoint
from portal.api.events import EventsEndpoint
from portal.api.media import DocumentsEndpoint, ImagesEndpoint
from portal.api.pages import NewsEndpoint, PagesEndpoint, SpacesEndpoint
from portal.api.snippets import ProgrammesEndpoint, StakeholdersEndpoint

api_router = WagtailAPIRouter("wagtailapi")

ENDPOINTS = {
    "communities": CommunitiesEndpoint,
    "spaces": SpacesEndpoint,
    "programmes": ProgrammesEndpoint,
    "stakeholders": StakeholdersEndpoint,
    "events": EventsEndpoint,
    "news": NewsEndpoint,
    "consultations": ConsultationsEndpoint,
    "pages": PagesEndpoint,
    "images": ImagesEndpoint,
    "documents": DocumentsEndpoint,
}

for name, endpoint in ENDPOINTS.items():
    api_router.register_endpoint(name, endpoint)
