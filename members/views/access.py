"""How views apply the rules of members/rules.py."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from config.pagination import paginate as paginate_list

PAGE_SIZE = 25


def requires(perm, *, hidden=False):
    """Sends anonymous visitors to the sign-in page and refuses (403) people
    whose role does not give `perm`; with `hidden`, the page answers them 404
    instead, so that its existence does not show. Objects are then looked up in
    the person's visible queryset, so another member's object answers 404."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise Http404 if hidden else PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def check(request, perm, obj):
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def paginate(request, queryset):
    return paginate_list(request, queryset, per_page=PAGE_SIZE)
