from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.base.health import healthz
from portal.communities import admin_urls as boundary_admin_urls
from portal.embed.views import documentation as embed_documentation
from portal.search.views import search

urlpatterns = [
    # The KS boundary answers some of the admin's URLs before Wagtail does.
    path("admin/", include(boundary_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenti/", include(wagtaildocs_urls)),
    path("api/vticnik/", embed_documentation, name="embed-documentation"),
    path("api/", include("portal.api.urls")),
    path("embed/", include("portal.embed.urls")),
    path("iskanje/", search, name="search"),
    path("koledar/", include("portal.events.urls")),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if settings.BENCH_BASELINE:
    from portal.base.bench import baseline

    urlpatterns.append(path("bench/baseline/", baseline, name="bench_baseline"))

urlpatterns.append(path("", include(wagtail_urls)))
