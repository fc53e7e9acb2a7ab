"""Cached public pages of the catalogue.

A page's cache key holds the catalogue version (bumped by signals on every
change to what the pages show), the language, the day and the full path with
its query string, so a change shows at once and nothing is ever invalidated
by hand."""

import hashlib
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language

from config import page_cache
from labs.models import CatalogueVersion, Edition, KeyQuestion, Lab, OnsiteWorkshop, SupportPackage, Theme

TIMEOUT = 60 * 60


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
    nonce of the script tag, are filled in on every hit (config.page_cache).
    Signed-in people, and visitors with a message waiting, get a fresh page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated or len(get_messages(request)):
            return view(request, *args, **kwargs)
        key = f"labs:whole-page:{page_cache.FORMAT}:{page_key(request)}"
        cached = cache.get(key)
        if cached is not None:
            return page_cache.from_cache(request, cached)
        response = view(request, *args, **kwargs)
        if page_cache.storable(response):
            cache.set(key, page_cache.stored(request, response), TIMEOUT)
        return response

    return wrapped


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
