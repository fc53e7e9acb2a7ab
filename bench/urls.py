"""Every URL of the portal, plus the benchmark's floor: a bare view answering
"ok" through the same middleware stack (see bench/settings.py)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler500  # noqa: F401
from config.urls import urlpatterns as portal_urlpatterns


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ok", ok, name="bench_ok"), *portal_urlpatterns]
