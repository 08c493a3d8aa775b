#!/usr/bin/env python3
"""The load and the checks of .ci/crash-test (standard library only).

  crash_load.py drive --port P[,P2,…] --user U --password S --acks FILE --stop FILE [--clients 4] [--max-seconds 60]
  crash_load.py check --port P --user U --password S --acks FILE --psql "psql -h … -d …" [--wait-seconds 60]

drive: CLIENTS threads each create a campaign, add numbers, change its script, start it and report a call per
number, then the next campaign, until the stop file appears or MAX_SECONDS pass. Every request carries its own
X-Request-Id (stored in every event it writes); each one answered 2xx is appended to the acks file as a JSON line.
A request the service never answered (it was killed) is not acknowledged and not checked. With several ports
(instances of one service on one database), each request goes to the next port in turn.

check: every acknowledged command must be in the event store (an event with its request id on its campaign) and
in the read models (the campaign at least at the version it acknowledged, in the list, its history holding the
request id, its stats counting the calls). Exits 1 naming what was lost.
"""
import argparse
import base64
import http.client
import json
import os
import subprocess
import sys
import threading
import time

NUMBERS = ["2125551000", "2125551001", "2125551002"]


class Api:
    def __init__(self, port, user, password, timeout=10):
        self.port = port
        self.timeout = timeout
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self.conn = None

    def send(self, method, path, body=None, request_id=None):
        """(status, headers, parsed body) or None when the service did not answer."""
        headers = {"Authorization": self.auth, "Accept": "application/json"}
        if request_id:
            headers["X-Request-Id"] = request_id
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException):
            if self.conn is not None:
                self.conn.close()
            self.conn = None
            return None
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, parsed


def etag_version(headers):
    tag = headers.get("etag")
    return int(tag.strip('W/"')) if tag else None


def drive(args):
    lock = threading.Lock()
    acks = open(args.acks, "a", encoding="utf-8")
    deadline = time.monotonic() + args.max_seconds
    counts = {"sent": 0, "acknowledged": 0, "unanswered": 0, "refused": 0}

    def stopped():
        return os.path.exists(args.stop) or time.monotonic() > deadline

    def client(number):
        ports = [int(p) for p in str(args.port).split(",")]
        apis = [Api(p, args.user, args.password) for p in ports]
        sequence = 0

        def command(kind, method, path, body, campaign=None):
            nonlocal sequence
            sequence += 1
            request_id = f"crash-{number}-{sequence}"
            answer = apis[(number + sequence) % len(apis)].send(method, path, body, request_id)
            with lock:
                counts["sent"] += 1
                if answer is None:
                    counts["unanswered"] += 1
                elif 200 <= answer[0] < 300:
                    counts["acknowledged"] += 1
                else:
                    counts["refused"] += 1
            if answer is None:
                time.sleep(0.2)  # the service is down: do not spin
                return None
            status, headers, parsed = answer
            if not 200 <= status < 300:
                return None
            if kind == "create":
                campaign = parsed["id"]
            record = {"requestId": request_id, "kind": kind, "campaignId": campaign, "status": status,
                      "version": etag_version(headers)}
            with lock:
                acks.write(json.dumps(record) + "\n")
                acks.flush()
            return parsed

        for _ in range(1000):  # bounded, though the stop file or the deadline ends it long before
            if stopped():
                return
            created = command("create", "POST", "/api/campaigns",
                              {"name": f"crash {number}-{sequence}", "fromNumber": "2135550100"})
            if created is None:
                continue
            campaign = created["id"]
            base = f"/api/campaigns/{campaign}"
            steps = [("numbers", "POST", base + "/numbers", [{"number": n} for n in NUMBERS]),
                     ("update", "PATCH", base, {"script": f"Hello from client {number}"}),
                     ("start", "POST", base + "/control", {"command": "START"})]
            if any(stopped() or command(kind, method, path, body, campaign) is None
                   for kind, method, path, body in steps):
                continue
            for n in NUMBERS:
                # The call intake checks RUNNING in the campaign view, which may be a moment behind the start.
                for _ in range(20):
                    if stopped() or command("call", "POST", base + "/calls", {"number": n, "result": "LA"}, campaign):
                        break
                    time.sleep(0.05)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(args.max_seconds + 30)
    acks.close()
    print(json.dumps(counts))


