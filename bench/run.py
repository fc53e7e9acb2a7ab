"""Serves the portal with gunicorn and measures its pages with wrk, from this
machine, on 127.0.0.1 only; then measures the XLSX export of every interest.

Each page is driven for at most `--duration` seconds and `--requests`
responses (whichever comes first), after a warm-up; the floor (a bare "ok"
view through the same middleware, bench/urls.py) is measured first and last
in the same run, and each page's throughput is given as a ratio to it.
Writes var/bench/results.json and var/bench/results.md.

    python -m bench run [--duration 10] [--requests 20000] [--connections 8]
"""

import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
import tracemalloc
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.db.models import Count

from bench import generate
from members.auth_backends import SIGN_IN_BACKEND

BASE_DIR = Path(__file__).resolve().parent.parent
OUT = BASE_DIR / "var" / "bench"
HOST = "127.0.0.1"
# The numbers to reach, as ratios of requests per second to the floor's (issue #9).
PUBLIC_TARGET = 0.5
SIGNED_IN_TARGET = 0.25
EXPORT_SIZES = (2000, 20000)
# The export's peak memory may not grow by more than this factor from the small size to the large one.
EXPORT_MEMORY_GROWTH = 1.2


class Page:
    def __init__(self, name, path, *, expect, target, cookie=None):
        self.name, self.path, self.expect, self.target, self.cookie = name, path, expect, target, cookie

    def headers(self):
        return {"Cookie": f"{settings.SESSION_COOKIE_NAME}={self.cookie}"} if self.cookie else {}


def signed_in(email):
    """A session cookie for the person, as signing in (with the second factor for staff) leaves it."""
    from members.models import User

    user = User.objects.get(email=email)
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = SIGN_IN_BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def pages():
    """The measured pages, on the bench data set (bench.generate)."""
    from events.models import CalendarFeed
    from labs.models import Lab

    largest = Lab.objects.annotate(size=Count("interests")).order_by("-size", "code").first()
    coordinator = largest.coordinators.order_by("pk").first()
    feed = CalendarFeed.objects.get(person__email=generate.PARTICIPANT_EMAIL)
    focal_point = signed_in(generate.FOCAL_POINT_EMAIL)
    coordinating = signed_in(coordinator.email)
    participant = signed_in(generate.PARTICIPANT_EMAIL)
    public, private = PUBLIC_TARGET, SIGNED_IN_TARGET
    # Three filters that keep the largest lab (its first theme and language, a word of its title).
    theme, language = largest.themes.order_by("slug").first(), largest.working_languages.order_by("code").first()
    filtered = urlencode({"theme": theme.slug, "language": language.code, "q": largest.title.split()[1]})
    context = {
        "lab": largest.code,
        "size": largest.size,
        "coordinator_cookie": coordinating,
        "secretariat_cookie": signed_in(generate.SECRETARIAT_EMAIL),
    }
    return [
        # Not targets: what signing in alone costs (the session, the person, their roles, their second factor).
        Page("floor signed in (focal point)", "/bench/ok", expect="ok", target=None, cookie=focal_point),
        Page("floor signed in (coordinator)", "/bench/ok", expect="ok", target=None, cookie=coordinating),
        Page("catalogue", "/labs/", expect='href="/labs/B', target=public),
        Page("catalogue filtered", f"/labs/?{filtered}", expect=f"/labs/{largest.code}/", target=public),
        Page("lab page", f"/labs/{largest.code}/", expect=largest.title, target=public),
        Page("focal point dashboard", "/interests/", expect="Metropolis 0000", target=private, cookie=focal_point),
        Page(
            f"pipeline ({largest.code}, {largest.size} interests)",
            f"/interests/selection/{largest.code}/",
            expect="Metropolis",
            target=private,
            cookie=coordinating,
        ),
        Page(
            "cohort",
            f"/interests/selection/{largest.code}/cohort/",
            expect="Metropolis",
            target=private,
            cookie=coordinating,
        ),
        Page("participant page", "/events/", expect="Online discussion", target=private, cookie=participant),
        Page("calendar feed", f"/events/calendar/{feed.token}.ics", expect="BEGIN:VCALENDAR", target=private),
    ], context


