"""The public pages of sign-ups below an event page (`routes`)."""

from django.http import Http404


def signup_form(page, request):
    raise Http404


def signup_sent(page, request):
    raise Http404


def signup_cancel(page, request):
    raise Http404
