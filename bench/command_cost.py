#!/usr/bin/env python3
"""One command's cost on a big campaign (100,000 numbers, 300,000 recorded attempts) against the same command
on a 10-number one. Usually run by `bench/run --cost`, which also restarts the service between the phases.

Drives a running service over loopback HTTP (default http://127.0.0.1:8080) with HTTP Basic credentials, in
three phases sharing a state file:
  seed     creates both campaigns, starts them, and records --attempts BUSY dial attempts on the big one
           (POST /api/campaigns/{id}/calls, --seed-clients in parallel, each on its own share of the numbers);
  measure  records --calls attempts on each, interleaved, one client, and prints median and p95 of each;
  cold     (right after a restart) first warms the HTTP stack up on a third campaign, then times the first
           command on the big campaign (its aggregate is loaded from the store: snapshot + newer events) and
           the first on the small one.
Bounded: every request has a 120 s time-out, and the counts are fixed by the arguments.
"""
import argparse
import base64
import http.client
import json
import statistics
import threading
import time


class Api:
    def __init__(self, args):
        self.conn = http.client.HTTPConnection(args.host, args.port, timeout=120)
        token = base64.b64encode(f"{args.user}:{args.password}".encode()).decode()
        self.headers = {"Content-Type": "application/json", "Authorization": f"Basic {token}"}

    def request(self, method, path, body=None):
        self.conn.request(method, path, body=None if body is None else json.dumps(body), headers=self.headers)
        response = self.conn.getresponse()
        data = response.read()
        if response.status >= 300:
            raise SystemExit(f"{method} {path} -> {response.status} {data[:300]!r}")
        return json.loads(data) if data else None

    def timed(self, method, path, body=None):
        start = time.perf_counter()
        self.request(method, path, body)
        return (time.perf_counter() - start) * 1000


def phone(n):
    """The n-th test number: New York area code, exchanges 200-299 (valid North-American numbers)."""
    return f"+1212{200 + n // 10_000:03d}{n % 10_000:04d}"


def campaign(api, name, size, max_attempts):
    cid = api.request("POST", "/api/campaigns", {"name": name, "fromNumber": "2135550100", "retryConfig": {
        "maxAttempts": max_attempts, "minutesBetweenAttempts": 1, "retryResults": ["BUSY"]}})["id"]
    for start in range(0, size, 10_000):
        batch = [{"number": phone(n)} for n in range(start, min(size, start + 10_000))]
        api.request("POST", f"/api/campaigns/{cid}/numbers", batch)
    api.request("POST", f"/api/campaigns/{cid}/control", {"command": "START"})
    for _ in range(600):  # the intake checks the status in the read model: wait until it shows RUNNING
        if api.request("GET", f"/api/campaigns/{cid}")["status"] == "RUNNING":
            return cid
        time.sleep(0.1)
    raise SystemExit(f"campaign {cid} did not show RUNNING")


def call(cid, number, label):
    return {"number": phone(number), "result": "BUSY", "durationSeconds": 5, "callId": f"{label}-{cid}-{number}"}


