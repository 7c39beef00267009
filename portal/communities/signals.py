from django.dispatch import receiver
from wagtail.signals import page_published

from portal.communities.models import CommunityPage
from portal.communities.provisioning import apply_approval_setting, publish_section_pages


@receiver(page_published)
def keep_rights_in_step_with_approval(sender, instance, **kwargs):
    """After a KS page is published, its editors' rights and workflow follow its
    "publishing needs municipal approval" setting.

    Only a municipal editor's form has that field, and publishing an older revision keeps
    the live value (see `CommunityPage.with_content_json`), so this only ever applies a
    municipal editor's decision.
    """
    if isinstance(instance, CommunityPage) and instance.editors_group_id:
        apply_approval_setting(instance)


@receiver(page_published)
def publish_sections_with_their_community(sender, instance, **kwargs):
    if isinstance(instance, CommunityPage):
        publish_section_pages(instance)
