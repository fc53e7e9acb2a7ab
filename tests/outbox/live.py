"""Real services for the fault tests: an SMTP sink, a Celery worker process,
and a way to point this process at a broker that is down. Every wait is bounded."""

import os
import signal
import socket
import subprocess
import sys
import time
from email import message_from_bytes, policy
from pathlib import Path
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

BASE_DIR = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, *, what, timeout=30, log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    tail = log.read_text()[-3000:] if log and log.exists() else ""
    pytest.fail(f"Waited {timeout}s for {what}.\n{tail}")


class SmtpSink:
    """An SMTP server on 127.0.0.1 that keeps what it accepts, or answers
    `refuse_with` (e.g. "451 ...") to every message while that is set."""

    def __init__(self):
        self.received = []
        self.refusals = 0
        self.refuse_with = None
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_with:
            self.refusals += 1
            return self.refuse_with
        self.received.append(message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 2.0.0 Accepted"

    def subjects(self):
        return [email["Subject"] for email in self.received]


def database_url_for_other_processes():
    """The database pytest-django created, for a process outside this one."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class WorkerProcess:
    """`celery -A config worker` consuming one queue of its own, sending mail to the sink."""

    def __init__(self, *, queue, smtp_port, log):
        self.log = log
        env = {
            **os.environ,
            "DATABASE_URL": database_url_for_other_processes(),
            "CELERY_TASK_DEFAULT_QUEUE": queue,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_TIMEOUT": "5",
            "OUTBOX_RETRY_DELAYS": "1,1",
            "PYTHONUNBUFFERED": "1",
        }
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=INFO"]
        command += ["--queues", queue, "--hostname", f"{queue}@%h", "--without-gossip", "--without-mingle"]
        command += ["--without-heartbeat"]
        with open(log, "wb") as output:
            self.process = subprocess.Popen(
                command, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_until(lambda: " ready." in log.read_text() or self.process.poll() is not None, what="the worker", log=log)
        if self.process.poll() is not None:
            pytest.fail(f"The worker stopped at start:\n{log.read_text()[-3000:]}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
