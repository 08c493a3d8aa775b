#!/usr/bin/env python3
"""The checks of .ci/scale-out-test that crash_load.py does not make (standard library only).

  scale_out.py long-poll --ports A,B,C --user U --password S
      an agent long-polls on instance B; the external dialer connects its call through instance C: B answers it.
  scale_out.py claims --psql "psql …" --owners PID,PID,PID [--wait-seconds 60]
      every segment of every processor in token_entry is claimed by one of the live instances (by process id).
  scale_out.py exactly-once --psql "psql …"
      each campaign's stats count exactly the calls its events record, and its view stands at the last event it
      handles: no event applied twice, none skipped.
  scale_out.py dump --psql "psql …" --out FILE
      the campaign view and stats rows, in a fixed order, to compare with what a replay builds.
  scale_out.py replay --port P --user U --password S --processors a,b [--wait-seconds 120]
      replays the processors on one instance and waits until they are live again.
  scale_out.py receiver --port P --out FILE --stop FILE [--max-seconds 600]
      a webhook endpoint on loopback: answers 200 and writes each request's webhook-id and type as a JSON line.
  scale_out.py subscribe --port P --user U --password S --endpoint URL
      subscribes the account to CAMPAIGN_STARTED and OUTBOUND_CALL_FINISHED webhooks at URL.
  scale_out.py agents --ports A,B,C --user U --password S --stop FILE --psql "psql …" [--agents 2]
      agents as part of the load: each long-polls on one instance, the external dialer connects its call through
      the next, the agent stores its response through the third; until the stop file appears. Then checks that
      every acknowledged connection reached its agent's poll and every acknowledged response is in the event store.
  scale_out.py webhooks --psql "psql …" --received FILE [--wait-seconds 90]
      every campaign start and call of the run has one delivery, delivered; every delivery reached the endpoint
      under its own webhook-id, and the endpoint got no webhook-id the outbox does not hold (none sent twice
      under different ids).
"""
import argparse
import http.server
import json
import os
import sys
import threading
import time

from crash_load import Api, psql_rows

CALL_EVENT = "%.CallResultRecordedEvent"
# The campaign events CampaignViewProjection handles (a call changes nothing the view shows): the view's
# last_sequence stands at the last of these.
VIEW_EVENTS = ("CampaignCreatedEvent", "CampaignUpdatedEvent", "CampaignStartedEvent", "CampaignStoppedEvent",
               "CampaignArchivedEvent", "CampaignFinishedEvent", "CampaignDeletedEvent", "NumbersAddedEvent",
               "TransferNumbersDeletedEvent", "QuestionsDeletedEvent", "DialRatioUpdatedEvent")
DUMPS = {
    "campaign_view": "SELECT campaign_id, account_id, name, status, version, last_sequence FROM campaign_view "
                     "ORDER BY campaign_id",
    "campaign_stats": "SELECT * FROM campaign_stats ORDER BY campaign_id",
    "campaign_stats_number": "SELECT * FROM campaign_stats_number ORDER BY campaign_id, number",
}


def expect(answer, status, what):
    if answer is None or answer[0] != status:
        raise SystemExit(f"{what}: expected {status}, got {answer and answer[0]} {answer and answer[2]}")
    return answer[2]


def long_poll(args):
    a, b, c = [Api(int(p), args.user, args.password, timeout=60) for p in args.ports.split(",")]
    created = expect(a.send("POST", "/api/campaigns", {"name": "scale-out long-poll", "fromNumber": "2135550100",
                                                      "numbers": [{"number": "2125559000"}]}), 201, "create")
    base = f"/api/campaigns/{created['id']}"
    expect(a.send("POST", base + "/control", {"command": "START"}), 200, "start")
    session = None
    for _ in range(50):  # the campaign view of the instance may be a moment behind the start
        answer = a.send("POST", base + "/agents/callback", {"userId": "ann@example.com", "phoneNumber": "2135551000"})
        if answer and answer[0] in (200, 201):
            session = answer[2]
            break
        time.sleep(0.1)
    if session is None:
        raise SystemExit("callback: refused")
    agent = session["agentId"] if "agentId" in session else session["id"]
    expect(a.send("POST", f"{base}/agents/{agent}/login", {"userId": "ann@example.com"}), 200, "login")
    polled = {}

    def poll():
        polled["answer"] = b.send("GET", f"{base}/agents/{agent}/connection?waitSeconds=30")

    waiter = threading.Thread(target=poll, daemon=True)
    waiter.start()
    time.sleep(1.5)  # the poll waits on B before the call is connected on C
    connected = None
    for _ in range(50):
        answer = c.send("POST", f"{base}/agents/{agent}/connection", {"number": "2125559000", "callId": "x-1"})
        if answer and answer[0] == 200:
            connected = answer[2]
            break
        time.sleep(0.1)
    if connected is None:
        raise SystemExit("connect through instance C: refused")
    started = time.monotonic()
    waiter.join(20)
    answer = polled.get("answer")
    if answer is None or answer[0] != 200 or answer[2].get("callId") != "x-1":
        raise SystemExit(f"the poll on instance B did not get the call connected on C: {answer}")
    print(f"long-poll: the poll on one instance got the call connected on another "
          f"{time.monotonic() - started:.2f} s after the connection answered")
    return 0


