"""Helpers for programme tests: admin URLs, form data as an editor's browser sends it,
and a builder for programmes made without the admin."""

from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data
from wagtail.users.models import UserProfile

from programmes.models import Programme
from programmes.testing import browser_form_data

NAMESPACE = "wagtailsnippets_programmes_programme"


def in_english(user):
    """`user` sees the admin in English, so tests can read its messages as written."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def admin_url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


def add_url(programme_type=None):
    url = admin_url("add")
    return f"{url}?type={programme_type}" if programme_type else url


def list_block(items):
    """Form data of a ListBlock (what Wagtail's block editor posts), for nested_form_data."""
    data = {"count": len(items)}
    for index, value in enumerate(items):
        data[str(index)] = {"value": value, "deleted": "", "order": index, "id": ""}
    return data


def form_data(client, url, details=None, form_id="w-editor-form", **fields):
    """The form at `url` as a browser would post it: its own inputs, changed `fields`,
    and the type's block fields `details` (rendered by JavaScript, so built here: a tuple
    is a field sent once for each of its values, as a multiple choice is).
    Page editors are `form_id="page-edit-form"`."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = browser_form_data(response.content.decode(), form_id=form_id)
    for name, value in fields.items():
        if isinstance(value, list):
            data.setlist(name, [str(item) for item in value])
        else:
            data[name] = value
    if details is not None:
        for name, value in nested_form_data({"details": details}).items():
            if isinstance(value, tuple):
                data.setlist(name, [str(item) for item in value])
            else:
                data[name] = value
    return data


def programme(title="Popravljalnica Golnik", programme_type="repair_cafe", publish=True, **fields):
    """A programme saved with a revision, published unless `publish` is False."""
    fields.setdefault("summary", "Vsak prvi četrtek v mesecu.")
    fields.setdefault("details", {})
    themes = fields.pop("themes", [])
    organisers = fields.pop("organisers", [])
    item = Programme(title=title, programme_type=programme_type, **fields)
    item.full_clean()
    item.save()
    item.themes.set(themes)
    item.organisers.set(organisers)
    item.save()
    revision = item.save_revision()
    if publish:
        revision.publish()
    else:
        Programme.objects.filter(pk=item.pk).update(live=False)
    item.refresh_from_db()
    return item


def section_of(item):
    """The plugin's section of `item`'s public page (in English, as the msgids read)."""
    template = Template("{% load programme_tags %}{% programme_details programme %}")
    with translation.override("en"):
        return template.render(Context({"programme": item}))
