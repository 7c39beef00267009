"""A KS whose publishing needs municipal approval submits its programmes; the municipal
editors approve them. Without approval, KS editors publish programmes themselves."""

from django.test import TestCase
from wagtail.models import WorkflowState
from wagtail.test.utils import WagtailTestUtils

from portal.communities.provisioning import (
    add_community_editor,
    apply_approval_setting,
    ensure_municipal_editors,
    provision_community,
)
from programmes.models import Programme
from tests import builders
from tests.programme_helpers import admin_url, form_data, list_block, programme

DETAILS = {"repair_categories": list_block(["toys"]), "tools_available": list_block([])}


class ProgrammeApprovalTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.municipal = cls.create_user("obcina", password="x")
        cls.municipal.groups.add(ensure_municipal_editors())

    def section(self, requires_approval):
        ks = builders.community("KS Zlato polje", requires_approval=requires_approval)
        provision_community(ks)
        ks.refresh_from_db()
        editor = self.create_user("ks-zlato-polje", password="x")
        add_community_editor(ks, editor)
        return ks, editor, programme("Medgeneracijsko druženje", community=ks, publish=False)

    def post_edit(self, user, item, **action):
        self.client.force_login(user)
        url = admin_url("edit", item.pk)
        data = form_data(self.client, url, details=DETAILS, **action)
        return self.client.post(url, data)

    def test_without_approval_ks_editors_publish_directly(self):
        ks, editor, item = self.section(requires_approval=False)
        self.assertTrue(editor.has_perm("programmes.publish_programme"))
        self.assertEqual(self.post_edit(editor, item, **{"action-publish": "1"}).status_code, 302)
        item.refresh_from_db()
        self.assertTrue(item.live)

    def test_with_approval_ks_editors_submit_and_the_municipality_approves(self):
        ks, editor, item = self.section(requires_approval=True)
        self.assertFalse(editor.has_perm("programmes.publish_programme"))

        # "Publish" is not theirs to use: the change is kept as a draft.
        self.post_edit(editor, item, **{"action-publish": "1"})
        item.refresh_from_db()
        self.assertFalse(item.live)

        self.assertEqual(self.post_edit(editor, item, **{"action-submit": "1"}).status_code, 302)
        item.refresh_from_db()
        state = WorkflowState.objects.get(object_id=str(item.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertFalse(item.live)

        self.client.force_login(self.municipal)
        url = admin_url("workflow_action", item.pk, "approve", state.current_task_state.pk)
        response = self.client.post(url, {"comment": "Odobreno."})
        self.assertEqual(response.status_code, 302)
        item.refresh_from_db()
        self.assertTrue(item.live)

    def test_switching_approval_moves_the_publish_permission(self):
        ks, editor, item = self.section(requires_approval=True)
        ks.requires_approval = False
        ks.save()
        apply_approval_setting(ks)
        editor = type(editor).objects.get(pk=editor.pk)
        self.assertTrue(editor.has_perm("programmes.publish_programme"))

        ks.requires_approval = True
        ks.save()
        apply_approval_setting(ks)
        editor = type(editor).objects.get(pk=editor.pk)
        self.assertFalse(editor.has_perm("programmes.publish_programme"))
        self.assertTrue(editor.has_perm("programmes.change_programme"))
        self.assertFalse(Programme.objects.get(pk=item.pk).live)
