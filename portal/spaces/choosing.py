"""The rooms a KS editor may choose (an event's sign-ups are for one room): those of the
spaces they may choose (`portal.spaces.apps` registers the rule)."""

from portal.communities.choosing import choosable
from portal.spaces.models import SpacePage


def rooms_of_choosable_spaces(user, model):
    spaces = choosable(user, SpacePage)
    rows = model._default_manager.all()
    return rows if spaces is None else rows.filter(page__in=spaces.values("pk"))
