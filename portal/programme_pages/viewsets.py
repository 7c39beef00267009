"""The programmes admin, kept to the editor's KS like every other KS-owned snippet."""

from wagtail.permissions import policy_registry

from portal.communities.forms import CommunityOwnedForm
from portal.communities.viewsets import CommunityOwnedViewSet
from programmes.forms import ProgrammeForm
from programmes.views import ProgrammeViewSet as BaseProgrammeViewSet


class CommunityProgrammeForm(CommunityOwnedForm, ProgrammeForm):
    """A KS editor picks their own KS, and organisers of their KS or the municipality."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("organisers")
        if field is None or self.for_user is None:
            return
        organiser_model = field.queryset.model
        choosable = policy_registry.get_by_type(organiser_model).instances_user_can_choose(
            self.for_user
        )
        # What the programme already names stays, or saving would drop it.
        current = [organiser.pk for organiser in self.instance.organisers.all()]
        field.queryset = (choosable | organiser_model.objects.filter(pk__in=current)).order_by(
            "name"
        )


class ProgrammeViewSet(CommunityOwnedViewSet, BaseProgrammeViewSet):
    base_form_class = CommunityProgrammeForm
