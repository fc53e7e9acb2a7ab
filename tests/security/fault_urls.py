"""The project's URLs plus views that fail the way real ones can, for test_faults.py."""

from django.core.cache import cache
from django.http import HttpResponse
from django.urls import path

from config.celery import app as celery_app
from config.urls import urlpatterns as project_urlpatterns


def queue_a_task(request):
    celery_app.send_task("portal.tests.ping")  # what a view does when it queues an email
    return HttpResponse("queued")


def read_the_cache(request):
    return HttpResponse(cache.get("anything", "read"))


def fail_otherwise(request):
    raise ValueError("a bug")


urlpatterns = [
    path("test/queue/", queue_a_task),
    path("test/cache/", read_the_cache),
    path("test/bug/", fail_otherwise),
    *project_urlpatterns,
]
