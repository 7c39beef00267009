from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammePagesConfig(AppConfig):
    """The portal's side of programmes: the KS boundary in the admin and public pages."""

    name = "portal.programme_pages"
    label = "programme_pages"
    verbose_name = _("Programme pages")

    def ready(self):
        # Its pages' query parameters are known to the page cache before the first request.
        import portal.programme_pages.filters  # noqa: F401
        from portal.communities.ownership import declare_community_owned
        from portal.programme_pages import routes
        from programmes.models import Programme

        # `programi/` and `programi/<slug>/` below the home page and every KS page.
        routes.register()

        # Before anything asks Wagtail for the programme's permission policy. Publishing
        # follows the KS's approval setting (see provisioning.apply_approval_setting).
        declare_community_owned(
            Programme,
            editor_actions=("add", "change", "delete", "lock", "unlock"),
            refused_choice=_(
                "This programme belongs to another local community. Choose a programme of "
                "your own KS or one of the whole municipality."
            ),
        )
