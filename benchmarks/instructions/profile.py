#!/usr/bin/env python3
"""Where a callgrind dump's instructions go, per method, with JIT-compiled frames named from the runtime's perf map.

    profile.py DUMP PERFMAP [--requests N] self [TOP]          self cost per method (per request)
    profile.py DUMP PERFMAP [--requests N] inclusive REGEX     methods matching REGEX with their inclusive cost and callees
    profile.py DUMP PERFMAP [--requests N] callers REGEX       who calls methods matching REGEX (calls and cost per request)

Get a dump and a map by running a server as instructions.sh does, plus DOTNET_PerfMapEnabled=1 (the map is
/tmp/perf-PID.map), then `callgrind_control -z PID`, the requests, `callgrind_control -d PID`.
Why not callgrind_annotate: callgrind cannot name JIT-compiled code (it shows 0x addresses), and the
callgrind_annotate here prints inclusive costs whatever --inclusive says. The dump's own records are read instead:
`fn=`/`cfn=` name a function (by id after first use), a `calls=` line is followed by the callee's inclusive cost.
"""
import bisect
import collections
import re
import sys


def load_map(path):
    symbols = []
    for line in open(path):
        parts = line.rstrip("\n").split(" ", 2)
        if len(parts) == 3:
            try:
                symbols.append((int(parts[0], 16), int(parts[1], 16), parts[2]))
            except ValueError:
                pass
    symbols.sort()
    return symbols, [start for start, _, _ in symbols]


def read_dump(path):
    """Self cost per function id, calls per (caller, callee) as [count, inclusive cost], and the ids' names."""
    names, self_cost = {}, collections.Counter()
    calls = collections.defaultdict(lambda: [0, 0])
    current = callee = None
    pending = None

    def name_of(line):
        match = re.match(r"\w+=\((\d+)\)(?: (.*))?", line)
        if not match:
            return line.split("=", 1)[1]
        if match.group(2):
            names[match.group(1)] = match.group(2)
        return match.group(1)

    for line in open(path):
        line = line.rstrip("\n")
        if line.startswith("fn="):
            current = name_of(line)
        elif line.startswith("cfn="):
            callee = name_of(line)
        elif line.startswith("calls="):
            pending = int(line.split("=")[1].split()[0])
        elif line[:1].isdigit() or line[:1] in "+-*":
            parts = line.split()
            if len(parts) < 2:
                continue
            if pending is not None:
                entry = calls[(current, callee)]
                entry[0] += pending
                entry[1] += int(parts[1])
                pending = None
            else:
                self_cost[current] += int(parts[1])
    return names, self_cost, calls


def main(argv):
    requests = 1
    if "--requests" in argv:
        at = argv.index("--requests")
        requests = int(argv[at + 1])
        del argv[at:at + 2]
    dump, perf_map, mode = argv[1], argv[2], argv[3]
    symbols, starts = load_map(perf_map)
    names, self_cost, calls = read_dump(dump)

    def name(function_id):
        text = names.get(function_id, function_id)
        match = re.match(r"0x([0-9a-f]+)", text)
        if match:
            address = int(match.group(1), 16)
            i = bisect.bisect_right(starts, address) - 1
            if i >= 0 and address < symbols[i][0] + symbols[i][1] + 16:
                return symbols[i][2]
        return text

    if mode == "self":
        top = int(argv[4]) if len(argv) > 4 else 40
        totals = collections.Counter()
        for function_id, cost in self_cost.items():
            totals[name(function_id)] += cost
        print(f"{sum(totals.values()) / requests:12.0f}  total")
        for function, cost in totals.most_common(top):
            print(f"{cost / requests:12.0f}  {function[:200]}")
        return
    pattern = re.compile(argv[4])
    if mode == "inclusive":
        outgoing = collections.defaultdict(list)
        for (caller, callee), (_, cost) in calls.items():
            if caller != callee:
                outgoing[caller].append((cost, callee))
        rows = [(self_cost[f] + sum(c for c, _ in outgoing[f]), f) for f in set(self_cost) | set(outgoing) if pattern.search(name(f))]
        for total, function in sorted(rows, reverse=True)[:15]:
            print(f"{total / requests:12.0f}  self {self_cost[function] / requests:8.0f}  {name(function)[:200]}")
            for cost, callee in sorted(outgoing[function], reverse=True)[:8]:
                print(f"{'':14}{cost / requests:10.0f}  {name(callee)[:180]}")
    elif mode == "callers":
        rows = collections.defaultdict(lambda: [0, 0])
        for (caller, callee), (count, cost) in calls.items():
            if pattern.search(name(callee)):
                row = rows[(name(caller)[:150], name(callee)[:80])]
                row[0] += count
                row[1] += cost
        for (caller, callee), (count, cost) in sorted(rows.items(), key=lambda item: -item[1][1])[:25]:
            print(f"{cost / requests:12.0f} {count / requests:8.2f}x  {caller}  ->  {callee}")


if __name__ == "__main__":
    main(sys.argv)
