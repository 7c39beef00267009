from django.urls import path

from portal.api.router import api_router
from portal.api.views import documentation, openapi_json

urlpatterns = [
    path("", documentation, name="api-documentation"),
    path("openapi.json", openapi_json, name="api-openapi"),
    path("v2/", api_router.urls),
]
