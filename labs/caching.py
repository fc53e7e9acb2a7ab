"""Cached public pages of the catalogue.

A page's cache key holds the catalogue version (bumped by signals on every
change to what the pages show), the language, the day and the full path with
its query string, so a change shows at once and nothing is ever invalidated
by hand."""

import hashlib
import re
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from labs.models import CatalogueVersion, Edition, KeyQuestion, Lab, OnsiteWorkshop, SupportPackage, Theme

TIMEOUT = 60 * 60
# What changes from one request to the next in an otherwise identical page.
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
# A placeholder where the CSRF token goes, not a secret:
TOKEN_MARK = "@@csrf-token@@"  # nosec B105
NONCE_MARK = "@@csp-nonce@@"


def page_key(request):
    """The catalogue version, language, time zone, day and address of the page (read once per request)."""
    if not hasattr(request, "_catalogue_page_key"):
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        zone = timezone.get_current_timezone_name()
        version = CatalogueVersion.current()
        request._catalogue_page_key = f"{version}:{get_language()}:{zone}:{timezone.localdate()}:{path}"
    return request._catalogue_page_key


def cached_page_parts(request, build):
    """`build()` returns a dict of rendered strings; it runs only on a cache miss."""
    key = f"labs:page:{page_key(request)}"
    parts = cache.get(key)
    if parts is None:
        parts = build()
        cache.set(key, parts, TIMEOUT)
    return parts


def whole_page_for_visitors(view):
    """Visitors who are not signed in (most of the catalogue's readers) get the
    whole page from the cache, keyed like cached_page_parts. The values that
    must differ per request, the CSRF token of the language switch and the CSP
    nonce of the script tag, are stored as marks and filled in on every hit.
    Signed-in people, and visitors with a message waiting, get a fresh page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated or len(get_messages(request)):
            return view(request, *args, **kwargs)
        key = f"labs:visitor-page:{page_key(request)}"
        cached = cache.get(key)
        if cached is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, (_with_marks(request, response.content.decode()), response["Content-Type"]), TIMEOUT)
            return response
        html, content_type = cached
        html = html.replace(NONCE_MARK, str(request.csp_nonce)).replace(TOKEN_MARK, get_token(request))
        return HttpResponse(html, content_type=content_type)

    return wrapped


def _with_marks(request, html):
    return CSRF_INPUT.sub(rf"\g<1>{TOKEN_MARK}\g<2>", html).replace(str(request.csp_nonce), NONCE_MARK)


def bump_catalogue_version(**kwargs):
    if kwargs.get("raw"):  # loading fixtures
        return
    if kwargs.get("action", "post_").startswith("post_"):
        CatalogueVersion.bump()


def connect_signals():
    for model in (Edition, Lab, KeyQuestion, OnsiteWorkshop, SupportPackage, Theme):
        post_save.connect(bump_catalogue_version, sender=model, dispatch_uid=f"labs-version-save-{model.__name__}")
        post_delete.connect(bump_catalogue_version, sender=model, dispatch_uid=f"labs-version-del-{model.__name__}")
    for through in (Lab.themes.through, Lab.working_languages.through):
        m2m_changed.connect(bump_catalogue_version, sender=through, dispatch_uid=f"labs-version-m2m-{through.__name__}")
