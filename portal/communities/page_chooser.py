"""The admin's page chooser, kept to what a KS editor may see and choose.

Wagtail's chooser lists every page through the `construct_page_chooser_queryset` hook
(`chooser_pages`), but it also opens any page id as the parent being browsed, returns any
page id as chosen, and shows pages by their title in the latest draft. The views here take
its place (`portal.communities.admin_urls`): another KS's drafts and private pages are not
found, another KS's published pages show their published title and state, and for a KS
editor the chooser opens at their own KS.
"""

import contextlib
import json

from django import forms
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import choosers as chooser_forms
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views import chooser
from wagtail.models import Page

from portal.communities.access import (
    community_ids_for,
    is_in_own_sections,
    manages_all_communities,
)
from portal.communities.choosing import choosable, rule_for
from portal.communities.viewsets import with_mixin


def chooser_pages(pages, request):
    """Pages a KS editor may see (their own KS's, and published public ones) and, of the
    page types the chooser asks for, only those they may choose (a space: their own KS's
    or one open to all)."""
    user = request.user
    visible = choosable(user, Page)
    if visible is None:
        return pages
    pages = pages.filter(pk__in=visible.values("pk"))
    for model in asked_page_types(request):
        if rule_for(model) is rule_for(Page):
            continue
        allowed = choosable(user, model)
        pages = pages.exclude(pages.type_q(model) & ~Q(pk__in=allowed.values("pk")))
    return pages


def asked_page_types(request):
    page_type = request.GET.get("page_type")
    if not page_type:
        return ()
    with contextlib.suppress(ValueError, LookupError):
        return chooser.page_models_from_string(page_type)
    return ()  # Wagtail's view answers 404 to a type it does not know


def may_see(user, page_id):
    visible = choosable(user, Page)
    return visible is None or visible.filter(pk=page_id).exists()


def show_as_published(page, user):
    """Another KS's page as the public knows it: its published title, no sign of a draft."""
    if page is None or may_see_draft(user, page):
        return
    page.draft_title = page.title
    page.has_unpublished_changes = False
    page.latest_revision_created_at = page.last_published_at


class ShowsPagesAsPublished:
    """For the chooser's columns: each row's page, and a parent page shown in a cell, as
    `show_as_published` gives it; a parent that is another KS's draft is not named."""

    def get_cell_context_data(self, instance, parent_context):
        user = parent_context["request"].user
        show_as_published(instance, user)
        context = super().get_cell_context_data(instance, parent_context)
        shown = context.get("value")
        if isinstance(shown, Page) and shown is not instance:
            context["value"] = shown if shown.live or may_see_draft(user, shown) else None
            show_as_published(context["value"], user)
        return context


def may_see_draft(user, page):
    return manages_all_communities(user) or is_in_own_sections(user, page)


def showing_pages_as_published(columns):
    # Wagtail builds its chooser's columns afresh for each request: each gets the mixin,
    # whatever the column's own arguments are.
    for column in columns:
        column.__class__ = with_mixin(ShowsPagesAsPublished, type(column))
    return columns


class BrowseView(chooser.BrowseView):
    @property
    def columns(self):
        return showing_pages_as_published(super().columns)

    def get(self, request, parent_page_id=None):
        if parent_page_id is None:
            parent_page_id = own_community_id(request.user)
        elif not may_see(request.user, parent_page_id):
            raise Http404
        return super().get(request, parent_page_id)


def own_community_id(user):
    """Where a KS editor's chooser opens: their KS (if they edit exactly one)."""
    if manages_all_communities(user):
        return None
    ids = community_ids_for(user)
    return next(iter(ids)) if len(ids) == 1 else None


class SearchView(chooser.SearchView):
    @property
    def columns(self):
        return showing_pages_as_published(super().columns)


class ChosenMultipleView(chooser.ChosenMultipleView):
    """The pages ticked in the chooser, of those the editor may see."""

    def get(self, request):
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        pages = chooser_pages(Page.objects.filter(pk__in=ids), request).specific()
        result = []
        for page in pages:
            show_as_published(page, request.user)
            result.append(
                {
                    "id": page.pk,
                    "parentId": page.get_parent().pk,
                    "adminTitle": page.get_admin_display_title(),
                    "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                    "url": page.url,
                }
            )
        return self.render_chosen_response(result)


# Wagtail's link forms leave some labels to Django, which makes them of the field names in
# English ("Link text", "Email address"): the same forms, labelled in the catalogue.
LINK_TEXT = forms.CharField(label=_("Link text"), required=False)


class ExternalLinkForm(chooser_forms.ExternalLinkChooserForm):
    link_text = LINK_TEXT


class AnchorLinkForm(chooser_forms.AnchorLinkChooserForm):
    link_text = LINK_TEXT


class EmailLinkForm(chooser_forms.EmailLinkChooserForm):
    email_address = forms.EmailField(label=_("E-mail address"), required=True)
    link_text = LINK_TEXT
    subject = forms.CharField(label=_("Subject"), required=False)
    body = forms.CharField(
        label=_("Message"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class PhoneLinkForm(chooser_forms.PhoneLinkChooserForm):
    phone_number = forms.CharField(label=_("Phone number"), required=True)
    link_text = LINK_TEXT


class AnchorLinkView(chooser.AnchorLinkView):
    form_class = AnchorLinkForm


class EmailLinkView(chooser.EmailLinkView):
    form_class = EmailLinkForm


class PhoneLinkView(chooser.PhoneLinkView):
    form_class = PhoneLinkForm


class ExternalLinkView(chooser.ExternalLinkView):
    """Wagtail's "link to a URL", which turns a pasted address of a page on this site into a
    link to that page, offering the page by its title. For a KS editor, an address of a page
    they may not choose (another KS's private page) stays an external link, and another KS's
    page is named by its published title, never its draft's."""

    form_class = ExternalLinkForm

    def post(self, request):
        response = super().post(request)
        answer = json.loads(response.content)
        internal = answer.get("internal")
        if internal is None and answer.get("step") == "external_link_chosen":
            internal = answer["result"] if "id" in answer["result"] else None
        if internal is None or manages_all_communities(request.user):
            return response
        if not may_see(request.user, internal["id"]):
            return self.render_chosen_response(self.get_result_data())
        page = Page.objects.get(pk=internal["id"])
        if may_see_draft(request.user, page) or page.draft_title == page.title:
            return response
        internal = {**internal, "adminTitle": page.title}
        if answer["step"] == "external_link_chosen":
            return self.render_chosen_response(internal)
        return render_modal_workflow(
            request,
            "wagtailadmin/chooser/confirm_external_to_internal.html",
            None,
            {
                "submitted_url": answer["external"]["url"],
                "internal_url": self.normal_url(page.specific, request),
                "page": page.title,
            },
            json_data={
                "step": answer["step"],
                "external": answer["external"],
                "internal": internal,
            },
        )

    def normal_url(self, page, request):
        # As Wagtail's view writes it: relative when a relative address was pasted.
        if self.get_result_data()["url"].startswith("/"):
            return page.get_url_parts(request=request)[-1]
        return page.get_full_url(request=request)
