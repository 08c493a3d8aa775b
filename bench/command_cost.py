#!/usr/bin/env python3
"""One command's cost on a campaign with 100,000 numbers against the same command on a 10-number one.

Drives a running service over loopback HTTP (default http://127.0.0.1:8080): creates both campaigns,
starts them, then records the same number of dial attempts (POST /api/campaigns/{id}/calls) on each,
interleaved, and prints the median and p95 latency of each and their ratio. Bounded: --calls per campaign.
"""
import argparse
import http.client
import json
import statistics
import time


def request(conn, method, path, body=None):
    conn.request(method, path, body=None if body is None else json.dumps(body),
                 headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path} -> {response.status} {data[:300]!r}")
    return json.loads(data) if data else None


def phone(n):
    """The n-th test number: New York area code, exchanges 200-299 (valid North-American numbers)."""
    return f"+1212{200 + n // 10_000:03d}{n % 10_000:04d}"


def campaign(conn, name, size):
    cid = request(conn, "POST", "/api/campaigns", {"name": name, "fromNumber": "2135550100", "retryConfig": {
        "maxAttempts": 10, "minutesBetweenAttempts": 1, "retryResults": ["BUSY"]}})["id"]
    for start in range(0, size, 10_000):
        batch = [{"number": phone(n)} for n in range(start, min(size, start + 10_000))]
        request(conn, "POST", f"/api/campaigns/{cid}/numbers", batch)
    request(conn, "POST", f"/api/campaigns/{cid}/control", {"command": "START"})
    for _ in range(100):  # the intake checks the status in the read model: wait until it shows RUNNING
        conn.request("GET", f"/api/campaigns/{cid}")
        response = conn.getresponse()
        data = response.read()
        if response.status == 200 and json.loads(data)["status"] == "RUNNING":
            return cid
        time.sleep(0.1)
    raise SystemExit(f"campaign {cid} did not show RUNNING")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--numbers", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=100)
    args = parser.parse_args()
    conn = http.client.HTTPConnection(args.host, args.port, timeout=60)
    t = time.time()
    big = campaign(conn, "cost-big", args.numbers)
    small = campaign(conn, "cost-small", 10)
    print(f"campaigns {big} ({args.numbers} numbers) and {small} (10 numbers) ready in {time.time() - t:.1f}s")
    timings = {big: [], small: []}
    # The small campaign's 10 numbers take 10 attempts each: at most 100 calls on it.
    for i in range(min(args.calls, 100)):
        for cid, number in ((big, phone(i)), (small, phone(i % 10))):
            body = {"number": number, "result": "BUSY", "durationSeconds": 5, "callId": f"c-{cid}-{i}"}
            start = time.perf_counter()
            request(conn, "POST", f"/api/campaigns/{cid}/calls", body)
            timings[cid].append((time.perf_counter() - start) * 1000)
    for cid, label in ((big, "100k"), (small, "10")):
        ms = sorted(timings[cid])
        print(f"{label:>5}-number campaign: {len(ms)} calls, median {statistics.median(ms):.2f} ms, "
              f"p95 {ms[int(len(ms) * 0.95) - 1]:.2f} ms")
    print(f"ratio of medians (100k / 10): {statistics.median(timings[big]) / statistics.median(timings[small]):.2f}")


if __name__ == "__main__":
    main()
