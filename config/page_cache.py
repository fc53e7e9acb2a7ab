"""Whole pages from the cache, for as long as nothing they show can have changed.

Every write to the database moves a generation number on: at once, and again
when its transaction commits (so that a page read meanwhile from the data of
before the commit is never kept under the new number). Writes are seen where
Django runs its SQL (an execute wrapper on every connection), so bulk updates,
deletes and the worker's writes count as much as a model's save(). Only the
sessions' and the outbox's rows are left out: no cached page shows them, and
they change all the time.

A cached page is kept with the generation it was made at, under a key of the
minute, the person, the address with its query, the language and the time
zone: it is served only while the generation is the same, so it is never older
than the last write or the last minute, and never shown to anyone else. Pages are kept ten
minutes at most. The values that must differ from one response to the next
(CSRF tokens, the CSP nonce) are stored as marks and filled in on every hit.

A visitor's copy of a public page (the same for every visitor: the
catalogue) is also kept for a second in the process that served it, and
served from there without asking the cache: a write made by this process
drops those copies at once, and one made by another process shows to
visitors within that second. Signed-in pages, and pages whose address is
someone's secret, are always checked against the generation.

The templates' indentation is left out of what is kept (and served), outside
`<pre>` and `<textarea>`: a browser shows the page the same, and a page of
rows is a quarter lighter to read from the cache and to send.
"""

import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict
from functools import partial, wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.db.backends.signals import connection_created
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
FORMAT = 3  # of the cached values: a new format must not meet the old ones
TIMEOUT = 10 * 60
UNWATCHED_TABLES = {"django_session", "outbox_message"}
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')
# Placeholders where the per-response values go, not secrets:
TOKEN_MARK = "@@csrf-token@@"  # nosec B105
NONCE_MARK = "@@csp-nonce@@"
MARKS = re.compile(f"({re.escape(TOKEN_MARK)}|{re.escape(NONCE_MARK)})")
# Where whitespace is shown as it is; elsewhere a run of it is shown as one space.
AS_WRITTEN = re.compile(r"(<(pre|textarea)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
INDENTATION = re.compile(r"[ \t]*\n\s*")
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Cache-Control", "Content-Language")
VISITOR_PAGE_SECONDS = 1.0
VISITOR_PAGES_KEPT = 200


# The generation.


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Started from the clock, so that a cache emptied by a restart never meets its old pages again.
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY)
    return value


def read_current(key):
    """(the generation, what is kept under `key` if it was made at that generation, or None),
    in one round trip. Raises RedisError when the cache is down."""
    found = cache.get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY) or generation()
    kept = found.get(key)
    return current, (kept[1] if kept is not None and kept[0] == current else None)


def keep(key, current, value):
    """Keeps `value`, made at generation `current`; a cache that is down keeps nothing."""
    try:
        cache.set(key, (current, value), TIMEOUT)
    except RedisError as error:
        logger.warning("Page cache unavailable: %r", error)


def bump_generation():
    visitor_pages.clear()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there (yet, or any more)
        cache.add(GENERATION_KEY, time.time_ns(), None)
    except RedisError as error:  # the cache is down: it serves no pages either
        logger.warning("Could not move the page cache generation on: %r", error)


def watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    write = WRITE.match(sql)
    if write and write.group(1) not in UNWATCHED_TABLES:
        connection = context["connection"]
        bump_generation()
        if connection.in_atomic_block and not any(func is bump_generation for _s, func, _r in connection.run_on_commit):
            transaction.on_commit(bump_generation, using=connection.alias)
    return result


def watch_connection(sender, connection, **kwargs):
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)


def install():
    connection_created.connect(watch_connection, dispatch_uid="page-cache-watch-writes")


# Visitors' pages kept in the process.


class RecentPages:
    """The last VISITOR_PAGES_KEPT visitors' pages this process served, each for VISITOR_PAGE_SECONDS."""

    def __init__(self):
        self._pages = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            found = self._pages.get(key)
            if found is None or time.monotonic() - found[0] > VISITOR_PAGE_SECONDS:
                return None
            return found[1]

    def put(self, key, value):
        with self._lock:
            self._pages[key] = (time.monotonic(), value)
            self._pages.move_to_end(key)
            while len(self._pages) > VISITOR_PAGES_KEPT:
                self._pages.popitem(last=False)

    def clear(self):
        with self._lock:
            self._pages.clear()


visitor_pages = RecentPages()


# Marks for what differs per response.


def without_indentation(html):
    """Each run of whitespace that holds a line break becomes one line break, outside `<pre>` and `<textarea>`."""
    pieces = AS_WRITTEN.split(html)
    # split() gives: text, an as-written element, its tag name, text, ...
    return "".join(
        INDENTATION.sub("\n", piece) if index % 3 == 0 else piece
        for index, piece in enumerate(pieces)
        if index % 3 != 2
    )


def with_marks(request, content):
    """The page's bytes without their indentation, cut around its CSRF tokens and
    CSP nonce: (pieces, marks between them)."""
    html = without_indentation(content.decode())
    html = CSRF_INPUT.sub(rf"\g<1>{TOKEN_MARK}\g<2>", html).replace(str(request.csp_nonce), NONCE_MARK)
    return tuple(piece.encode() for piece in MARKS.split(html))


def filled_in(request, pieces):
    values = {TOKEN_MARK.encode(): get_token(request).encode(), NONCE_MARK.encode(): str(request.csp_nonce).encode()}
    return b"".join(values.get(piece, piece) for piece in pieces)


def storable(response):
    return response.status_code == 200 and not response.streaming and not response.cookies


def stored(request, response):
    """What the cache keeps of a response: its page cut around the marks, and its own headers."""
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    return with_marks(request, response.content), headers


def from_cache(request, cached):
    pieces, headers = cached
    response = HttpResponse(filled_in(request, pieces))
    for name, value in headers.items():
        response[name] = value
    return response


# The decorator.


def page_key(request):
    """The minute, the person, the language, the time zone and the address (the
    generation is kept in the value, so that one round trip reads both)."""
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    person = request.user.pk if request.user.is_authenticated else 0
    minute = int(time.time() // 60)
    zone = timezone.get_current_timezone_name()
    return f"page-cache:{FORMAT}:{minute}:{person}:{get_language()}:{zone}:{path}"


def cached_page(view=None, *, public=False):
    """Serves the GET view's page from the cache while nothing it shows can have
    changed (see above). Not with a message waiting, which a page shows once.
    `public`: the page is the same for every visitor (the catalogue), so that a
    visitor's copy is also kept a second in the process; never for an address
    that is someone's secret (a calendar feed), which must stop working at once
    when it is replaced."""
    if view is None:
        return partial(cached_page, public=public)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "GET" or len(get_messages(request)):
            return view(request, *args, **kwargs)
        key = page_key(request)
        visitor = public and not request.user.is_authenticated
        cached = visitor_pages.get(key) if visitor else None
        if cached is not None:
            return from_cache(request, cached)
        try:
            current, cached = read_current(key)
        except RedisError as error:
            logger.warning("Page cache unavailable: %r", error)
            return view(request, *args, **kwargs)
        if cached is None:
            response = view(request, *args, **kwargs)
            if not storable(response) or get_messages(request).used:
                return response
            cached = stored(request, response)
            keep(key, current, cached)
        if visitor:
            visitor_pages.put(key, cached)
        return from_cache(request, cached)  # on a miss too: the same page as the next hits

    return wrapped
