"""The reminder fan-out: 10,000 session reminders sent by one Celery worker
process to an SMTP sink on 127.0.0.1, timed, and checked to arrive exactly once.

It adds a lab of its own to the bench database (`--sessions` sessions
starting within the next day, whose participants make `--reminders`
reminders), starts the sink and `celery -A config worker --pool=solo` on a
queue of its own, sends the periodic task `events.remind_sessions` to it,
and waits for every message (bounded by `--timeout`). The worker queues the
reminders (the outbox rows) and then sends them, one after the other.
Results go to var/bench/fanout.json and are added to var/bench/results.md.

    python -m bench fanout [--reminders 10000] [--sessions 5]
"""

import argparse
import asyncio
import datetime
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter

from aiosmtpd.controller import Controller
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone

from applications.enums import InterestState as S
from applications.models import Interest, NamedParticipant
from bench.generate import BATCH, BENCH_EMAIL_DOMAIN
from bench.run import BASE_DIR, OUT, stop_process_group
from events.enums import SessionKind
from events.models import Session
from labs.enums import LabStatus
from labs.models import Edition, Lab
from members.models import Member, User
from members.outbox.enums import MessageStatus, Occasion
from members.outbox.models import Message
from members.roles import Role

QUEUE = "bench-fanout"
LAB_CODE = "FANOUT"


class Sink:
    """An SMTP server on 127.0.0.1 that counts (recipient, subject) of what it accepts."""

    def __init__(self):
        self.arrivals = Counter()
        self.first = self.last = None
        self.lock = threading.Lock()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        email = message_from_bytes(envelope.original_content, policy=policy.default)
        key = (",".join(envelope.rcpt_tos).lower(), str(email["Subject"]))
        with self.lock:
            self.arrivals[key] += 1
            self.last = time.monotonic()
            self.first = self.first or self.last
        return "250 2.0.0 Accepted"

    @property
    def total(self):
        return sum(self.arrivals.values())

    def start(self):
        self.controller.start()
        return self.port