def stop_process_group(process, *, timeout):
    """Stops a process started with start_new_session=True, and its children; killed if it takes too long."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


class Gunicorn:
    """gunicorn with 2 sync workers, bench.wsgi (the production settings from the environment)."""

    def __init__(self, port, log):
        command = [sys.executable, "-m", "gunicorn", "bench.wsgi", "--workers", "2", "--bind", f"{HOST}:{port}"]
        command += ["--log-level", "warning", "--timeout", "120"]
        self.log = open(log, "wb")  # noqa: SIM115  (closed in stop)
        self.process = subprocess.Popen(  # noqa: S603  (our own command line)
            command, cwd=BASE_DIR, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.base = f"http://{HOST}:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at start; see {log}")
            try:
                if fetch(self.base + "/bench/ok")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit(f"gunicorn did not answer within 60 s; see {log}")

    def stop(self):
        stop_process_group(self.process, timeout=20)
        self.log.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=None):
    """(status, body bytes) of one GET, redirects not followed."""
    if not url.startswith(f"http://{HOST}:"):
        raise ValueError("The benchmark only talks to 127.0.0.1.")
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310  (checked above)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def verify(base, page):
    status, body = fetch(base + page.path, page.headers())
    if status != 200 or page.expect.encode() not in body:
        raise SystemExit(
            f"{page.name}: {page.path} answered {status}"
            + ("" if status != 200 else f" without {page.expect!r}")
            + "; the benchmark measures only pages that work."
        )
    return len(body)


def wrk(base, page, *, duration, requests, connections, threads):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s"]
    command += ["-s", str(Path(__file__).with_name("wrk.lua"))]
    for name, value in page.headers().items():
        command += ["-H", f"{name}: {value}"]
    command += [base + page.path, "--", str(max(1, requests // threads))]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=duration + 60).stdout  # noqa: S603
    line = next(line for line in output.splitlines() if line.startswith("BENCH-JSON "))
    figures = json.loads(line.removeprefix("BENCH-JSON "))
    errors = sum(figures[key] for key in ("status_errors", "connect_errors", "read_errors", "write_errors", "timeouts"))
    if errors:
        raise SystemExit(f"{page.name}: {errors} failed requests under load:\n{output}")
    seconds = figures["duration_us"] / 1e6
    return {
        "path": page.path,
        "requests": figures["requests"],
        "seconds": round(seconds, 2),
        "rps": round(figures["requests"] / seconds, 1),
        "p50_ms": round(figures["p50_us"] / 1000, 2),
        "p99_ms": round(figures["p99_us"] / 1000, 2),
        "bytes_per_response": round(figures["bytes"] / max(1, figures["requests"])),
    }


def measure_http(args):
    measured, context = pages()
    floor = Page("floor (bare ok view)", "/bench/ok", expect="ok", target=None)
    OUT.mkdir(parents=True, exist_ok=True)
    server = Gunicorn(args.port, OUT / "gunicorn.log")
    results = {}
    try:
        for page in [floor, *measured]:
            verify(server.base, page)
            for _ in range(args.warmup):
                fetch(server.base + page.path, page.headers())
        load = {
            "duration": args.duration,
            "requests": args.requests,
            "connections": args.connections,
            "threads": args.threads,
        }
        first_floor = wrk(server.base, floor, **load)
        for page in measured:
            print(f"  measuring {page.name} …", flush=True)
            results[page.name] = {**wrk(server.base, page, **load), "target": page.target}
        last_floor = wrk(server.base, floor, **load)
        export = export_over_http(server.base, context)
    finally:
        server.stop()
    floor_rps = round(statistics.mean([first_floor["rps"], last_floor["rps"]]), 1)
    for result in results.values():
        result["ratio"] = round(result["rps"] / floor_rps, 3)
        result["met"] = None if result["target"] is None else result["ratio"] >= result["target"]
    return {"floor": {**first_floor, "rps": floor_rps, "runs": [first_floor, last_floor]}, "pages": results}, export


def export_over_http(base, context):
    """The exports as their readers download them (seconds, bytes): the largest
    lab's pipeline by its coordinator (the median of three), and every lab's
    submitted interests by the Secretariat (once)."""
    from applications.models import Interest

    submitted = Interest.objects.filter(submitted_at__isnull=False).count()
    downloads = [
        (
            "pipeline",
            f"/interests/selection/{context['lab']}/export.xlsx",
            context["coordinator_cookie"],
            context["size"],
            3,
        ),
        ("every lab", "/interests/selection/interests.xlsx", context["secretariat_cookie"], submitted, 1),
    ]
    results = {}
    for name, path, cookie, rows, repeats in downloads:
        headers = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}"}
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            status, body = fetch(base + path, headers)
            times.append(time.perf_counter() - started)
            if status != 200 or not body.startswith(b"PK"):
                raise SystemExit(f"{path} answered {status}, not a workbook.")
        results[name] = {"path": path, "rows": rows, "seconds": round(statistics.median(times), 2), "bytes": len(body)}
    return results


def exported_interests(rows):
    """The first `rows` interests, with what the export reads of them (as the pipeline's export asks)."""
    from django.db.models import Subquery

    from applications.models import Interest
    from applications.selection.pipeline import with_pipeline_rows

    last = Interest.objects.order_by("pk").values_list("pk", flat=True)[rows - 1 : rows]
    return with_pipeline_rows(Interest.objects.filter(pk__lte=Subquery(last))).order_by(
        "lab__code", "member__name", "pk"
    )


def export_peak_memory(rows):
    """The peak of the memory Python allocates while writing `rows` interests to XLSX, in bytes (tracemalloc)."""
    from applications.selection.exports import xlsx_file

    interests = exported_interests(rows)
    tracemalloc.start()
    try:
        xlsx_file(interests, title="all", with_lab=True).close()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def export_memory(rows):
    """Time and peak memory of writing `rows` interests to XLSX (run in a process of its own)."""
    from applications.selection.exports import xlsx_file

    count = exported_interests(rows).count()
    connection.close()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    size = len(xlsx_file(exported_interests(rows), title="all", with_lab=True).read())
    seconds = time.perf_counter() - started
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    peak = export_peak_memory(rows)
    return {
        "rows": count,
        "seconds": round(seconds, 2),
        "bytes": size,
        "python_peak_mib": round(peak / 2**20, 1),
        "rss_growth_mib": round(rss_growth / 1024, 1),
    }


def measure_exports():
    results = []
    for rows in EXPORT_SIZES:
        command = [sys.executable, "-m", "bench", "run", "--export-memory", str(rows)]
        output = subprocess.run(command, cwd=BASE_DIR, capture_output=True, text=True, check=True).stdout  # noqa: S603
        results.append(json.loads(output.strip().splitlines()[-1]))
    small, large = results[0], results[-1]
    growth = large["python_peak_mib"] / max(small["python_peak_mib"], 0.1)
    return {
        "sizes": results,
        "peak_growth": round(growth, 2),
        "rows_growth": round(large["rows"] / small["rows"], 1),
        "met": growth <= EXPORT_MEMORY_GROWTH,
    }


def table(results):
    http = results["http"]
    lines = [
        f"Benchmark of {results['when']} ({results['load']})",
        "",
        "| page | req/s | ratio to floor | target | p50 ms | p99 ms | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
        f"| floor (bare ok view) | {http['floor']['rps']} | 1.000 | | {http['floor']['p50_ms']} "
        f"| {http['floor']['p99_ms']} | |",
    ]
    for name, page in http["pages"].items():
        target, met = ("", "") if page["target"] is None else (f"≥ {page['target']}", "yes" if page["met"] else "NO")
        lines.append(
            f"| {name} | {page['rps']} | {page['ratio']:.3f} | {target} | {page['p50_ms']} | {page['p99_ms']} | {met} |"
        )
    lines.append("")
    for name, export in results["export_http"].items():
        lines.append(
            f"XLSX export over HTTP, {name}: {export['path']} ({export['rows']} interests), "
            f"{export['seconds']} s, {export['bytes']} bytes."
        )
    lines += [
        "",
        "| XLSX of interests | rows | seconds | Python peak MiB | RSS growth MiB |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for size in results["export"]["sizes"]:
        lines.append(
            f"| all interests | {size['rows']} | {size['seconds']} | {size['python_peak_mib']} "
            f"| {size['rss_growth_mib']} |"
        )
    memory = results["export"]
    lines.append(
        f"\nRows ×{memory['rows_growth']}, peak memory ×{memory['peak_growth']} "
        f"(target: ≤ ×{EXPORT_MEMORY_GROWTH}): {'met' if memory['met'] else 'NOT met'}."
    )
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page at most")
    parser.add_argument("--requests", type=int, default=100000, help="responses per page at most")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=20, help="requests per page before measuring")
    parser.add_argument("--export-memory", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.export_memory:
        print(json.dumps(export_memory(args.export_memory)))
        return
    if settings.DEBUG:
        raise SystemExit("The benchmark measures the production settings: set DEBUG=false (make bench does).")
    http, export_http = measure_http(args)
    results = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load": f"wrk -t{args.threads} -c{args.connections}, at most {args.duration} s and {args.requests} "
        "responses per page; gunicorn 2 sync workers",
        "http": http,
        "export_http": export_http,
        "export": measure_exports(),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    (OUT / "results.md").write_text(table(results))
    print(table(results))
    print(f"Written: {OUT / 'results.json'} and {OUT / 'results.md'}")
