"""Wagtail's password forms with a limit on tries (`throttles`): the page and document
password forms of view restrictions, and the admin's password reset. The URLs are
Wagtail's own, routed here first (`portal/urls.py`)."""

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail import views as page_views
from wagtail.admin.views import account
from wagtail.documents.views import serve as document_views

from portal.access import throttles
from portal.base.ratelimit import Unavailable


def page_password(request, page_view_restriction_id, page_id):
    refused = refuse_password_try(request, f"page:{page_view_restriction_id}")
    return refused or page_views.authenticate_with_password(
        request, page_view_restriction_id, page_id
    )


def document_password(request, restriction_id):
    refused = refuse_password_try(request, f"collection:{restriction_id}")
    return refused or document_views.authenticate_with_password(request, restriction_id)


def refuse_password_try(request, restriction):
    """A response refusing this try, or None to go on and check the password."""
    if request.method != "POST":
        return None
    try:
        if not throttles.VIEW_PASSWORD.hit(request, restriction):
            return None
    except Unavailable:
        return refusal(
            request,
            _("Passwords cannot be checked right now"),
            _(
                "Because of a technical fault we cannot check passwords at the moment. "
                "Please try again in a few minutes."
            ),
            status=503,
        )
    return refusal(
        request,
        _("Too many attempts"),
        _(
            "There have been too many attempts with this password from your connection, so "
            "no more are checked for now. Please try again in a quarter of an hour."
        ),
        status=429,
    )


def refusal(request, heading, message, status):
    back = request.POST.get("return_url", "")
    if not url_has_allowed_host_and_scheme(back, request.get_host(), request.is_secure()):
        back = "/"
    context = {"heading": heading, "message": message, "back_url": back}
    response = TemplateResponse(request, "access/refused.html", context, status=status)
    add_never_cache_headers(response)
    return response


class PasswordResetView(account.PasswordResetView):
    """The admin's "forgotten password" form; past a limit the form comes back with the
    reason and no mail is sent."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        try:
            # Both are counted, whichever is over.
            over = throttles.RESET_PER_CLIENT.hit(self.request)
            over = throttles.RESET_PER_EMAIL.hit(self.request, email) or over
        except Unavailable:
            message = _(
                "Because of a technical fault we cannot send password reset e-mails at the "
                "moment. Please try again in a few minutes."
            )
            return self.refuse(form, message, status=503)
        if over:
            message = _(
                "Too many password resets have been asked for from your connection or for "
                "this e-mail address. Please try again in an hour."
            )
            return self.refuse(form, message, status=429)
        return super().form_valid(form)

    def refuse(self, form, message, status):
        form.add_error(None, message)
        response = self.form_invalid(form)
        response.status_code = status
        return response