def claims(args):
    live = set(args.owners.split(","))
    deadline = time.monotonic() + args.wait_seconds
    while True:
        rows = psql_rows(args.psql, "SELECT processor_name, segment, COALESCE(owner, '') FROM token_entry "
                                    "ORDER BY processor_name, segment")
        wrong = [f"{p} segment {s}: {o or 'unclaimed'}" for p, s, o in rows if o.split("@")[0] not in live]
        if rows and not wrong:
            processors = sorted({p for p, _, _ in rows})
            per_owner = {}
            for _, _, owner in rows:
                per_owner[owner.split("@")[0]] = per_owner.get(owner.split("@")[0], 0) + 1
            print(f"claims: {len(rows)} segments of {len(processors)} processors, each held by a live instance "
                  f"{json.dumps(per_owner)}")
            return 0
        if time.monotonic() > deadline:
            print("claims: segments not held by a live instance:\n  " + "\n  ".join(wrong or ["no token"]),
                  file=sys.stderr)
            return 1
        time.sleep(1)


def exactly_once(args):
    # The last events of the load may still be on their way to the read models: look again until they agree, or
    # until the wait is over (an event applied twice or skipped never comes right by waiting).
    deadline = time.monotonic() + args.wait_seconds
    while True:
        wrong, campaigns, calls = exactly_once_gaps(args)
        if not wrong or time.monotonic() > deadline:
            break
        time.sleep(1)
    print(f"exactly once: {campaigns} campaigns, {calls} calls: {len(wrong)} wrong")
    for line in wrong[:30]:
        print("  " + line, file=sys.stderr)
    return 1 if wrong else 0


def exactly_once_gaps(args):
    calls = dict(psql_rows(args.psql, f"""
        SELECT substring(aggregate_identifier from 10), count(*) FROM domain_event_entry
        WHERE payload_type LIKE '{CALL_EVENT}' AND aggregate_identifier LIKE 'campaign-%'
        GROUP BY aggregate_identifier"""))
    handled = ", ".join(f"'com.campaignledger.campaign.api.{name}'" for name in VIEW_EVENTS)
    last = dict(psql_rows(args.psql, f"""
        SELECT substring(aggregate_identifier from 10), max(sequence_number) FROM domain_event_entry
        WHERE aggregate_identifier LIKE 'campaign-%' AND payload_type IN ({handled})
        GROUP BY aggregate_identifier"""))
    stats = dict(psql_rows(args.psql, "SELECT campaign_id, attempts FROM campaign_stats"))
    views = dict(psql_rows(args.psql, "SELECT campaign_id, last_sequence FROM campaign_view"))
    wrong = []
    for campaign, sequence in sorted(last.items()):
        # The stats count each call event once (a redelivered one changes nothing); the view takes every event.
        if stats.get(campaign) != calls.get(campaign, "0"):
            wrong.append(f"campaign {campaign}: stats count {stats.get(campaign)} attempts, "
                         f"its events {calls.get(campaign, 0)}")
        if views.get(campaign) != sequence:
            wrong.append(f"campaign {campaign}: last event of the view's {sequence}, the view at {views.get(campaign)}")
    return wrong, len(last), sum(int(n) for n in calls.values())


def dump(args):
    with open(args.out, "w", encoding="utf-8") as out:
        for table, sql in DUMPS.items():
            rows = psql_rows(args.psql, sql)
            out.write(f"-- {table}: {len(rows)} rows\n")
            out.writelines("\t".join(row) + "\n" for row in rows)
    return 0


