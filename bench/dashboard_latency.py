#!/usr/bin/env python3
"""How soon the supervisor dashboard shows a recorded call (SPEC §11: within 2 s, p95), against PostgreSQL's own
write-then-read round trip, in one run.

1. Creates an empty database (--database, dropped first) on the PostgreSQL server at --pg-host/--pg-port and measures
   the baseline there: --calls times, a row INSERTed (and committed) by one connection, then SELECTed by another,
   one after the other: the least any "written here, seen there" can take on this machine.
2. Starts the service on that database (the jar of `./mvnw -pl api -am package -DskipTests`, loopback port --port),
   signs in to the dashboard with the form (session cookie, CSRF token) and opens its stream of server-sent events.
3. Creates two running campaigns: one measured, one for a background load of --background-rate calls per second
   recorded over REST meanwhile.
4. Records --calls calls on the measured campaign over REST at a steady --rate per second and, for each, takes the
   time from the REST answer until a pushed `figures` event shows the campaign with that many numbers dialled.
5. Prints p50/p95/max of both, and their ratio, as a markdown table; stops the service.

Bounded: one database, one service on loopback, --calls calls and a --timeout for the pushes. Nothing leaves this
machine.

    python3 bench/dashboard_latency.py [--calls 200] [--rate 5] [--background-rate 20]
"""
import argparse
import base64
import http.cookiejar
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

LOGIN, SECRET = "dashboard-bench", secrets.token_urlsafe(18)
AUTHORIZATION = "Basic " + base64.b64encode(f"{LOGIN}:{SECRET}".encode()).decode()


def psql_command(args, database):
    return ["psql", "-h", args.pg_host, "-p", str(args.pg_port), "-U", args.pg_user, "-v", "ON_ERROR_STOP=1",
            "-qAt", "-d", database]


def psql(args, sql, database):
    subprocess.run(psql_command(args, database) + ["-c", sql], check=True, stdout=subprocess.DEVNULL)


