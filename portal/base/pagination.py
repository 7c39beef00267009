from django.core.paginator import Paginator


def paginate(request, items, per_page):
    """The page of `items` asked for by `?page=`; a bad or too-large number gives the
    nearest valid page instead of an error."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
