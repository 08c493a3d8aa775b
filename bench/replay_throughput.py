#!/usr/bin/env python3
"""Replay speed of read models against PostgreSQL's raw sequential read of the event table, in one run.

1. Creates an empty database (--database, dropped first) on the PostgreSQL server at --pg-host/--pg-port and
   starts the service on it (the jar of `./mvnw -pl api -am package -DskipTests`, loopback port --port).
2. Writes a template over HTTP: one campaign with --template-calls numbers, two agents who call back and log in,
   two updates, and one dial result per number but one (so it stays RUNNING). Waits until every processor has
   caught up, then stops the service.
3. Copies the template's events in SQL until the store holds about --events events (new campaign and agent ids,
   new event identifiers, campaigns interleaved in the stream), and moves every processor's token to the new head,
   as if the processors had followed the whole history live.
4. Measures the raw read: `COPY (SELECT every column FROM domain_event_entry ORDER BY global_index) TO STDOUT`,
   best of two, in rows per second.
5. Starts the service again and, for each read model in turn, POSTs /api/admin/processors/{name}/replay and polls
   GET /api/admin/processors until it has caught up: events per second = events in the store / seconds taken.
6. Prints one line per read model with its rate and its ratio to the raw read, stops the service.

Bounded: one database, one service on loopback, --events rows, a --timeout per replay. Nothing leaves this machine.
"""
import argparse
import base64
import http.client
import secrets
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

READ_MODELS = ["campaign-history", "dispositions-per-hour", "campaign-view", "agent-sessions", "campaign-stats"]
# The service's bootstrap admin (it creates the template and starts the replays): made up for each run.
LOGIN, SECRET = "replay-bench", secrets.token_urlsafe(18)
AUTHORIZATION = "Basic " + base64.b64encode(f"{LOGIN}:{SECRET}".encode()).decode()


def psql(args, sql, database=None, capture=True):
    command = ["psql", "-h", args.pg_host, "-p", str(args.pg_port), "-U", args.pg_user, "-v", "ON_ERROR_STOP=1",
               "-Atq", "-d", database or args.database, "-c", sql]
    result = subprocess.run(command, check=True, capture_output=capture, text=True)
    return result.stdout.strip() if capture else None


def http_json(args, method, path, body=None, ok=(200,)):
    conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=60)
    conn.request(method, path, body=None if body is None else json.dumps(body),
                 headers={"Content-Type": "application/json", "Authorization": AUTHORIZATION})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    if response.status not in ok:
        raise SystemExit(f"{method} {path} -> {response.status} {data[:300]!r}")
    return json.loads(data) if data else None


def start_service(args):
    log = open(os.path.join(args.workdir, "replay-bench-service.log"), "a")
    url = f"jdbc:postgresql://{args.pg_host}:{args.pg_port}/{args.database}"
    process = subprocess.Popen(["java", f"-Xmx{args.heap}"] + args.java_opt + ["-jar", args.jar, "--spring.profiles.active=postgres",
                                f"--spring.datasource.url={url}", f"--spring.datasource.username={args.pg_user}",
                                f"--server.port={args.port}", "--server.address=127.0.0.1", "--ledger.dialer.enabled=false",
                                "--logging.level.com.campaignledger.web.RequestLogFilter=WARN"] + args.service_arg,
                               stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, "LEDGER_BOOTSTRAP_LOGIN": LOGIN, "LEDGER_BOOTSTRAP_PASSWORD": SECRET})
    deadline = time.time() + 120
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the service stopped at start-up; see {log.name}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=5)
            conn.request("GET", "/actuator/health/readiness")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    process.kill()
    raise SystemExit("the service did not become ready within 120 s")