def seed(args):
    api = Api(args)
    t = time.time()
    rounds = -(-args.attempts // args.numbers)
    # The big campaign keeps room for the measured and cold calls after the seeded rounds; the small one has
    # 10 numbers x 10 attempts: the measured calls and the cold one fit.
    big = campaign(api, "cost-big", args.numbers, min(10, rounds + 2))
    small = campaign(api, "cost-small", 10, 10)
    print(f"campaigns {big} ({args.numbers} numbers) and {small} (10 numbers) ready in {time.time() - t:.1f}s")
    done = [0]
    lock = threading.Lock()
    latencies = []

    def worker(k):
        own = Api(args)
        for i in range(k, args.attempts, args.seed_clients):
            ms = own.timed("POST", f"/api/campaigns/{big}/calls", call(big, i % args.numbers, f"seed{i // args.numbers}"))
            with lock:
                done[0] += 1
                latencies.append(ms)

    t = time.time()
    threads = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(args.seed_clients)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        time.sleep(10)
        print(f"  {done[0]} attempts recorded, {done[0] / (time.time() - t):.0f}/s", flush=True)
    if done[0] != args.attempts:
        raise SystemExit(f"only {done[0]} of {args.attempts} attempts recorded")
    latencies.sort()
    print(f"{args.attempts} attempts recorded on campaign {big} in {time.time() - t:.0f}s: "
          f"p50 {latencies[len(latencies) // 2]:.1f} ms, p99 {latencies[int(len(latencies) * 0.99)]:.1f} ms, "
          f"max {latencies[-1]:.1f} ms ({args.seed_clients} clients)")
    json.dump({"big": big, "small": small, "numbers": args.numbers, "attempts": args.attempts}, open(args.state, "w"))


def measure(args):
    api = Api(args)
    state = json.load(open(args.state))
    big, small = state["big"], state["small"]
    timings = {big: [], small: []}
    calls = min(args.calls, 90)  # the small campaign keeps one attempt for the cold phase
    for i in range(calls):
        for cid, number in ((big, i), (small, i % 10)):
            timings[cid].append(api.timed("POST", f"/api/campaigns/{cid}/calls", call(cid, number, f"m{i}")))
    report(state, {"big": timings[big], "small": timings[small]}, "warm (aggregate cached)")


def cold(args):
    api = Api(args)
    state = json.load(open(args.state))
    warm_up = campaign(api, "cost-warm-up", 10, 10)
    for i in range(20):
        api.request("POST", f"/api/campaigns/{warm_up}/calls", call(warm_up, i % 10, f"w{i}"))
    big_ms = api.timed("POST", f"/api/campaigns/{state['big']}/calls", call(state["big"], 99_999 % state["numbers"], "cold"))
    small_ms = api.timed("POST", f"/api/campaigns/{state['small']}/calls", call(state["small"], 9, "cold"))
    report(state, {"big": [big_ms], "small": [small_ms]}, "cold (first command after a restart)")


def claim(args):
    """The dialable list: claims of 100 leads on the seeded 100,000-number campaign against a 1,000-number one."""
    api = Api(args)
    state = json.load(open(args.state))
    small = campaign(api, "cost-claim-small", 1_000, 10)
    time.sleep(2)  # the call list follows the numbers a moment later
    body = {"count": 100, "leaseSeconds": 3600}
    timings = {"big": [], "small": []}
    for _ in range(8):
        for label, cid in (("big", state["big"]), ("small", small)):
            timings[label].append(api.timed("POST", f"/api/campaigns/{cid}/leads/claim", body))
    report(state, timings, "claim of 100 leads (100,000 vs 1,000 numbers)")


def report(state, timings, label):
    big, small = sorted(timings["big"]), sorted(timings["small"])
    line = {"phase": label, "numbers": state["numbers"], "attempts": state["attempts"],
            "bigMedianMs": round(statistics.median(big), 2), "bigP95Ms": round(big[max(0, int(len(big) * 0.95) - 1)], 2),
            "smallMedianMs": round(statistics.median(small), 2),
            "smallP95Ms": round(small[max(0, int(len(small) * 0.95) - 1)], 2)}
    line["ratio"] = round(line["bigMedianMs"] / line["smallMedianMs"], 2)
    print(json.dumps(line))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("phase", choices=["seed", "measure", "cold", "claim"])
    parser.add_argument("--host", default="127.0.0.1", choices=["127.0.0.1", "localhost"])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--user", default="bench")
    parser.add_argument("--password", default="bench")
    parser.add_argument("--numbers", type=int, default=100_000)
    parser.add_argument("--attempts", type=int, default=300_000)
    parser.add_argument("--seed-clients", type=int, default=4)
    parser.add_argument("--calls", type=int, default=90)
    parser.add_argument("--state", default="bench/out/command-cost.json")
    args = parser.parse_args()
    {"seed": seed, "measure": measure, "cold": cold, "claim": claim}[args.phase](args)


if __name__ == "__main__":
    main()