def replay(args):
    api = Api(int(args.port), args.user, args.password, timeout=30)
    names = args.processors.split(",")
    for name in names:
        expect(api.send("POST", f"/api/admin/processors/{name}/replay"), 202, f"replay {name}")
    deadline = time.monotonic() + args.wait_seconds
    while time.monotonic() < deadline:
        states = {p["name"]: p for p in expect(api.send("GET", "/api/admin/processors"), 200, "processors")}
        if all(states[n]["replay"] is None and states[n]["lag"] == 0 for n in names):
            print(f"replay: {', '.join(names)} rebuilt from the first event on one instance")
            return 0
        time.sleep(1)
    print(f"replay: not done after {args.wait_seconds} s", file=sys.stderr)
    return 1


def receiver(args):
    lock = threading.Lock()
    out = open(args.out, "a", encoding="utf-8")

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                kind = json.loads(body).get("type")
            except ValueError:
                kind = None
            with lock:
                out.write(json.dumps({"id": self.headers.get("webhook-id"), "type": kind}) + "\n")
                out.flush()
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(args.port)), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    deadline = time.monotonic() + args.max_seconds
    while not os.path.exists(args.stop) and time.monotonic() < deadline:
        time.sleep(0.2)
    server.shutdown()
    return 0


def subscribe(args):
    api = Api(int(args.port), args.user, args.password)
    for trigger in ("CAMPAIGN_STARTED", "OUTBOUND_CALL_FINISHED"):
        expect(api.send("POST", "/api/subscriptions", {"endpoint": args.endpoint, "triggerEvent": trigger,
                                                       "notificationFormat": "JSON"}), 201, f"subscribe {trigger}")
    print(f"webhooks: the account is subscribed to campaign starts and calls at {args.endpoint}")
    return 0


