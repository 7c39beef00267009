from wagtail import hooks

from portal.outbox.panels import OutboxPanel
from portal.outbox.viewsets import OutboxViewSet


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()


@hooks.register("construct_homepage_panels")
def warn_of_unsent_mail(request, panels):
    panel = OutboxPanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)
