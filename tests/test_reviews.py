"""Review dates: publishing sets when a page is to be read again, a report and the
dashboard list the pages that are due (a KS editor's own KS only), and each editor gets at
most one reminder mail a week."""

import datetime
import io
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from portal.base.models import ContentPage
from portal.reviews.models import ReviewReminder
from tests import builders

pytestmark = pytest.mark.django_db

REPORT = "pages_due_for_review"


def content_page(ks, title="Hišni red", review_by=None):
    page = builders.publish(ks, ContentPage(title=title, body="<p>Red v domu.</p>"))
    if review_by is not None:
        ContentPage.objects.filter(pk=page.pk).update(review_by=review_by)
        page.refresh_from_db()
    return page


def editor(ks, username, email="urednik@example.org"):
    return builders.ks_editor(ks, username, email)


def publish_in_admin(client, page, **fields):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": rich_text("<p>Red v domu.</p>"),
            **fields,
        }
    )
    data["action-publish"] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_publishing_in_the_admin_sets_the_review_date_a_year_ahead(
    client, golnik_provisioned, clock
):
    clock.set(datetime.datetime(2026, 12, 7, 10, tzinfo=datetime.UTC))
    page = content_page(golnik_provisioned)
    client.force_login(editor(golnik_provisioned, "ks-golnik"))
    response = publish_in_admin(client, page, review_by="")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.review_by == datetime.date(2027, 12, 7)
    # The next edit form shows the date, and publishing again keeps it.
    form = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert re.search(r'name="review_by"[^>]*value="07\.12\.2027"', form) or re.search(
        r'value="07\.12\.2027"[^>]*name="review_by"', form
    )


def test_a_date_the_editor_chose_is_kept_and_a_past_one_moves_on(client, golnik_provisioned, clock):
    clock.set(datetime.datetime(2026, 12, 7, 10, tzinfo=datetime.UTC))
    page = content_page(golnik_provisioned)
    client.force_login(editor(golnik_provisioned, "ks-golnik"))
    ContentPage.objects.filter(pk=page.pk).update(review_by=datetime.date(2027, 3, 1))
    page.refresh_from_db()
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.review_by == datetime.date(2027, 3, 1)
    ContentPage.objects.filter(pk=page.pk).update(review_by=datetime.date(2026, 1, 1))
    page.refresh_from_db()
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.review_by == datetime.date(2027, 12, 7)


def test_events_and_news_get_no_review_date(golnik_section):
    from portal.events.models import EventPage
    from portal.news.models import NewsPage

    assert EventPage.objects.get().review_by is None
    assert NewsPage.objects.get().review_by is None


def test_the_report_lists_only_the_editors_own_ks_pages_that_are_due(
    client, golnik_provisioned, strazisce_provisioned, municipal
):
    past = builders.today() - datetime.timedelta(days=1)
    future = builders.today() + datetime.timedelta(days=30)
    content_page(golnik_provisioned, "Hišni red Golnik", review_by=past)
    content_page(golnik_provisioned, "Cenik Golnik", review_by=future)
    content_page(strazisce_provisioned, "Hišni red Stražišče", review_by=past)

    client.force_login(editor(golnik_provisioned, "ks-golnik"))
    page = client.get(reverse(REPORT)).content.decode()
    assert "Hišni red Golnik" in page
    assert "Cenik Golnik" not in page
    assert "Hišni red Stražišče" not in page

    client.force_login(municipal)
    page = client.get(reverse(REPORT)).content.decode()
    assert "Hišni red Golnik" in page and "Hišni red Stražišče" in page