def agents(args):
    ports = [int(p) for p in args.ports.split(",")]
    results = [None] * args.agents
    threads = [threading.Thread(target=agent_loop, args=(args, ports, i, results), daemon=True)
               for i in range(args.agents)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(args.max_seconds + 60)
    if any(r is None for r in results):
        print("agents: an agent did not come back", file=sys.stderr)
        return 1
    acked = set().union(*(r["connected"] for r in results))
    received = set().union(*(r["received"] for r in results))
    responses = [request for r in results for request in r["responses"]]
    wrong = [f"connection {call} acknowledged, never returned to the agent's poll" for call in sorted(acked - received)]
    stored = {row[0] for row in psql_rows(args.psql, "SELECT convert_from(meta_data, 'UTF8')::json->>'requestId' "
                                                     "FROM domain_event_entry WHERE aggregate_identifier LIKE "
                                                     "'agent-session-%' OR aggregate_identifier LIKE 'campaign-%'")}
    wrong += [f"response {request} acknowledged, not in the event store" for request in responses
              if request not in stored]
    across = sum(r["across"] for r in results)
    print(f"agents: {len(acked)} calls connected through one instance, {across} of them answered by a poll on "
          f"another, {len(responses)} responses stored through a third: {len(wrong)} wrong")
    for line in wrong[:30]:
        print("  " + line, file=sys.stderr)
    return 1 if wrong else 0


def agent_loop(args, ports, index, results):
    """One agent of the load: its own campaign, its calls connected and answered across the three instances."""
    def api(i):
        return Api(ports[i % len(ports)], args.user, args.password, timeout=20)
    apis = [api(i) for i in range(len(ports))]
    numbers = [f"21255{6 + index}{n:04d}" for n in range(400)]
    created = None
    while created is None:  # an instance may be down: the next one
        answer = apis[index % len(apis)].send("POST", "/api/campaigns", {
            "name": f"scale-out agents {index}", "fromNumber": "2135550100",
            "numbers": [{"number": n} for n in numbers]})
        created = answer[2] if answer and answer[0] == 201 else None
    base = f"/api/campaigns/{created['id']}"
    user = f"agent{index}@example.com"
    expect(apis[0].send("POST", base + "/control", {"command": "START"}), 200, "start")
    session = None
    for _ in range(100):
        answer = apis[1].send("POST", base + "/agents/callback", {"userId": user, "phoneNumber": "2135551000"})
        if answer and answer[0] in (200, 201):
            session = answer[2]["agentId"]
            break
        time.sleep(0.1)
    expect(apis[2].send("POST", f"{base}/agents/{session}/login", {"userId": user}), 200, "login")
    result = {"connected": set(), "received": set(), "responses": [], "across": 0}
    pollers = [api(i) for i in range(len(ports))]

    def poll(i, wait):
        answer = pollers[i % len(pollers)].send("GET", f"{base}/agents/{session}/connection?waitSeconds={wait}")
        return answer[2] if answer and answer[0] == 200 else None

    for j, number in enumerate(numbers):
        if os.path.exists(args.stop):
            break
        call_id = f"scale-{index}-{j}"
        polled = {}
        waiter = threading.Thread(target=lambda: polled.setdefault("call", poll(j, 5)), daemon=True)
        waiter.start()
        time.sleep(0.2)  # the poll waits on one instance before the call is connected on the next
        answer = apis[(j + 1) % len(apis)].send("POST", f"{base}/agents/{session}/connection",
                                               {"number": number, "callId": call_id},
                                               request_id=f"scale-connect-{index}-{j}")
        if answer and answer[0] == 200:
            result["connected"].add(call_id)
        waiter.join(30)
        call = polled.get("call") or poll(j + 2, 2)  # a poll cut short by a killed instance: ask another
        if call is None:
            continue
        result["received"].add(call["callId"])
        result["across"] += call["callId"] == call_id and polled.get("call") is not None
        request_id = f"scale-response-{index}-{j}"
        for attempt in range(3):  # the instance may be the one killed: the same request on the next
            stored = apis[(j + 2 + attempt) % len(apis)].send(
                "POST", f"{base}/agents/{session}/responses",
                {"callId": call["callId"], "agentResponse": "yes", "lastCall": False}, request_id=request_id)
            if stored is not None:
                if stored[0] == 200:
                    result["responses"].append(request_id)
                break
    results[index] = result


def webhooks(args):
    expected_sql = """
        SELECT e.event_identifier, t.kind, count(d.id), count(d.id) FILTER (WHERE d.status = 'DELIVERED')
        FROM domain_event_entry e
        JOIN (VALUES ('%.CampaignStartedEvent', 'CAMPAIGN_STARTED'),
                     ('%.CallResultRecordedEvent', 'OUTBOUND_CALL_FINISHED')) t(payload, kind)
          ON e.payload_type LIKE t.payload
        LEFT JOIN notification_delivery d ON d.source_event_id = e.event_identifier AND d.event_type = t.kind
        GROUP BY e.event_identifier, t.kind"""
    deadline = time.monotonic() + args.wait_seconds
    while True:
        rows = psql_rows(args.psql, expected_sql)
        undelivered = [r for r in rows if r[2] != "1" or r[3] != "1"]
        if not undelivered or time.monotonic() > deadline:
            break
        time.sleep(1)
    sent = {row[0] for row in psql_rows(args.psql, "SELECT id FROM notification_delivery")}
    received = {}
    for line in open(args.received, encoding="utf-8"):
        if line.strip():
            hook = json.loads(line)
            received[hook["id"]] = received.get(hook["id"], 0) + 1
    wrong = [f"{kind} of event {event}: {count} deliveries, {delivered} delivered"
             for event, kind, count, delivered in undelivered]
    wrong += [f"delivery {d} never reached the endpoint" for d in sorted(sent - received.keys())]
    wrong += [f"the endpoint got webhook-id {d}, which no delivery holds" for d in sorted(received.keys() - sent)]
    again = sum(n - 1 for n in received.values())
    print(f"webhooks: {len(rows)} events to notify, {len(sent)} deliveries, {len(received)} webhook-ids received "
          f"({again} sent again under the same id): {len(wrong)} wrong")
    for line in wrong[:30]:
        print("  " + line, file=sys.stderr)
    return 1 if wrong or not rows else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["long-poll", "claims", "exactly-once", "dump", "replay", "receiver",
                                         "subscribe", "agents", "webhooks"])
    parser.add_argument("--ports")
    parser.add_argument("--port")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--psql")
    parser.add_argument("--owners")
    parser.add_argument("--out")
    parser.add_argument("--processors")
    parser.add_argument("--wait-seconds", type=int, default=60)
    parser.add_argument("--stop")
    parser.add_argument("--endpoint")
    parser.add_argument("--received")
    parser.add_argument("--agents", type=int, default=2)
    parser.add_argument("--max-seconds", type=int, default=600)
    args = parser.parse_args()
    return {"long-poll": long_poll, "claims": claims, "exactly-once": exactly_once, "dump": dump,
            "replay": replay, "receiver": receiver, "subscribe": subscribe, "agents": agents,
            "webhooks": webhooks}[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
