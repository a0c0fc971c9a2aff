#!/usr/bin/env python3
"""Self instructions of a callgrind dump, in total and without the JIT (libclrjit.so).

Usage: minus_jit.py DUMP  ->  prints "TOTAL WITHOUT_JIT".
The JIT compiles inside some measured windows and not others (tier-up, timer callbacks): that is
most of the window-to-window noise (../shared/MEASURING.md); the rest repeats to about 1 %.
Reads the dump's own records: `ob=` names the object of the cost lines that follow (an id's name
is given once, on an `ob=` or `cob=` line), a `calls=`
line is followed by the inclusive cost of that call (not self cost: skipped).
"""
import re
import sys


def main(path):
    names, totals = {}, {}
    current, skip = "?", False
    with open(path) as dump:
        for line in dump:
            if line.startswith("ob="):
                match = re.match(r"ob=\((\d+)\)(?: (.*))?", line.strip())
                if match:
                    if match.group(2):
                        names[match.group(1)] = match.group(2)
                    current = match.group(1)  # named at the end: the name may come later
                else:
                    current = line[3:].strip()
            elif line.startswith("cob="):
                # An object's name is given once, where its id first appears, which may be a called-object line.
                match = re.match(r"cob=\((\d+)\) (.*)", line.strip())
                if match:
                    names[match.group(1)] = match.group(2)
            elif line.startswith("calls="):
                skip = True
            elif line[:1].isdigit() or line[:1] in "+-*":
                if skip:
                    skip = False
                    continue
                parts = line.split()
                if len(parts) >= 2:
                    totals[current] = totals.get(current, 0) + int(parts[1])
    total = sum(totals.values())
    jit = sum(cost for key, cost in totals.items() if names.get(key, key).endswith("libclrjit.so"))
    print(total, total - jit)


if __name__ == "__main__":
    main(sys.argv[1])