def fan_out_lab(*, reminders, sessions):
    """A lab whose participants (sessions × participants = reminders) all have a session within the day."""
    if Lab.objects.filter(code=LAB_CODE).exists():
        raise SystemExit("The fan-out lab exists already: run it on a freshly generated bench database (make bench).")
    if reminders % sessions:
        raise SystemExit("--reminders must be a multiple of --sessions.")
    participants = reminders // sessions
    members = list(Member.objects.order_by("pk")[: (participants + 1) // 2])
    if len(members) * 2 < participants:
        raise SystemExit(f"The bench data set has too few members for {participants} participants.")
    now = timezone.now()
    password = make_password(None)
    with transaction.atomic():
        lab = Lab.objects.create(
            edition=Edition.objects.order_by("-year").first(),
            code=LAB_CODE,
            title="Fan-out",
            summary="The reminder fan-out of the benchmark.",
            target_participants="-",
            commitment="-",
            estimated_timeline="-",
            status=LabStatus.RUNNING,
        )
        interests = Interest.objects.bulk_create(
            [Interest(member=member, lab=lab, state=S.ACCEPTED, submitted_at=now) for member in members],
            batch_size=BATCH,
        )
        people = User.objects.bulk_create(
            [
                User(
                    email=f"fanout.{number}@{BENCH_EMAIL_DOMAIN}",
                    name=f"Fan-out {number}",
                    password=password,
                    member=members[number // 2],
                    preferred_language=["en", "fr", "es"][number % 3],
                )
                for number in range(participants)
            ],
            batch_size=BATCH,
        )
        group = Group.objects.get(name=Role.PARTICIPANT)
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=person.pk, group_id=group.pk) for person in people], batch_size=BATCH
        )
        NamedParticipant.objects.bulk_create(
            [
                NamedParticipant(
                    interest=interests[number // 2],
                    name=person.name,
                    email=person.email,
                    person=person,
                    sequence=number % 2,
                )
                for number, person in enumerate(people)
            ],
            batch_size=BATCH,
        )
        for number in range(sessions):
            starts_at = now + datetime.timedelta(hours=2 + 3 * number)
            Session.objects.create(
                lab=lab,
                kind=SessionKind.ONLINE,
                title=f"Fan-out session {number + 1}",
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(hours=1),
                video_link="https://meet.example.org/fanout",
            )
    return lab


class Worker:
    def __init__(self, *, smtp_port, log):
        env = {
            **os.environ,
            "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_TIMEOUT": "10",
            "PYTHONUNBUFFERED": "1",
        }
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=WARNING"]
        command += ["--queues", QUEUE, "--hostname", f"{QUEUE}@%h", "--without-gossip", "--without-mingle"]
        command += ["--without-heartbeat"]
        self.log = open(log, "wb")  # noqa: SIM115  (closed in stop)
        self.process = subprocess.Popen(  # noqa: S603  (our own command line)
            command, cwd=BASE_DIR, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def stop(self):
        stop_process_group(self.process, timeout=30)
        self.log.close()


def measure(args):
    from config.celery import app

    if settings.CELERY_TASK_ALWAYS_EAGER:
        raise SystemExit("The fan-out needs a broker: set CELERY_BROKER_URL (make bench does).")
    lab = fan_out_lab(reminders=args.reminders, sessions=args.sessions)
    OUT.mkdir(parents=True, exist_ok=True)
    sink = Sink()
    port = sink.start()
    with app.connection_for_write() as connection:
        app.amqp.queues[QUEUE].bind(connection.default_channel).purge()
    worker = Worker(smtp_port=port, log=OUT / "fanout-worker.log")
    try:
        started = time.monotonic()
        app.send_task("events.remind_sessions", queue=QUEUE)
        deadline = started + args.timeout
        while sink.total < args.reminders and time.monotonic() < deadline:
            if worker.process.poll() is not None:
                raise SystemExit(f"The worker stopped; see {OUT / 'fanout-worker.log'}")
            time.sleep(0.5)
        finished = sink.last or time.monotonic()
        time.sleep(args.settle)  # anything sent twice would show now
    finally:
        worker.stop()
        sink.controller.stop()
        asyncio.set_event_loop(asyncio.new_event_loop())
    rows = Message.objects.filter(occasion=Occasion.SESSION_REMINDER, lab=lab)
    span = rows.aggregate(first=Min("created_at"), last=Max("created_at"))
    queued_seconds = (span["last"] - span["first"]).total_seconds() if span["first"] else None
    duplicates = sum(1 for count in sink.arrivals.values() if count > 1)
    sent = rows.filter(status=MessageStatus.SENT).count()
    total_seconds = finished - started
    result = {
        "reminders": args.reminders,
        "sessions": args.sessions,
        "worker": "celery -A config worker --pool=solo (one process)",
        "received": sink.total,
        "distinct": len(sink.arrivals),
        "duplicates": duplicates,
        "rows": rows.count(),
        "rows_sent": sent,
        "seconds_total": round(total_seconds, 1),
        "seconds_queueing": round(queued_seconds, 1) if queued_seconds is not None else None,
        "seconds_sending": round(sink.last - sink.first, 1) if sink.first else None,
        "messages_per_second": round(sink.total / total_seconds, 1) if total_seconds else None,
    }
    result["exactly_once"] = (
        result["received"] == result["distinct"] == result["rows"] == result["rows_sent"] == args.reminders
        and not duplicates
    )
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench fanout", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reminders", type=int, default=10000)
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--timeout", type=int, default=900, help="seconds to wait for every message at most")
    parser.add_argument("--settle", type=float, default=5, help="seconds to wait for late duplicates")
    args = parser.parse_args(argv)
    result = measure(args)
    (OUT / "fanout.json").write_text(json.dumps(result, indent=2))
    line = (
        f"\nFan-out: {result['received']} of {result['reminders']} session reminders received by the SMTP sink "
        f"in {result['seconds_total']} s from the periodic task ({result['messages_per_second']} messages/s; "
        f"queueing {result['seconds_queueing']} s, sending {result['seconds_sending']} s), one worker; "
        f"exactly once: {'yes' if result['exactly_once'] else 'NO'} "
        f"({result['distinct']} distinct, {result['duplicates']} duplicated, {result['rows_sent']} rows sent).\n"
    )
    with open(OUT / "results.md", "a") as table:
        table.write(line)
    print(line)
    if not result["exactly_once"]:
        raise SystemExit("The fan-out did not deliver every reminder exactly once.")
