"""The public pages of sign-ups below an event page (`routes`): the form, the page after
sending it, and the cancel link. None of them is ever kept in the page cache: they carry a
CSRF token, and what they show is the visitor's own."""

import datetime

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from portal.events.places import places_of
from portal.signups import booking, dates, links, ratelimit, routes
from portal.signups.forms import SignUpForm
from portal.signups.models import SignUp

SENT_SALT = "portal.signups.sent"
SENT_PARAMETER = "prijava"
# The page after the form tells its sign-up for a day; later it thanks without details.
SENT_MAX_AGE = 24 * 60 * 60


def render(event, request, template, context, status=200):
    response = TemplateResponse(
        request,
        template,
        {
            "page": event,
            "self": event,
            "breadcrumb_trail": [(_("Sign up"), None)],
            "retention_months": settings.SIGNUP_RETENTION_MONTHS,
            **context,
        },
        status=status,
    )
    add_never_cache_headers(response)
    return response


def find_occurrence(event, query):
    """The date the form is for: the one `?termin=` keys, else the next one to come; None
    if there is no such date (an unknown key, a past date, a single event's key)."""
    upcoming = event.upcoming_dates()
    value = query.get(routes.DATE_PARAMETER, "")
    if value:
        try:
            key = datetime.date.fromisoformat(value[:10]) if len(value) == 10 else None
        except ValueError:
            key = None
        if key is None or not event.repeats:
            return None
        return next((row for row in upcoming if dates.key_of(event, row) == key), None)
    if event.repeats:
        return event.next_date(upcoming)
    return upcoming[0] if upcoming else None


def signup_form(event, request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not event.live or not event.takes_signups:
        raise Http404
    occurrence = find_occurrence(event, request.GET)
    if occurrence is None:
        raise Http404
    places = places_of([occurrence]).get(occurrence.pk)
    if places is None:
        raise Http404
    context = {"occurrence": occurrence, "places": places}
    if not places.open:
        return render(event, request, "signups/signup_closed.html", context, status=410)
    if request.method == "POST":
        return send(event, request, occurrence, context)
    context["form"] = SignUpForm(event=event)
    return render(event, request, "signups/signup_form.html", context)


def send(event, request, occurrence, context):
    sent_url = routes.route_url(event, routes.SENT_ROUTE, request)
    form = SignUpForm(request.POST, event=event)
    context["form"] = form
    if ratelimit.SENT.reached(request):
        return render(event, request, "signups/too_many_requests.html", context, status=429)
    if form.is_valid() and form.is_spam:
        # Robots learn nothing from the answer; nothing is saved or sent.
        return HttpResponseRedirect(sent_url, status=303)
    if not form.is_valid():
        return render(event, request, "signups/signup_form.html", context, status=400)
    data = form.cleaned_data
    scope = ratelimit.address_scope(data["email"])
    if ratelimit.PER_ADDRESS.reached(request, scope):
        return render(event, request, "signups/too_many_requests.html", context, status=429)
    date = dates.date_for(event, occurrence)
    if date is None:
        raise Http404
    try:
        signup = booking.sign_up(
            date,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            places=data["places"],
            answers=form.answers(),
        )
    except booking.SignUpError as error:
        form.add_error(None, error.message)
        return render(event, request, "signups/signup_form.html", context, status=409)
    ratelimit.SENT.hit(request)
    ratelimit.PER_ADDRESS.hit(request, scope)
    token = signing.dumps(signup.pk, salt=SENT_SALT)
    return redirect(f"{sent_url}?{urlencode({SENT_PARAMETER: token})}")


def redirect(url):
    response = HttpResponseRedirect(url, status=303)
    add_never_cache_headers(response)
    return response


def signup_sent(event, request):
    if not event.live:
        raise Http404
    signup = None
    try:
        pk = signing.loads(
            request.GET.get(SENT_PARAMETER, "")[:500], salt=SENT_SALT, max_age=SENT_MAX_AGE
        )
    except signing.BadSignature:
        pk = None
    if isinstance(pk, int):
        signup = (
            SignUp.objects.select_related("date").filter(pk=pk, date__event_id=event.pk).first()
        )
    context = {"signup": signup}
    if signup is not None and signup.status == SignUp.Status.WAITLISTED:
        context["position"] = booking.position(signup)
    return render(event, request, "signups/signup_sent.html", context)


def signup_cancel(event, request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    token = request.GET.get(links.TOKEN_PARAMETER, "")[:1000]
    signup = links.signup_for_token(token, event=event) if token else None
    if signup is None:
        return render(event, request, "signups/signup_cancel.html", {"invalid": True}, 404)
    date = signup.date
    context = {"signup": signup, "date": date}
    if signup.status == SignUp.Status.CANCELLED:
        context["already"] = True
        return render(event, request, "signups/signup_cancel.html", context)
    context["can_cancel"] = not date.has_started
    if request.method == "POST" and context["can_cancel"]:
        if booking.cancel(signup):
            context["cancelled_now"] = True
        else:
            context["already"] = True
        context["can_cancel"] = False
    return render(event, request, "signups/signup_cancel.html", context)
