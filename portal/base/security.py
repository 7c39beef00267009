"""Security headers that Django 5.2 does not set by itself."""

from django.conf import settings


def policy_header(directives):
    return "; ".join(f"{name} {' '.join(values)}".strip() for name, values in directives.items())


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response.

    Public pages get the strict policy (no inline script or style at all). Wagtail's
    admin writes inline scripts, so its pages get a policy that allows them but still
    forbids framing, plugins and foreign form targets.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = policy_header(settings.CONTENT_SECURITY_POLICY)
        self.admin_policy = policy_header(settings.CONTENT_SECURITY_POLICY_ADMIN)
        self.permissions_policy = ", ".join(
            f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENY
        )
        self.admin_prefix = settings.WAGTAILADMIN_URL_PREFIX

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path.startswith(self.admin_prefix)
        response.headers.setdefault(
            "Content-Security-Policy", self.admin_policy if admin else self.public_policy
        )
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response
