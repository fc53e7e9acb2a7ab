"""Project-wide middleware: no NUL bytes in addresses, no caching of personal
pages, a clear page when a service the portal relies on is down."""

import logging

from django.shortcuts import render
from django.utils.cache import patch_cache_control
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from config.views import service_unavailable

logger = logging.getLogger(__name__)

# Pages that show personal data to people who are not signed in (the link in an
# email is their key), so they are never stored either.
PERSONAL_PAGES_FOR_VISITORS = {
    "members:accept_invitation",
    "account_confirm_email",
    "account_reset_password_from_key",
}
# Broker and cache errors: Celery raises kombu's, Django's Redis cache redis-py's.
SERVICE_ERRORS = (BrokerError, RedisConnectionError, RedisTimeoutError)


class RefuseNulBytesMiddleware:
    """An address (path or query string) with a NUL byte gets 400: no page needs
    one, and PostgreSQL refuses them in queries, which would be a server error.
    Forms refuse NUL bytes in posted fields themselves, with a message at the field."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_query = any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists())
        if "\x00" in request.path or in_query:
            return render(request, "400.html", status=400)
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Every page served to a signed-in person (and the personal pages above)
    may be kept by neither the browser nor a proxy: `Cache-Control: private, no-store`.
    Static files are served before this middleware is reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        visitor_page = match is not None and match.view_name in PERSONAL_PAGES_FOR_VISITORS
        if request.user.is_authenticated or visitor_page:
            patch_cache_control(response, private=True, no_store=True)
        return response


class ServiceUnavailableMiddleware:
    """A request that fails because the broker or the Redis cache is unreachable
    gets the 503 page in the layout, not a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, SERVICE_ERRORS):
            return None
        logger.error("Service unavailable for %s: %r", request.path, exception)
        return service_unavailable(request)
