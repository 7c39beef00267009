"""Admin URLs that the KS boundary answers before Wagtail's own: the same paths, included
first by `portal.urls`, so Wagtail's URL names lead here. Each view keeps to what the
editor may see and then hands over to Wagtail's, or is Wagtail's with the boundary added."""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from portal.communities import admin_views, page_chooser
from portal.communities.bulk_actions import refuse_foreign_items

urlpatterns = decorate_urlpatterns(
    [
        path("bulk/<str:app_label>/<str:model_name>/<str:action>/", refuse_foreign_items),
        path("choose-page/", page_chooser.BrowseView.as_view()),
        path("choose-page/<int:parent_page_id>/", page_chooser.BrowseView.as_view()),
        path("choose-page/search/", page_chooser.SearchView.as_view()),
        path("choose-page/chosen-multiple/", page_chooser.ChosenMultipleView.as_view()),
        path("choose-external-link/", page_chooser.ExternalLinkView.as_view()),
        path("choose-anchor-link/", page_chooser.AnchorLinkView.as_view()),
        path("choose-email-link/", page_chooser.EmailLinkView.as_view()),
        path("choose-phone-link/", page_chooser.PhoneLinkView.as_view()),
        path(
            "pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
            admin_views.move_confirm,
        ),
        path(
            "pages/workflow/preview/<int:page_id>/<int:task_id>/",
            admin_views.workflow_preview,
        ),
        path("reports/page-types-usage/", admin_views.PageTypesUsageView.as_view()),
        path(
            "reports/page-types-usage/results/",
            admin_views.PageTypesUsageView.as_view(results_only=True),
        ),
    ],
    require_admin_access,
)
