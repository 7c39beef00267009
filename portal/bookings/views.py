"""The public booking pages of a space: the request form, the page after sending it, and
the requester's cancel link. None of them is ever kept in the page cache: they carry a
CSRF token, and what they show is the visitor's own."""

from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from portal.base import clock
from portal.bookings import conflicts, decisions, links, ratelimit, routes
from portal.bookings.forms import BookingForm

# The availability view links a free stretch to the form with its date and hours.
PREFILL = {"datum": "date", "od": "start", "do": "end"}


def render(space, request, template, context, status=200):
    response = TemplateResponse(
        request,
        template,
        {
            "page": space,
            "self": space,
            "breadcrumb_trail": [(_("Request to use the space"), None)],
            "retention_months": settings.BOOKING_RETENTION_MONTHS,
            **context,
        },
        status=status,
    )
    add_never_cache_headers(response)
    return response


def booking_form(space, request):
    if request.method == "POST":
        return send(space, request)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    initial = prefill(request.GET)
    form = BookingForm(space=space, initial=initial)
    context = {"form": form, "availability_url": routes.availability_url(space, request)}
    return render(space, request, "bookings/booking_form.html", context)


def prefill(query):
    """The date and hours of the availability view's link, if they make sense."""
    initial = {}
    for parameter, name in PREFILL.items():
        value = query.get(parameter, "")
        try:
            # The class's own fields: the date and hours need no space, and a form made
            # only to clean them would read the rooms and programmes a second time.
            initial[name] = BookingForm.base_fields[name].clean(value[:20])
        except Exception:
            continue
    return initial


def send(space, request):
    if ratelimit.SENT.reached(request):
        return render(space, request, "bookings/too_many_requests.html", {}, status=429)
    form = BookingForm(request.POST, space=space)
    sent_url = routes.route_url(space, routes.SENT_ROUTE, request)
    if form.is_valid() and form.is_spam:
        # Robots learn nothing from the answer; nothing is saved or sent.
        return HttpResponseRedirect(sent_url)
    if form.is_valid():
        slots = form.slots()
        room = form.cleaned_data.get("room")
        problems = conflicts.problems(space, slots, room, form.cleaned_data["attendance"])
        if not problems:
            decisions.receive(space, room, slots, **form.request_fields())
            ratelimit.SENT.hit(request)
            return HttpResponseRedirect(sent_url)
        for problem in problems:
            form.add_error(None, problem)
    context = {"form": form, "availability_url": routes.availability_url(space, request)}
    return render(space, request, "bookings/booking_form.html", context, status=400)


def booking_sent(space, request):
    return render(space, request, "bookings/booking_sent.html", {})


def booking_cancel(space, request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    booking = links.booking_for_token(request.GET.get(links.TOKEN_PARAMETER, "")[:500])
    if booking is None or booking.space_id != space.pk:
        return render(space, request, "bookings/booking_cancel.html", {"invalid": True}, 404)
    dates = list(booking.dates.all())
    can_cancel = booking.is_cancellable and any(date.end > clock.now() for date in dates)
    context = {"booking": booking, "dates": dates, "can_cancel": can_cancel}
    if request.method == "POST" and can_cancel:
        context["booking"] = decisions.cancel(booking)
        context["can_cancel"] = False
        context["cancelled_now"] = True
    return render(space, request, "bookings/booking_cancel.html", context)
