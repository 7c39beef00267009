"""Keeping what depends on booking requests in step: the KS of a moved space's requests,
and the page cache."""

from django.db.models.signals import post_save
from wagtail.signals import post_page_move

from portal.base.caching import bump_content_version
from portal.bookings.models import BookingRequest
from portal.communities.models import CommunityPage
from portal.spaces.models import SpacePage


def follow_moved_space(sender, instance, **kwargs):
    if not isinstance(instance.specific_deferred, SpacePage):
        return
    community = CommunityPage.objects.ancestor_of(instance).first()
    BookingRequest.objects.filter(space_id=instance.pk).update(community=community)


def decision_changes_public_pages(sender, instance, created, **kwargs):
    """A new request shows nowhere in public; a decision may (the week view shows
    approved bookings)."""
    if not created:
        bump_content_version()


def connect():
    post_page_move.connect(follow_moved_space, dispatch_uid="bookings-follow-moved-space")
    # Every KS-owned model renews the content version when saved
    # (`portal.communities.ownership`); a request from the public form must not empty
    # the page cache.
    post_save.disconnect(bump_content_version, sender=BookingRequest)
    post_save.connect(decision_changes_public_pages, sender=BookingRequest, weak=False)
