"""Who may see consultation responses in the admin: the editors of the consultation's KS
and the municipality's, within the KS boundary; no one adds one there (residents answer
through the public form, volunteers enter workshop notes through their own form) and no
one changes what a resident answered."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import policy_registry

from portal.communities.access import communities_for, manages_all_communities
from portal.communities.permissions import SentByResidentsPermissionPolicy
from portal.consultations.models import ConsultationPage, Response


class ResponsePermissionPolicy(SentByResidentsPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "change":
            return False
        return super().user_has_permission(user, action)


class OfferPermissionPolicy(BasePermissionPolicy):
    """Offers are part of a response: whoever may see a KS's responses sees their offers,
    and no one changes them in the admin (they become stakeholders or programmes through
    `portal.consultations.offers`)."""

    @property
    def responses(self):
        return policy_registry.get_by_type(Response)

    def user_has_permission(self, user, action):
        return action == "view" and self.responses.user_has_permission(user, "view")

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and self.responses.user_has_permission_for_instance(
            user, "view", instance.response
        )

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return self.responses.users_with_any_permission(["view"])

    def users_with_any_permission_for_instance(self, actions, instance):
        if "view" not in actions:
            return get_user_model().objects.none()
        return self.responses.users_with_any_permission_for_instance(["view"], instance.response)

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" not in actions:
            return self.model.objects.none()
        responses = self.responses.instances_user_has_any_permission_for(user, ["view"])
        return self.model.objects.filter(response__in=responses)


def consultations_of(request):
    """The consultations an editor may filter by: their own KS's (every one for the
    municipality), never another KS's titles."""
    pages = ConsultationPage.objects.order_by("title")
    if request is None or manages_all_communities(request.user):
        return pages
    within = Q(pk__in=[])
    for ks in communities_for(request.user):
        within |= Q(path__startswith=ks.path)
    return pages.filter(within)