class Session:
    """One psql process kept open: a statement in, its one-line answer out, over the same connection."""

    def __init__(self, args):
        self.process = subprocess.Popen(psql_command(args, args.database), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, bufsize=1)

    def ask(self, sql):
        self.process.stdin.write(sql + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


def baseline(args):
    psql(args, "CREATE TABLE push_baseline (n INT PRIMARY KEY, at TIMESTAMPTZ DEFAULT now())", args.database)
    writer, reader = Session(args), Session(args)
    writer.ask("SELECT 1;")
    reader.ask("SELECT 1;")
    seconds = []
    for n in range(1, args.calls + 1):
        start = time.perf_counter()
        writer.ask(f"INSERT INTO push_baseline (n) VALUES ({n}) RETURNING n;")
        if reader.ask(f"SELECT COUNT(*) FROM push_baseline WHERE n = {n};") != "1":
            sys.exit(f"the reader did not see row {n}")
        seconds.append(time.perf_counter() - start)
    writer.close()
    reader.close()
    psql(args, "DROP TABLE push_baseline", args.database)
    return seconds


def start_service(args, log):
    env = dict(os.environ, SPRING_PROFILES_ACTIVE="postgres",
               DATABASE_URL=f"jdbc:postgresql://{args.pg_host}:{args.pg_port}/{args.database}",
               DATABASE_USER=args.pg_user, LEDGER_BOOTSTRAP_LOGIN=LOGIN, LEDGER_BOOTSTRAP_PASSWORD=SECRET,
               PORT=str(args.port))
    process = subprocess.Popen(["java", *args.java_opts.split(), "-jar", args.jar], env=env, stdout=log,
                               stderr=subprocess.STDOUT)
    deadline = time.time() + 180
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit(f"the service stopped; see {log.name}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/actuator/health/readiness", timeout=5)
            return process
        except OSError:
            time.sleep(1)
    process.send_signal(signal.SIGTERM)
    sys.exit(f"no ready service after 180 s; see {log.name}")


def api(args, method, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{args.port}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": AUTHORIZATION, "Content-Type": "application/json",
                                              "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def running_campaign(args, name, prefix, count):
    numbers = [{"number": f"{prefix}{n:04d}"} for n in range(1, count + 1)]
    campaign = api(args, "POST", "/api/campaigns", {"name": name, "fromNumber": "9206596476", "numbers": numbers})["id"]
    api(args, "POST", f"/api/campaigns/{campaign}/control", {"command": "START"})
    return campaign


def record_call(args, campaign, number):
    api(args, "POST", f"/api/campaigns/{campaign}/calls", {"number": number, "result": "BUSY", "durationSeconds": 5})


class Dashboard:
    """A signed-in dashboard page: its stream's figures, and when each count of dialled numbers was first pushed."""

    def __init__(self, args, campaign):
        self.base = f"http://127.0.0.1:{args.port}"
        self.campaign = campaign
        self.dialled_at = {}
        self.lock = threading.Condition()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        session = self.session()
        form = urllib.parse.urlencode({"login": LOGIN, "secret": SECRET}).encode()
        self.opener.open(urllib.request.Request(f"{self.base}/dashboard/session", data=form, headers={
            session["csrfHeader"]: session["csrfToken"], "Content-Type": "application/x-www-form-urlencoded"}),
            timeout=30).read()
        if not self.session()["signedIn"]:
            sys.exit("the dashboard did not sign in")
        self.stream = self.opener.open(urllib.request.Request(
            f"{self.base}/dashboard/events?page=bench", headers={"Accept": "text/event-stream"}), timeout=60)
        threading.Thread(target=self.read, daemon=True).start()

    def session(self):
        with self.opener.open(f"{self.base}/dashboard/session", timeout=30) as response:
            return json.loads(response.read())

    def read(self):
        event = None
        for raw in self.stream:
            line = raw.decode().rstrip("\r\n")
            if line.startswith("event:"):
                event = line[6:]
            elif line.startswith("data:") and event == "figures":
                now = time.perf_counter()
                for figures in json.loads(line[5:])["campaigns"]:
                    if figures["id"] == self.campaign:
                        with self.lock:
                            for n in range(len(self.dialled_at) + 1, figures["stats"]["dialed"] + 1):
                                self.dialled_at[n] = now
                            self.lock.notify_all()

    def wait_dialled(self, count, timeout):
        with self.lock:
            return self.lock.wait_for(lambda: len(self.dialled_at) >= count, timeout)


def background(args, campaign, stop):
    n = 0
    start = time.perf_counter()
    while not stop.is_set() and n < 9999:
        n += 1
        record_call(args, campaign, f"212555{n:04d}")
        pause = start + n / args.background_rate - time.perf_counter()
        if pause > 0:
            stop.wait(pause)


def percentiles(seconds):
    ordered = sorted(seconds)
    at = lambda q: ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]
    return at(0.5) * 1000, at(0.95) * 1000, ordered[-1] * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg-host", default="localhost")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--database", default="ledger_dashboard_bench")
    parser.add_argument("--port", type=int, default=18091)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--rate", type=float, default=5, help="measured calls per second")
    parser.add_argument("--background-rate", type=float, default=20, help="other calls per second meanwhile (0: none)")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for the last push")
    parser.add_argument("--java-opts", default="-Xms384m -Xmx384m -XX:+UseSerialGC")
    parser.add_argument("--jar", default=None)
    args = parser.parse_args()
    if args.pg_host not in ("localhost", "127.0.0.1", "::1"):
        sys.exit(f"loopback PostgreSQL only, not {args.pg_host}")
    if not 0 < args.calls <= 9999:
        sys.exit("--calls: 1 to 9999")
    if args.jar is None:
        jars = [f for f in os.listdir("api/target") if f.startswith("api-") and f.endswith(".jar")]
        if not jars:
            sys.exit("no api/target/api-*.jar: ./mvnw -pl api -am package -DskipTests")
        args.jar = os.path.join("api/target", sorted(jars)[0])

    psql(args, f"DROP DATABASE IF EXISTS {args.database} WITH (FORCE)", "postgres")
    psql(args, f"CREATE DATABASE {args.database}", "postgres")
    print(f"== baseline: {args.calls} INSERTs, each then SELECTed by another connection", flush=True)
    raw = baseline(args)

    log = tempfile.NamedTemporaryFile("w", prefix="dashboard-bench-", suffix=".log", delete=False)
    print(f"== starting {args.jar} on {args.database} (log {log.name})", flush=True)
    service = start_service(args, log)
    stop = threading.Event()
    try:
        measured = running_campaign(args, "Measured", "310555", args.calls)
        dashboard = Dashboard(args, measured)
        if args.background_rate > 0:
            loaded = running_campaign(args, "Background", "212555", 9999)
            threading.Thread(target=background, args=(args, loaded, stop), daemon=True).start()
        print(f"== {args.calls} calls at {args.rate}/s, {args.background_rate}/s of other calls meanwhile", flush=True)
        answered = {}
        start = time.perf_counter()
        for n in range(1, args.calls + 1):
            pause = start + (n - 1) / args.rate - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            record_call(args, measured, f"310555{n:04d}")
            answered[n] = time.perf_counter()
        if not dashboard.wait_dialled(args.calls, args.timeout):
            sys.exit(f"only {len(dashboard.dialled_at)} of {args.calls} calls pushed within {args.timeout} s")
        # A push read before its REST answer was (the two race on loopback) counts as zero.
        pushed = [max(0.0, dashboard.dialled_at[n] - answered[n]) for n in range(1, args.calls + 1)]
    finally:
        stop.set()
        service.send_signal(signal.SIGTERM)
        service.wait(timeout=60)

    p50, p95, worst = percentiles(pushed)
    b50, b95, bworst = percentiles(raw)
    print()
    print("| from → to | n | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    print(f"| REST answer → pushed figures show the call | {len(pushed)} | {p50:.0f} | {p95:.0f} | {worst:.0f} |")
    print(f"| PostgreSQL INSERT committed → SELECTed by another connection | {len(raw)} | {b50:.2f} | {b95:.2f} "
          f"| {bworst:.2f} |")
    print(f"| ratio (dashboard / PostgreSQL) | | {p50 / b50:.0f}× | {p95 / b95:.0f}× | {worst / bworst:.0f}× |")
    print()
    print(f"p95 {p95:.0f} ms {'within' if p95 <= 2000 else 'OVER'} the 2 s of SPEC §11")


if __name__ == "__main__":
    main()