def stop_service(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()


def processors(args):
    return {p["name"]: p for p in http_json(args, "GET", "/api/admin/processors")}


def caught_up(p):
    return p["status"] == "RUNNING" and p["replay"] is None and p["lag"] == 0


def wait_all_caught_up(args, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        states = processors(args)
        if all(caught_up(p) for p in states.values() if p["mode"] != "subscribing" and p["lag"] is not None):
            return
        time.sleep(0.5)
    raise SystemExit("processors did not catch up with the template")


def write_template(args):
    calls = args.template_calls
    numbers = [{"number": f"+1212{300 + n // 10_000:03d}{n % 10_000:04d}"} for n in range(calls + 1)]
    cid = http_json(args, "POST", "/api/campaigns", {
        "name": "replay-bench", "fromNumber": "2135550100", "script": "Hello",
        "dispositionLists": [{"name": "outcome", "dispositions": ["sale", "no sale"]}]}, ok=(201,))["id"]
    http_json(args, "POST", f"/api/campaigns/{cid}/numbers", numbers)
    http_json(args, "PATCH", f"/api/campaigns/{cid}", {"labels": ["bench"]})
    http_json(args, "POST", f"/api/campaigns/{cid}/control", {"command": "START"})
    for _ in range(100):
        if http_json(args, "GET", f"/api/campaigns/{cid}")["status"] == "RUNNING":
            break
        time.sleep(0.1)
    sessions = []
    for a in range(2):
        user = f"agent{a}@example.com"
        agent = http_json(args, "POST", f"/api/campaigns/{cid}/agents/callback",
                          {"userId": user, "phoneNumber": f"212555000{a}"}, ok=(201,))["agentId"]
        http_json(args, "POST", f"/api/campaigns/{cid}/agents/{agent}/login", {"userId": user})
        sessions.append(agent)
    http_json(args, "PUT", f"/api/campaigns/{cid}/dial-ratio", {"ratio": 2.0})
    results = ["LA", "AM", "NO_ANS", "BUSY", "DNC", "LA", "CARRIER_TEMP_ERROR", "LA"]
    for n in range(calls):
        http_json(args, "POST", f"/api/campaigns/{cid}/calls",
                  {"number": numbers[n]["number"], "result": results[n % len(results)]})
    return cid, sessions


def multiply(args, cid, sessions):
    template = int(psql(args, f"SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier IN "
                              f"('campaign-{cid}', 'agent-session-{sessions[0]}', 'agent-session-{sessions[1]}')"))
    existing = int(psql(args, "SELECT COUNT(*) FROM domain_event_entry"))
    copies = max(1, (args.events - existing) // template)
    campaign_base = int(psql(args, "SELECT nextval('campaign_id_seq')")) + 1
    session_base = int(psql(args, "SELECT nextval('agent_session_id_seq')")) + 1
    s0, s1 = sessions
    # One INSERT ... SELECT: every copy of a template event follows the same event of the other copies, so the
    # campaigns interleave in the stream as live campaigns do.
    psql(args, f"""
        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                        payload_type, payload_revision, payload, meta_data)
        SELECT gen_random_uuid()::text,
               CASE e.aggregate_identifier
                   WHEN 'campaign-{cid}' THEN 'campaign-' || ({campaign_base} + c)
                   WHEN 'agent-session-{s0}' THEN 'agent-session-' || ({session_base} + 2 * c)
                   ELSE 'agent-session-' || ({session_base} + 2 * c + 1) END,
               e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision,
               convert_to(replace(replace(replace(convert_from(e.payload, 'UTF8'),
                   '"campaignId":{cid},', '"campaignId":' || ({campaign_base} + c) || ','),
                   '"sessionId":{s0},', '"sessionId":' || ({session_base} + 2 * c) || ','),
                   '"sessionId":{s1},', '"sessionId":' || ({session_base} + 2 * c + 1) || ','), 'UTF8'),
               e.meta_data
        FROM generate_series(0, {copies - 1}) AS c
        CROSS JOIN (SELECT * FROM domain_event_entry WHERE aggregate_identifier IN
                    ('campaign-{cid}', 'agent-session-{s0}', 'agent-session-{s1}')) AS e
        ORDER BY e.global_index, c""", capture=False)
    psql(args, f"SELECT setval('campaign_id_seq', {campaign_base + copies + 1})")
    psql(args, f"SELECT setval('agent_session_id_seq', {session_base + 2 * copies + 2})")
    head = int(psql(args, "SELECT MAX(global_index) FROM domain_event_entry"))
    # As if every processor had followed this history live: their tokens at the head.
    psql(args, "UPDATE token_entry SET token = convert_to('{\"index\":" + str(head) + ",\"gaps\":[]}', 'UTF8'), "
               "token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken' WHERE token IS NOT NULL")
    psql(args, "VACUUM ANALYZE domain_event_entry", capture=False)
    return copies, head


def raw_read(args):
    best = None
    for _ in range(2):
        started = time.perf_counter()
        subprocess.run(["psql", "-h", args.pg_host, "-p", str(args.pg_port), "-U", args.pg_user, "-d", args.database,
                        "-c", "COPY (SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                              "time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                              "ORDER BY global_index) TO STDOUT"],
                       check=True, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best


def replay(args, name, events):
    started = time.perf_counter()
    http_json(args, "POST", f"/api/admin/processors/{name}/replay", ok=(202,))
    reported = []
    deadline = time.time() + args.timeout
    time.sleep(0.5)
    while time.time() < deadline:
        p = processors(args)[name]
        if p["replay"] and p["replay"]["eventsPerSecond"]:
            reported.append(p["replay"]["eventsPerSecond"])
        if caught_up(p):
            return time.perf_counter() - started, reported
        time.sleep(0.25)
    raise SystemExit(f"replay of {name} did not finish within {args.timeout} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=200_000, help="events in the store (about)")
    parser.add_argument("--template-calls", type=int, default=190, help="dial results in the template campaign")
    parser.add_argument("--read-models", default=",".join(READ_MODELS))
    parser.add_argument("--jar", default="api/target/api-0.1.0-SNAPSHOT.jar")
    parser.add_argument("--port", type=int, default=18091)
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--pg-host", default="127.0.0.1")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--database", default="ledger_replay_bench")
    parser.add_argument("--timeout", type=int, default=900, help="seconds one replay may take")
    parser.add_argument("--workdir", default=tempfile.gettempdir(), help="where the service log goes")
    parser.add_argument("--service-arg", action="append", default=[], help="extra argument for the service")
    parser.add_argument("--java-opt", action="append", default=[], help="extra JVM option (e.g. a flight recording)")
    args = parser.parse_args()
    if args.pg_host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("loopback only: --pg-host must be 127.0.0.1, localhost or ::1")

    psql(args, f"DROP DATABASE IF EXISTS {args.database} WITH (FORCE)", database="postgres", capture=False)
    psql(args, f"CREATE DATABASE {args.database}", database="postgres", capture=False)
    service = start_service(args)
    try:
        cid, sessions = write_template(args)
        wait_all_caught_up(args)
    finally:
        stop_service(service)
    copies, head = multiply(args, cid, sessions)
    events = int(psql(args, "SELECT COUNT(*) FROM domain_event_entry"))
    print(f"store: {events} events (template campaign {cid} copied {copies} times), head {head}")
    raw = raw_read(args)
    raw_rate = events / raw
    print(f"raw sequential read (COPY ... ORDER BY global_index TO STDOUT): {raw:.2f} s, {raw_rate:,.0f} rows/s")

    service = start_service(args)
    try:
        wait_all_caught_up(args)
        print(f"{'read model':<24} {'seconds':>8} {'events/s':>10} {'vs raw':>7} {'endpoint events/s (last)':>25}")
        for name in args.read_models.split(","):
            seconds, reported = replay(args, name, events)
            rate = events / seconds
            last = f"{reported[-1]:,.0f}" if reported else "-"
            print(f"{name:<24} {seconds:>8.1f} {rate:>10,.0f} {rate / raw_rate:>7.1%} {last:>25}")
            sys.stdout.flush()
    finally:
        stop_service(service)


if __name__ == "__main__":
    main()
