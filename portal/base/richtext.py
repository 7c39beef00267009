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

from portal.base.richtext_checks import MALFORMED

KEY = re.compile(r"-?\d{1,30}")


class CheckedDraftailRichTextArea(DraftailRichTextArea):
    # A rich text field of its own (not a block's): content that cannot be read is a form
    # error on the field (`portal.base.richtext_checks`), set by the forms that use it.
    # In a block, the block's form answers it (e.g. programmes.forms.DetailsWidget).
    standalone = False

    def value_from_datadict(self, data, files, name):
        try:
            state = content_state(data.get(name))
        except (TypeError, ValueError):
            state = None  # not Draftail's JSON: read as Wagtail reads it
        try:
            if state is None:
                return super().value_from_datadict(data, files, name)
            for entity in state["entityMap"].values():
                data_of_entity = entity.get("data") if isinstance(entity, dict) else None
                if isinstance(data_of_entity, dict) and not KEY.fullmatch(
                    str(data_of_entity.get("id", 0))
                ):
                    data_of_entity["id"] = 0
            return self.converter.to_database_format(json.dumps(state))
        except (KeyError, ValueError, TypeError, AttributeError):
            if not self.standalone:
                raise
            return MALFORMED

    def format_value(self, value):
        return super().format_value("" if value == MALFORMED else value)


def content_state(posted):
    """Draftail's content state as posted; ValueError when it is not one."""
    state = json.loads(posted)
    if not isinstance(state, dict) or not isinstance(state.get("blocks"), list):
        raise ValueError("not Draftail's content state")
    if not isinstance(state.setdefault("entityMap", {}), dict):
        raise ValueError("not Draftail's entity map")
    return state
