import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PRINT = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps([settings.OUTBOX_RETRY_DELAYS, settings.CELERY_TASK_DEFAULT_QUEUE]))"
)


def outbox_settings(**environ):
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "config.settings", **environ}
    result = subprocess.run([sys.executable, "-c", PRINT], env=env, cwd=BASE_DIR, capture_output=True, text=True)
    return json.loads(result.stdout)


def test_retry_delays_and_queue_have_defaults_and_follow_the_environment():
    assert outbox_settings() == [[60, 300, 1800, 7200], "celery"]
    assert outbox_settings(OUTBOX_RETRY_DELAYS="5, 10", CELERY_TASK_DEFAULT_QUEUE="portal") == [[5, 10], "portal"]
