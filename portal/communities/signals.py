from django.dispatch import receiver
from wagtail.signals import page_published

from portal.communities.access import manages_all_communities
from portal.communities.models import CommunityPage


@receiver(page_published)
def apply_approval_change(sender, instance, revision, **kwargs):
    """A municipal editor switched "publishing needs municipal approval" and published:
    apply it to the page and to the KS's rights and workflow."""
    if not isinstance(instance, CommunityPage) or revision is None:
        return
    wanted = revision.content.get("requires_approval", instance.requires_approval)
    author = revision.user
    if wanted == instance.requires_approval or not author or not manages_all_communities(author):
        return
    from portal.communities.provisioning import provision_community

    CommunityPage.objects.filter(pk=instance.pk).update(requires_approval=wanted)
    instance.requires_approval = wanted
    provision_community(instance)
