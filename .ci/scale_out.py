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
"""
import argparse
import json
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["long-poll", "claims", "exactly-once", "dump", "replay"])
    parser.add_argument("--ports")
    parser.add_argument("--port")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--psql")
    parser.add_argument("--owners")
    parser.add_argument("--out")
    parser.add_argument("--processors")
    parser.add_argument("--wait-seconds", type=int, default=60)
    args = parser.parse_args()
    return {"long-poll": long_poll, "claims": claims, "exactly-once": exactly_once, "dump": dump,
            "replay": replay}[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
