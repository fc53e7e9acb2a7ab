"""Cached public pages of the catalogue.

A page's cache key holds the catalogue version (bumped by signals on every
change to what the pages show), the language, the day and the full path with
its query string, so a change shows at once and nothing is ever invalidated
by hand. The whole page around them is cached too, as every cached page is
(config.page_cache); these parts spare the rendering of the catalogue's rows
after any unrelated write to the database."""

import hashlib

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language

from labs.models import CatalogueVersion, Edition, KeyQuestion, Lab, OnsiteWorkshop, SupportPackage, Theme

TIMEOUT = 60 * 60


def cached_page_parts(request, build):
    """`build()` returns a dict of rendered strings; it runs only on a cache miss."""
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    zone = timezone.get_current_timezone_name()
    key = f"labs:page:{CatalogueVersion.current()}:{get_language()}:{zone}:{timezone.localdate()}:{path}"
    parts = cache.get(key)
    if parts is None:
        parts = build()
        cache.set(key, parts, TIMEOUT)
    return parts


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
