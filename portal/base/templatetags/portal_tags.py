"""Site-wide template pieces: the portal's name, the footer, the breadcrumb trail, listings.

The KS navigation is `portal.communities.templatetags.community_tags`."""

import html
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.models import Site

from portal.base.caching import content_version as current_content_version
from portal.base.caching import kept, kept_html
from portal.base.counting import count_label
from portal.base.jsonld import breadcrumb_list, script
from portal.base.listing import item_fragment, load_listed
from portal.base.models import ContentPage, SiteSettings
from portal.base.pagecache import declared_query
from portal.base.pagination import PAGE_PARAMETER
from portal.base.privacy import public
from portal.base.sites import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def site_name(context):
    """The portal's name for the header: WAGTAIL_SITE_NAME, else the home page's title."""
    name = getattr(settings, "WAGTAIL_SITE_NAME", "")
    if name:
        return name
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page.title if site else ""


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer (`includes/footer.html`): the site settings' contact and links, rendered
    once a content version for each host and year (saving the settings renews the version)."""
    request = context.get("request")
    template = context.template.engine.get_template("includes/footer.html")

    def render():
        site_settings = SiteSettings.for_request(request) if request is not None else None
        return template.render(context.new({"request": request, "site_settings": site_settings}))

    host = request.get_host() if request is not None else ""
    return kept_html("footer", f"{host}:{timezone.localdate().year}", render)


@register.simple_tag
def menu_pages(page):
    """`{% menu_pages page as links %}`: (title, URL) of the plain pages just under `page`
    that are shown in menus ("about the project"), so the home page links every one; the
    privacy notice and the accessibility statement are left out, as the footer links them.
    Read once a content version."""

    def build():
        own_links = SiteSettings.objects.filter(site__root_page=page).values_list(
            "privacy_page_id", "accessibility_page_id"
        )
        left_out = [pk for pair in own_links for pk in pair if pk]
        pages = ContentPage.objects.live().in_menu().child_of(page).exclude(pk__in=left_out)
        return [(item.title, item.get_url()) for item in public(pages).order_by("path")]

    return kept("menu-pages", build, key=page.pk)


@register.simple_tag
def content_version():
    """`{% content_version as content_version %}`: the current content version, for the
    keys of fragments kept until content changes (`portal.base.pagecache`)."""
    return current_content_version()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The path from the home page down to the current page, then `breadcrumb_trail`:
    (title, url) pairs of what a routed view shows below its page (the last has no url);
    with it for search engines as a schema.org `BreadcrumbList`, the home page's too."""
    page = context.get("page")
    trail = context.get("breadcrumb_trail") or []
    request = context.get("request")
    if page is None:
        return {"ancestors": [], "page": page, "trail": trail, "request": request}
    if page.depth <= 2 and not trail:  # the home page: only itself
        found = {"ancestors": [], "page": page, "trail": trail, "request": request}
        return {**found, "structured_data": trail_data([], page, trail, request)}
    site = Site.find_for_request(request) if request else None
    # The ancestors' titles and URLs change only with content: read once per version.
    ancestors = kept(
        "breadcrumbs",
        lambda: [
            Crumb(ancestor.depth, ancestor.title, ancestor.get_url(request))
            for ancestor in page.get_ancestors().filter(depth__gte=2)
        ],
        (page.path, site.pk if site else None),
        limit=5000,
    )
    return {
        "ancestors": ancestors,
        "page": page,
        "trail": trail,
        "request": request,
        "structured_data": trail_data(ancestors, page, trail, request),
    }


def trail_data(ancestors, page, trail, request):
    """The breadcrumbs as a schema.org `BreadcrumbList` in a script element (HTML)."""
    home = gettext("Home")
    crumbs = [(home if a.depth == 2 else a.title, a.url) for a in ancestors]
    crumbs.append((home if page.depth == 2 else page.title, page.get_url(request)))
    path = request.path if request is not None else ""
    crumbs += [(str(title), url or path) for title, url in trail]
    return mark_safe(script(breadcrumb_list(crumbs, request)))


@dataclass(frozen=True)
class Crumb:
    depth: int
    title: str
    url: str


@register.simple_tag(takes_context=True)
def listed_item(context, template_name, item, **options):
    """`{% listed_item "includes/news_item.html" item heading_level=2 %}`: `item` rendered
    with `template_name` (as `item`) and `options`, its HTML kept per content version
    (`listing.item_fragment`). The template must follow from the item and the options."""
    return item_fragment(context, template_name, "item", item, **options)


@dataclass(frozen=True)
class PageLink:
    number: int
    url: str
    current: bool


