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
        posted = data.get(name)
        if posted is None:
            return super().value_from_datadict(data, files, name)
        return self.converter.to_database_format(json.dumps(checked(posted)))


def checked(posted):
    """Draftail's content state with every entity's key a number, or an empty one."""
    try:
        state = json.loads(posted)
    except (TypeError, ValueError):
        state = None
    if not isinstance(state, dict) or not isinstance(state.get("blocks"), list):
        return {"blocks": [], "entityMap": {}}
    entities = state.get("entityMap")
    if not isinstance(entities, dict):
        state["entityMap"] = entities = {}
    for entity in entities.values():
        data = entity.get("data") if isinstance(entity, dict) else None
        if isinstance(data, dict) and "id" in data and not KEY.fullmatch(str(data["id"])):
            data["id"] = 0
    return state
