"""What the pages of selection share: looking a lab or an interest up among
those the person selects for (anything else answers 404)."""

from django.shortcuts import get_object_or_404, redirect

from applications.rules import labs_for_selection, selection_interests_for


def selected_lab(request, code):
    return get_object_or_404(labs_for_selection(request.user).select_related("support_package"), code=code)


def selected_interest(request, pk, queryset=None):
    interests = selection_interests_for(request.user) if queryset is None else queryset
    return get_object_or_404(interests.select_related("lab", "member"), pk=pk)


def back_to(request):
    """The same page again, its filters kept (after a POST that worked)."""
    query = request.GET.urlencode()
    return redirect(f"{request.path}?{query}" if query else request.path)