@dataclass(frozen=True)
class PageLinks:
    previous: str
    next: str
    pages: list  # `PageLink`s, and None for each gap


@register.simple_tag(takes_context=True)
def page_links(context, page_obj):
    """Links to the pages of a listing around `page_obj`, keeping the request's other
    declared query parameters (search words, filters; `pagecache.declared_query`): the
    previous and next page, the first and last, two either side of the current one, and
    None for each gap. Thousands of pages cost no more than ten links."""
    request = context.get("request")
    query = declared_query(request) if request is not None else QueryDict(mutable=True)

    def url(number):
        query[PAGE_PARAMETER] = number
        return f"?{query.urlencode()}"

    ellipsis = page_obj.paginator.ELLIPSIS
    numbers = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    return PageLinks(
        previous=url(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        next=url(page_obj.next_page_number()) if page_obj.has_next() else "",
        pages=[
            None if number == ellipsis else PageLink(number, url(number), number == page_obj.number)
            for number in numbers
        ],
    )


@register.simple_tag
def filter_field(field):
    """One filter of a listing (a bound field of a GET form): a select where it has
    choices, a checkbox, or a text input with an optional hint. Written as plain strings,
    like `select_options`: a template per field cost more than the rest of the form."""
    name = html.escape(field.html_name)
    field_id = html.escape(field.id_for_label)
    label = html.escape(str(field.label))
    if field.widget_type == "checkbox":
        checked = " checked" if field.value() else ""
        return mark_safe(
            '<div class="filters__field filters__field--checkbox">'
            f'<input type="checkbox" name="{name}" id="{field_id}"{checked}>'
            f'<label for="{field_id}">{label}</label></div>'
        )
    if field.help_text:
        label += f' <span class="filters__hint">({html.escape(str(field.help_text))})</span>'
    if getattr(field.field, "choices", None):
        control = f'<select name="{name}" id="{field_id}">{select_options(field)}</select>'
    else:
        value = field.value()
        value = "" if value is None else localize(value)
        max_length = getattr(field.field, "max_length", None)
        limit = f' maxlength="{max_length}"' if max_length else ""
        control = (
            f'<input type="text" name="{name}" id="{field_id}" '
            f'value="{html.escape(str(value))}"{limit}>'
        )
    return mark_safe(
        f'<div class="filters__field"><label for="{field_id}">{label}</label>{control}</div>'
    )


@register.simple_tag
def select_options(field):
    """The `<option>`s of a filter's select, the chosen one selected, written in one pass
    of plain string work: the municipal calendar's programme and space filters have
    hundreds, and a template loop or `format_html` per option costs milliseconds."""
    chosen = field.value()
    chosen = "" if chosen is None else str(chosen)
    # The standard library's `html.escape` is what Django's `escape` calls, without its
    # lazy-string wrapper (which cost as much again as the escaping).
    return mark_safe(
        "".join(
            f'<option value="{html.escape(str(value))}"'
            f"{' selected' if str(value) == chosen else ''}>{html.escape(str(label))}</option>"
            for value, label in field.field.choices
        )
    )


@register.tag("kept")
def kept_tag(parser, token):
    """`{% kept "name" item %}…{% endkept %}`: what is inside, rendered once a content
    version for `item` on this host (links may be absolute) and kept in this process
    (`caching.kept_html`). What is inside must follow from `item` and the site alone:
    nothing of the request, the visitor or the clock. The first render loads what
    `item`'s listing reads (`listing.load_listed`), so a page kept whole reads none of it.
    A preview is rendered afresh and never kept: it shows a draft."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and an item.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))


class KeptNode(template.Node):
    def __init__(self, nodelist, name, item):
        self.nodelist = nodelist
        self.name = name
        self.item = item

    def render(self, context):
        item = self.item.resolve(context)
        request = context.get("request")

        def render():
            load_listed(item)
            return self.nodelist.render(context)

        if item is None or item.pk is None or getattr(request, "is_preview", False):
            return render()
        host = request.get_host() if request is not None else ""
        return kept_html(f"kept:{self.name.resolve(context)}", f"{item.pk}:{host}", render)


@register.simple_tag(name="count_label")
def count_label_tag(model, count):
    """`{% count_label model count %}`: "5 slik", in the form Slovenian takes after the number."""
    return count_label(model, count)


@register.simple_tag(takes_context=True)
def public_url(context, path):
    """`{% public_url "/sitemap.xml" %}`: `path` on the portal's public origin (decision
    0031): PORTAL_BASE_URL in production, the host that was asked in development."""
    return absolute_url(path, context.get("request"))
