"""The portal's URLs, with uploaded media served as a web server would in production."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *portal_urlpatterns,
]
