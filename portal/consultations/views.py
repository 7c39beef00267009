"""The public pages of a consultation: the answer form (or, outside its dates, what the
consultation is and when it opens or closed) and the thank-you page after answering.

None of them is ever kept in the page cache: the form carries a CSRF token and reads the
visitor's "answered already" cookie, and the thank-you page is the visitor's own.

One answer per person is encouraged, never enforced: a signed cookie remembers that this
browser answered, and the form then says so above it, but a second member of a household
sharing the device may still answer.
"""

from django.conf import settings
from django.core import signing
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from portal.base import clock
from portal.consultations import confirmation, ratelimit
from portal.consultations.forms import ConsultationForm, save_response

COOKIE = "posvet"
COOKIE_SALT = "portal.consultations.answered"
COOKIE_MAX_AGE = 60 * 60 * 24 * 365


def answer_form(page, request):
    if request.method == "POST":
        return send(page, request)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = ConsultationForm(consultation=page) if page.is_open else None
    return render(page, request, "consultations/consultation_page.html", {"form": form})


def render(page, request, template, context, status=200):
    response = TemplateResponse(
        request,
        template,
        {
            "page": page,
            "self": page,
            "answered_before": page.pk in answered(request),
            **context,
        },
        status=status,
    )
    add_never_cache_headers(response)
    return response


def send(page, request):
    if not page.is_open:
        return render(page, request, "consultations/consultation_page.html", {}, status=403)
    if ratelimit.SENT.reached(request):
        return render(page, request, "consultations/too_many_answers.html", {}, status=429)
    form = ConsultationForm(request.POST, consultation=page)
    thanks_url = page.url + page.reverse_subpage("thanks")
    if form.is_valid() and form.is_spam:
        # Robots learn nothing from the answer; nothing is saved.
        return HttpResponseRedirect(thanks_url)
    if not form.is_valid():
        return render(
            page, request, "consultations/consultation_page.html", {"form": form}, status=400
        )
    answer = save_response(page, form)
    ratelimit.SENT.hit(request)
    if form.cleaned_data.get("confirm_email"):
        confirmation.send_confirmation(request, page, answer, form.cleaned_data["confirm_email"])
    response = HttpResponseRedirect(thanks_url)
    remember_answer(request, response, page)
    return response


def thanks(page, request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    return render(page, request, "consultations/consultation_thanks.html", {})


def confirm(page, request):
    """The link of the confirmation mail: a button that marks the answer confirmed."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    value = request.GET.get(confirmation.TOKEN_PARAMETER, "")
    response = confirmation.response_for_token(page, value)
    if response is None:
        context = {"invalid": True}
        return render(page, request, "consultations/consultation_confirm.html", context, 404)
    if request.method == "POST" and response.confirmed_at is None:
        response.confirmed_at = clock.now()
        response.save(update_fields=["confirmed_at"])
    context = {"confirmed": response.confirmed_at is not None}
    return render(page, request, "consultations/consultation_confirm.html", context)


def answered(request):
    """The consultations this browser answered, from the signed cookie."""
    try:
        value = signing.loads(
            request.COOKIES.get(COOKIE, "")[:2000], salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE
        )
    except signing.BadSignature:
        return set()
    return {pk for pk in value if isinstance(pk, int)} if isinstance(value, list) else set()


def remember_answer(request, response, page):
    pks = sorted(answered(request) | {page.pk})[-50:]
    response.set_cookie(
        COOKIE,
        signing.dumps(pks, salt=COOKIE_SALT),
        max_age=COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
        path=page.url or "/",
    )
