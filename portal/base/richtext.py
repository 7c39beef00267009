"""The rich text editor of the admin: Wagtail's Draftail, reading only what a real editor
can post.

Draftail posts its content as JSON in which each link, document and image names its row by
`id`. A forged request may put anything there (`"id": "x"`), and Wagtail's converters then
fail with a server error when the form is shown again. Such a key is read as `0`, which no
row holds: the form is refused with a message on the field
(`portal.communities.choosing.MISSING`) and shown again with the link or image marked
broken, and nothing is saved. Text that is not Draftail's JSON at all is read as empty.
Set as the default editor in `WAGTAILADMIN_RICH_TEXT_EDITORS`.
"""

import json
import re

from wagtail.admin.rich_text import DraftailRichTextArea

KEY = re.compile(r"-?\d{1,30}")


class CheckedDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        state = content_state(data.get(name))
        if state is None:  # not Draftail's: the form's own checks answer it
            return super().value_from_datadict(data, files, name)
        for entity in state["entityMap"].values():
            data_of_entity = entity.get("data") if isinstance(entity, dict) else None
            if isinstance(data_of_entity, dict) and not KEY.fullmatch(
                str(data_of_entity.get("id", 0))
            ):
                data_of_entity["id"] = 0
        return self.converter.to_database_format(json.dumps(state))


def content_state(posted):
    """Draftail's content state as posted, or None when it is not one."""
    try:
        state = json.loads(posted)
    except (TypeError, ValueError):
        return None
    if not isinstance(state, dict) or not isinstance(state.get("blocks"), list):
        return None
    if not isinstance(state.get("entityMap", {}), dict):
        return None
    state.setdefault("entityMap", {})
    return state
