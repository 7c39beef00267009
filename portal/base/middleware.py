from django.conf import settings
from django.db import transaction


class AtomicAdminWritesMiddleware:
    """Each write in the admin is one transaction: an action that does several things
    (adding a KS page and provisioning its section) happens whole or not at all.

    Public pages stay outside transactions: they only read.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = settings.WAGTAILADMIN_URL_PREFIX

    def __call__(self, request):
        if request.method in ("GET", "HEAD", "OPTIONS") or not request.path.startswith(self.prefix):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            # Django has already turned an exception into a 500 by now: undo its writes.
            if response.status_code >= 500:
                transaction.set_rollback(True)
            return response
