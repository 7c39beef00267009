"""The widget's script at `/embed/events.js`, and its page for webmasters at `/api/vticnik/`."""

import hashlib
import json
from functools import cache

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portal.base.caching import content_version
from portal.embed.widgets import DEFAULT_LIMIT, MAX_LIMIT, community_widgets, first_widget

# Websites embed the script by a fixed address, so it cannot carry a content hash: an
# hour's keep, then a revalidation with its ETag (a 304 while it is unchanged).
SCRIPT_MAX_AGE = 60 * 60


@require_safe
def events_script(request):
    body, etag = script_of(get_language())
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={SCRIPT_MAX_AGE}"
    # Any site may load it, with `crossorigin` too (then the browser reports its errors).
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return get_conditional_response(request, etag=etag, response=response)


@cache
def script_of(language):
    """The script with its texts in `language`, and its ETag: made once per process."""
    config = {
        "lang": language,
        "timeZone": settings.TIME_ZONE,
        "defaultLimit": DEFAULT_LIMIT,
        "maxLimit": MAX_LIMIT,
        "text": {
            "title": _("Upcoming events"),
            "empty": _("No upcoming events."),
            "error": _("The events cannot be shown right now."),
            "allEvents": _("All events"),
            "portal": _("Events on the portal"),
            "allDay": _("all day"),
            "status": {
                "cancelled": _("Cancelled"),
                "postponed": _("Postponed"),
                "moved_online": _("Moved online"),
                "moved": _("New date"),
            },
        },
    }
    # `<` escaped: the JSON can never end a `<script>` element it is pasted into.
    config_json = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    body = render_to_string("embed/events.js", {"config": config_json})
    etag = '"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'
    return body, etag


@require_safe
def documentation(request):
    """How to embed the widget, its attributes, each KS's snippet and a live preview."""
    preview = first_widget()
    return render(
        request,
        "embed/documentation.html",
        {
            # Read only when the snippets are rendered, not when they come from the
            # fragment cache (kept per content version: see the template).
            "snippets": SimpleLazyObject(
                lambda: [(widget, widget.snippet(request)) for widget in community_widgets()]
            ),
            "content_version": content_version(),
            "preview": preview and preview.snippet(request, **{"heading-level": 3}),
            "script_url": request.build_absolute_uri(reverse("embed-events-script")),
            "api_url": request.build_absolute_uri(reverse("api-documentation")),
            "default_limit": DEFAULT_LIMIT,
            "max_limit": MAX_LIMIT,
        },
    )
