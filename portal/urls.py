from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.access import views as access
from portal.base.bench import baseline
from portal.base.caching import revalidated
from portal.base.health import healthz
from portal.base.pagecache import declare_query_parameters
from portal.base.spreadsheets import report_urls
from portal.communities import admin_urls as boundary_admin_urls
from portal.embed.views import documentation as embed_documentation
from portal.media.views import serve as serve_media
from portal.search.views import search

# The sitemap's page number (Django's sitemap view reads it): the page cache keeps a page
# only under the query parameters declared.
declare_query_parameters("p")

urlpatterns = [
    # The KS boundary answers some of the admin's URLs before Wagtail does.
    path("admin/", include(boundary_admin_urls)),
    # Wagtail's password forms, each with a limit on tries (portal/access/views.py).
    path(
        "admin/password_reset/",
        access.PasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        access.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "dokumenti/authenticate_with_password/<int:restriction_id>/",
        access.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    # Wagtail's reports, writing CSV and XLSX that cannot carry formulas.
    path("admin/", include(report_urls())),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenti/", include(wagtaildocs_urls)),
    path("api/vticnik/", embed_documentation, name="embed-documentation"),
    path("api/", include("portal.api.urls")),
    path("embed/", include("portal.embed.urls")),
    path("iskanje/", search, name="search"),
    path("koledar/", include("portal.events.urls")),
    path("healthz", healthz, name="healthz"),
    # Uploaded images, in every environment (a remote storage links its own addresses).
    path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", serve_media, name="media"),
    # Revalidated: a crawler that asks again before a publish gets a 304; kept by the page
    # cache like a page (its page number, `p`, is declared above).
    path("sitemap.xml", revalidated(sitemap), name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]

if settings.BENCH_BASELINE:
    urlpatterns.append(path("bench/baseline/", baseline, name="bench_baseline"))

urlpatterns.append(path("", include(wagtail_urls)))
