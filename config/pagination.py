from django.core.paginator import Paginator


def paginate(request, items, *, per_page):
    """The requested page of `items`, and the query string that keeps the
    list's filters on the other pages (for templates/includes/pagination.html)."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()
