"""Reachability checks of the services the portal depends on (for /healthz)."""

from django.conf import settings
from django.db import connection


def database_problem():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any driver error means "not reachable"
        return str(error) or error.__class__.__name__
    return None


def broker_problem():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return None  # no broker configured: tasks run in-process
    from kombu import Connection

    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)
    except Exception as error:  # kombu raises many kinds of connection errors
        return str(error) or error.__class__.__name__
    return None
