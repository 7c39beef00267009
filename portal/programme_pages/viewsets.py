"""The programmes admin, kept to the editor's KS like every other KS-owned snippet."""

from portal.communities.forms import CommunityOwnedForm
from portal.communities.viewsets import CommunityOwnedViewSet
from programmes.forms import ProgrammeForm
from programmes.views import ProgrammeViewSet as BaseProgrammeViewSet


class CommunityProgrammeForm(CommunityOwnedForm, ProgrammeForm):
    """A programme type's form with the KS boundary: a KS editor picks their own KS, and
    its space, organisers, image, the files and links of its description and of its type's
    blocks from what they may choose (`portal.communities.forms`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "organisers" in self.fields:
            self.fields["organisers"].queryset = self.fields["organisers"].queryset.order_by("name")


class ProgrammeViewSet(CommunityOwnedViewSet, BaseProgrammeViewSet):
    base_form_class = CommunityProgrammeForm
