"""`load_demo_data` guards production sites (the demo data itself: tests/test_demo_data.py,
which loads it once for all its tests)."""

import pytest
from django.core.management import CommandError, call_command

from portal.communities.models import CommunityPage

pytestmark = pytest.mark.django_db


def test_refuses_on_a_site_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_data", verbosity=0)
    assert not CommunityPage.objects.exists()


def test_runs_without_force_in_development(settings):
    settings.DEBUG = True
    call_command("load_demo_data", verbosity=0)
    assert CommunityPage.objects.live().count() == 3
