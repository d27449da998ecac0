"""The load test's figures: locust's statistics as a table, and the editor's pages searched.

``python -m tests.load.report --stats PREFIX_stats.csv --published PUBLISHED.json
--host http://127.0.0.1:PORT [--server-log SERVE.log]`` prints requests per second,
median and 95th percentile per endpoint, the errors, and how many of the pages the editor
published during the run /cerca/ finds now (each searched by its title, the
page's address expected among the results); with the server's log, the time the site
itself took (the ``duration_ms`` of its JSON request lines, ciao/request_log.py: locust's
times less the network and the queue before a worker) and its 5xx answers. Exit status 1
if any request failed, a publish failed or a published page is not found.
"""

import argparse
import csv
import json
import random
import sys
import urllib.parse
import urllib.request


def table(stats_path):
    with open(stats_path, newline="") as f:
        rows = list(csv.DictReader(f))
    lines = [
        "| endpoint | requests | req/s | median ms | p95 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    failures = 0
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "**all**"
        failures += int(row["Failure Count"]) if row["Name"] == "Aggregated" else 0
        lines.append(
            f"| {name} | {row['Request Count']} | {float(row['Requests/s']):.1f} | "
            f"{float(row['Median Response Time']):.0f} | {float(row['95%']):.0f} | {row['Failure Count']} |"
        )
    return "\n".join(lines), failures


def server_times(log_path):
    """(requests, median ms, p95 ms, 5xx answers) from the site's JSON request lines."""
    durations, errors = [], 0
    with open(log_path, errors="replace") as f:
        for line in f:
            if '"logger": "ciao.requests"' not in line:
                continue
            entry = json.loads(line)
            durations.append(entry["duration_ms"])
            errors += entry["status"] >= 500
    durations.sort()
    if not durations:
        return 0, 0.0, 0.0, errors
    return len(durations), durations[len(durations) // 2], durations[int(len(durations) * 0.95)], errors


def findable(host, published):
    """The published pages /cerca/ finds by their title."""
    found = []
    for page in published:
        query = urllib.parse.urlencode({"q": page["title"]})
        request = urllib.request.Request(  # noqa: S310 - run.sh's server on 127.0.0.1
            f"{host}/cerca/?{query}",
            # One address per search, as different people: the per-address limit of /cerca/ stays out of it.
            headers={"X-Forwarded-For": f"10.250.{random.randint(0, 255)}.{random.randint(1, 254)}"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our own server
            if f'href="{page["url"]}"' in response.read().decode():
                found.append(page)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stats", required=True)
    parser.add_argument("--published", required=True)
    parser.add_argument("--host", required=True)
    parser.add_argument("--server-log")
    args = parser.parse_args()
    text, failures = table(args.stats)
    editor = json.load(open(args.published))  # noqa: SIM115
    published = editor["published"]
    # Read before the searches below, which the site logs too.
    server = server_times(args.server_log) if args.server_log else None
    found = findable(args.host, published)
    seconds = sorted(editor["seconds"])
    print(text)
    print()
    print(
        f"Editor: {len(published)} pages published, {len(editor['errors'])} publishes failed; "
        f"a publish took {seconds[len(seconds) // 2]:.2f} s at the median, {seconds[int(len(seconds) * 0.95)]:.2f} s at p95."
    )
    print(f"Found by /cerca/ at the end: {len(found)} of {len(published)}.")
    if server:
        count, median, p95, errors = server
        print(
            f"Server side (the site's request lines): {count} requests, {median:.0f} ms at the median, "
            f"{p95:.0f} ms at p95; {errors} answered 5xx."
        )
    for error in editor["errors"][:3]:
        print(error, file=sys.stderr)
    missing = [p["title"] for p in published if p not in found]
    if missing:
        print(f"Not found: {missing[:10]}", file=sys.stderr)
    sys.exit(1 if failures or editor["errors"] or missing else 0)


if __name__ == "__main__":
    main()