def test_someone_without_a_ks_may_not_see_the_report(client, golnik_provisioned):
    user = get_user_model().objects.create_user("nihce", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse(REPORT))
    # Wagtail's refusal: back to the dashboard with "Sorry, you do not have permission".
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_the_dashboard_names_the_pages_due(client, golnik_provisioned, strazisce_provisioned):
    past = builders.today() - datetime.timedelta(days=3)
    content_page(golnik_provisioned, "Hišni red Golnik", review_by=past)
    content_page(strazisce_provisioned, "Hišni red Stražišče", review_by=past)
    client.force_login(editor(golnik_provisioned, "ks-golnik"))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Hišni red Golnik" in dashboard
    assert "Hišni red Stražišče" not in dashboard
    assert "1 stran je treba pregledati" in dashboard


def reminders_to(sent_mail, address):
    return [m for m in sent_mail() if address in m.to]


def test_each_editor_is_reminded_once_a_week_of_their_own_pages(
    golnik_provisioned, strazisce_provisioned, sent_mail, clock
):
    monday = datetime.datetime(2026, 12, 7, 6, tzinfo=datetime.UTC)
    clock.set(monday)
    content_page(golnik_provisioned, "Hišni red Golnik", review_by=datetime.date(2026, 12, 1))
    content_page(strazisce_provisioned, "Cenik Stražišče", review_by=datetime.date(2027, 6, 1))
    editor(golnik_provisioned, "ks-golnik", "golnik@example.org")
    editor(strazisce_provisioned, "ks-strazisce", "strazisce@example.org")

    call_command("send_review_reminders", stdout=io.StringIO())
    clock.set(monday + datetime.timedelta(days=3))
    call_command("send_review_reminders", stdout=io.StringIO())

    mails = reminders_to(sent_mail, "golnik@example.org")
    assert len(mails) == 1
    assert mails[0].subject == "1 stran je treba pregledati"
    assert "Hišni red Golnik" in mails[0].body
    assert "/admin/pages/" in mails[0].body
    assert reminders_to(sent_mail, "strazisce@example.org") == []

    clock.set(monday + datetime.timedelta(days=7))  # the next week
    call_command("send_review_reminders", stdout=io.StringIO())
    assert len(reminders_to(sent_mail, "golnik@example.org")) == 2


def test_a_reminder_links_the_public_origin(golnik_provisioned, sent_mail, clock, settings):
    settings.PORTAL_BASE_URL = "https://ks.kranj.si"
    clock.set(datetime.datetime(2026, 12, 7, 6, tzinfo=datetime.UTC))
    page = content_page(golnik_provisioned, "Hišni red", review_by=datetime.date(2026, 12, 1))
    editor(golnik_provisioned, "ks-golnik", "golnik@example.org")
    call_command("send_review_reminders", stdout=io.StringIO())
    (mail,) = reminders_to(sent_mail, "golnik@example.org")
    assert f"https://ks.kranj.si/admin/pages/{page.pk}/edit/" in mail.body
    assert "https://ks.kranj.si" + reverse("pages_due_for_review") in mail.body


def test_a_second_run_at_once_sends_nothing_more(golnik_provisioned, sent_mail, clock):
    """Two hosts run the command together: the row per editor and week is unique, so the
    one that comes second finds it taken and sends nothing."""
    from portal.reviews import reminders

    clock.set(datetime.datetime(2026, 12, 8, 6, tzinfo=datetime.UTC))
    content_page(golnik_provisioned, review_by=datetime.date(2026, 12, 1))
    user = editor(golnik_provisioned, "ks-golnik", "golnik@example.org")
    ReviewReminder.objects.create(user=user, week=datetime.date(2026, 12, 7), pages=1)
    assert reminders.send_reminders() == 0
    assert reminders_to(sent_mail, "golnik@example.org") == []


def test_old_reminder_records_are_removed(golnik_provisioned, clock):
    clock.set(datetime.datetime(2026, 12, 8, 6, tzinfo=datetime.UTC))
    user = editor(golnik_provisioned, "ks-golnik")
    old = ReviewReminder.objects.create(
        user=user, week=datetime.date(2026, 12, 7) - relativedelta(weeks=9), pages=1
    )
    call_command("send_review_reminders", stdout=io.StringIO())
    assert not ReviewReminder.objects.filter(pk=old.pk).exists()