def psql_rows(psql, sql):
    out = subprocess.run(psql.split() + ["-v", "ON_ERROR_STOP=1", "-qAt", "-F", "\t", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def check(args):
    acks = [json.loads(line) for line in open(args.acks, encoding="utf-8") if line.strip()]
    if not acks:
        print("no acknowledged command to check", file=sys.stderr)
        return 1
    lost = []

    # 1. The event store, read directly.
    stored = {}
    for request_id, aggregate in psql_rows(args.psql, "SELECT convert_from(meta_data, 'UTF8')::json->>'requestId', "
                                                      "aggregate_identifier FROM domain_event_entry"):
        stored.setdefault(request_id, set()).add(aggregate)
    for ack in acks:
        if f"campaign-{ack['campaignId']}" not in stored.get(ack["requestId"], set()):
            lost.append(f"event store: no event of {ack['kind']} {ack['requestId']} on campaign {ack['campaignId']}")

    # 2. The read models, through the API, once the processors have caught up (bounded wait).
    api = Api(int(str(args.port).split(",")[0]), args.user, args.password, timeout=30)
    campaigns = {}
    for ack in acks:
        c = campaigns.setdefault(ack["campaignId"], {"version": 0, "requests": set(), "calls": 0})
        c["version"] = max(c["version"], ack["version"] or 0)
        c["requests"].add(ack["requestId"])
        c["calls"] += ack["kind"] == "call"

    def read_model_gaps():
        gaps = []
        listed = set()
        page = 0
        while True:
            answer = api.send("GET", f"/api/campaigns?name=crash&size=200&page={page}")
            if answer is None or answer[0] != 200:
                return [f"campaign list: {answer and answer[0]}"]
            listed.update(c["id"] for c in answer[2]["content"])
            page += 1
            if page >= answer[2]["totalPages"]:
                break
        for campaign, expected in sorted(campaigns.items()):
            base = f"/api/campaigns/{campaign}"
            if campaign not in listed:
                gaps.append(f"campaign list: campaign {campaign} missing")
            view = api.send("GET", base)
            if view is None or view[0] != 200 or view[2]["version"] < expected["version"]:
                gaps.append(f"campaign view: {campaign} {view and view[0]} version "
                            f"{view and view[0] == 200 and view[2]['version']}, acknowledged {expected['version']}")
            history = api.send("GET", base + "/history?size=200")
            in_history = {e.get("requestId") for e in history[2]["content"]} if history and history[0] == 200 else set()
            for request_id in sorted(expected["requests"] - in_history):
                gaps.append(f"history of campaign {campaign}: no {request_id}")
            stats = api.send("GET", base + "/stats")
            attempts = stats[2].get("attempts") if stats and stats[0] == 200 else None
            if expected["calls"] and (attempts is None or attempts < expected["calls"]):
                gaps.append(f"stats of campaign {campaign}: {attempts} attempts, {expected['calls']} calls acknowledged")
        return gaps

    deadline = time.monotonic() + args.wait_seconds
    gaps = read_model_gaps()
    while gaps and time.monotonic() < deadline:
        time.sleep(1)
        gaps = read_model_gaps()
    lost.extend(gaps)

    kinds = {}
    for ack in acks:
        kinds[ack["kind"]] = kinds.get(ack["kind"], 0) + 1
    print(f"checked {len(acks)} acknowledged commands on {len(campaigns)} campaigns {json.dumps(kinds)}: "
          f"{len(lost)} lost")
    for line in lost[:50]:
        print("  LOST " + line, file=sys.stderr)
    return 1 if lost else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["drive", "check"])
    parser.add_argument("--port", required=True, help="a port, or several separated by commas")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--acks", required=True)
    parser.add_argument("--stop")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--max-seconds", type=int, default=60)
    parser.add_argument("--psql")
    parser.add_argument("--wait-seconds", type=int, default=60)
    args = parser.parse_args()
    if args.mode == "drive":
        drive(args)
        return 0
    return check(args)


if __name__ == "__main__":
    sys.exit(main())
