"""The public catalogue: no sign-in needed, drafts never shown."""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse

from config.page_cache import cached_page
from config.pagination import paginate
from labs import services
from labs.caching import cached_page_parts
from labs.enums import LabStatus
from labs.filters import LabFilter
from labs.models import Theme

PAGE_SIZE = 12


def express_interest_url(lab):
    """Where "Express interest" leads: the expression-of-interest form with this
    lab ticked (visitors sign in first and come back to it)."""
    return f"{reverse('applications:express_interest')}?{urlencode({'lab': lab.code})}"


@cached_page(public=True)
def catalogue(request):
    def build():
        labs = LabFilter(request.GET or None, queryset=services.catalogue_labs())
        page, query = paginate(request, labs.qs, per_page=PAGE_SIZE)
        context = {"filter": labs, "page": page, "query": query}
        return {"body": render_to_string("labs/_catalogue_body.html", context, request=request)}

    return render(request, "labs/catalogue.html", cached_page_parts(request, build))


@cached_page(public=True)
def lab_detail(request, code):
    def build():
        lab = services.catalogue_labs().prefetch_related("key_questions").filter(code__iexact=code).first()
        if lab is None:
            raise Http404
        context = {
            "lab": lab,
            "is_open": lab.status == LabStatus.OPEN,
            "express_interest_url": express_interest_url(lab),
        }
        return {"title": str(lab), "body": render_to_string("labs/_lab_body.html", context, request=request)}

    return render(request, "labs/lab_detail.html", cached_page_parts(request, build))


@cached_page(public=True)
def theme(request, slug):
    def build():
        chosen = get_object_or_404(Theme, slug=slug)
        labs = services.catalogue_labs().filter(themes=chosen)
        page, query = paginate(request, labs, per_page=PAGE_SIZE)
        context = {"theme": chosen, "page": page, "query": query}
        return {"title": str(chosen.name), "body": render_to_string("labs/_theme_body.html", context, request=request)}

    return render(request, "labs/theme.html", cached_page_parts(request, build))


def how_to_take_part(request):
    return render(request, "labs/how_to_take_part.html")
