"""Autosave never creates a page or snippet (issue 17, decision 0028).

Wagtail 8's editor autosaves an add form by posting it with `Accept: application/json`,
which creates the page or snippet as a draft the editor never saved (two at once when the
requests cross). The add forms are rendered without autosave (the portal's overrides of
Wagtail's create templates), and such a post, from a form opened before, is refused here
without creating anything; the editor's own "Save draft" or "Publish" creates it, and from
then on the edit form autosaves as Wagtail does.
"""

from django.http import JsonResponse
from django.utils.translation import gettext


def is_autosave(request):
    """A post of the editor's form by its autosave, not by a button (Wagtail's own test)."""
    return request.method == "POST" and not request.accepts("text/html")


def refuse_autosave_on_create(request):
    """Wagtail's answer to an autosave it cannot take, in the shape its editor expects."""
    if not is_autosave(request):
        return None
    return JsonResponse(
        {
            "success": False,
            "error_code": "validation_error",
            "error_message": gettext(
                "Autosave starts once you have saved this draft: click “Save draft”."
            ),
        },
        status=400,
    )
