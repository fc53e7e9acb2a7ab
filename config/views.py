from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from config import health


def home(request):
    return render(request, "home.html")


@never_cache
def healthz(request):
    checks = {"database": health.database_problem(), "broker": health.broker_problem()}
    failing = {name: problem for name, problem in checks.items() if problem}
    body = {
        "status": "ok" if not failing else "unavailable",
        "checks": {name: ("ok" if problem is None else f"unreachable: {problem}") for name, problem in checks.items()},
    }
    return JsonResponse(body, status=503 if failing else 200)


@require_POST
def switch_language(request):
    """Django's set_language, which also remembers the choice on the person's profile."""
    response = set_language(request)
    code = request.POST.get("language")
    if request.user.is_authenticated and code in dict(settings.LANGUAGES) and request.user.preferred_language != code:
        request.user.preferred_language = code
        request.user.save(update_fields=["preferred_language"])
    return response


def server_error(request):
    try:
        return HttpResponseServerError(loader.render_to_string("500.html", request=request))
    except Exception:  # the layout itself failed: answer plainly rather than not at all
        return HttpResponseServerError("<h1>Server error</h1>", content_type="text/html")


RETRY_AFTER_SECONDS = 120


def service_unavailable(request):
    """The 503 page: a service the portal relies on (the broker, the cache) is down."""
    try:
        response = HttpResponse(loader.render_to_string("503.html", request=request), status=503)
    except Exception:  # the layout itself failed: answer plainly rather than not at all
        response = HttpResponse("<h1>Service unavailable</h1>", content_type="text/html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def csrf_failure(request, reason=""):
    """A form sent without its CSRF token: refused in the layout, with what to do."""
    return render(request, "403_csrf.html", status=403)
