from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "portal.spaces"
    label = "spaces"
    verbose_name = _("Community spaces")

    def ready(self):
        from functools import partial

        from portal.communities.choosing import pages_held_by_own_community, register_choice_rule
        from portal.spaces.choosing import rooms_of_choosable_spaces
        from portal.spaces.models import Room, SpacePage

        # An event or programme of a KS takes place in one of its own spaces, or in one the
        # municipality opened to all (`SpacePage.open_to_other_communities`).
        register_choice_rule(
            SpacePage,
            partial(pages_held_by_own_community, open_to_all="open_to_other_communities"),
            _(
                "This space belongs to another local community and the municipality has not "
                "opened it to others. Choose a space of your own KS or one open to all local "
                "communities."
            ),
        )
        # An event takes sign-ups for a room of a space its KS may choose.
        register_choice_rule(
            Room,
            rooms_of_choosable_spaces,
            _(
                "This room is in a space of another local community. Choose a room of the "
                "event's space."
            ),
        )
