from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from portal.base.autosave import refuse_autosave_on_create


@hooks.register("before_create_page")
def no_page_from_autosave(request, parent_page, page_class):
    return refuse_autosave_on_create(request)


@hooks.register("before_create_snippet")
def no_snippet_from_autosave(request, model):
    return refuse_autosave_on_create(request)


@hooks.register("insert_global_admin_js")
def dates_typed_with_spaces():
    return format_html('<script src="{}"></script>', static("js/admin-dates.js"))
