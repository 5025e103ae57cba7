#!/usr/bin/env python3
"""bench time beside hyperfine: the median each reads for the same command, measured one right
after the other, round after round, with hyperfine measured twice so that what the machine
alone changes between two measurements is shown beside what bench changes.

    scripts/versus-hyperfine.py [--bench PATH] [--rounds N] [--runs N] [--shell] [--cpu N] [--pause S]
                                [--warmup N]

--bench is the bench binary (default .build/release/bench: swift build -c release), --rounds
how many times each command is measured by each (default 24: the three measurements run in
each of their six orders alike, so that none is always after another), --runs the timed runs of a fast
command in each (default 100, after --warmup's warm-ups, 10 by default; `sleep 0.1` takes 10
after 1). Without --shell both run the commands with -N (no shell); with it, through sh as
well, hyperfine's default.
--cpu runs both tools, and so their commands, on that one CPU (taskset), out of the scheduler's
way. --pause is the seconds of idle before each measurement (default 0.3), so that none starts
while the machine still looks busy from the one before (Linux's scheduler would start its first
children on the other CPU). Needs hyperfine.

Prints a line per round as it comes, then per command: the median of each measurement's
medians; bench's difference from hyperfine (the median of the rounds' differences) with a 95 %
interval (bootstrap over the rounds); and the same for hyperfine's second measurement against
its first, the control. The control's interval is what the machine alone moves a difference
by; bench's difference says something only where its interval lies clear of that.
"""
import argparse
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = [("ls /", None), ("true", None), ("sleep 0.1", (1, 10))]
PIN = []
PAUSE = [0.3]


def hyperfine(cmd, flags, warmup, runs, out):
    time.sleep(PAUSE[0])
    subprocess.run([*PIN, "hyperfine", *flags, "-w", str(warmup), "-r", str(runs), "--style", "none",
                    "--export-json", out, cmd], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return json.load(open(out))["results"][0]["median"] * 1000


def bench(binary, cmd, flags, warmup, runs, out):
    time.sleep(PAUSE[0])
    subprocess.run([*PIN, binary, "time", *flags, "-w", str(warmup), "-r", str(runs), "-q", "--style", "none",
                    "--format", "json", "--output", out, cmd], check=True)
    return json.load(open(out))["measurements"][0]["runs"][0]["wall_s"]["median"] * 1000


def difference(base, other):
    """other's difference from base, in per cent; None when base reads 0 (through a shell,
    hyperfine can read a fast command as 0 once its start-up is subtracted)."""
    return (other - base) / base * 100 if base > 0 else None


def interval(ds):
    """The median of `ds` and a 95 % bootstrap interval for it (fixed seed: the same rounds
    give the same interval)."""
    rng = random.Random(1)
    boot = sorted(statistics.median(rng.choices(ds, k=len(ds))) for _ in range(2000))
    return statistics.median(ds), boot[50], boot[1949]


def described(pairs):
    ds = [d for d in (difference(base, other) for base, other in pairs) if d is not None]
    if not ds:
        return "-"
    mid, lo, hi = interval(ds)
    return "%+6.1f %%  [%+.1f, %+.1f]" % (mid, lo, hi)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bench", default=".build/release/bench")
    p.add_argument("--rounds", type=int, default=24)
    p.add_argument("--runs", type=int, default=100)
    p.add_argument("--shell", action="store_true")
    p.add_argument("--cpu", type=int)
    p.add_argument("--pause", type=float, default=0.3)
    p.add_argument("--warmup", type=int, default=10)
    a = p.parse_args()
    PAUSE[0] = a.pause
    if a.cpu is not None:
        PIN[:] = ["taskset", "-c", str(a.cpu)]
    print(subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout.strip())
    print(subprocess.run([a.bench, "--version"], capture_output=True, text=True).stdout.strip())
    print("load average %.2f %.2f %.2f" % os.getloadavg() + ("; both on CPU %d" % a.cpu if a.cpu is not None else ""))
    modes = [("none", ["-N"])] + ([("sh", [])] if a.shell else [])
    rows = {}
    orders = list(itertools.permutations(["hf", "bench", "control"]))
    print("%-10s %-5s %3s  %12s  %12s  %12s" % ("command", "shell", "#", "hyperfine ms", "bench ms", "control ms"))
    with tempfile.TemporaryDirectory() as tmp:
        h_out, b_out = os.path.join(tmp, "h.json"), os.path.join(tmp, "b.json")
        for r in range(a.rounds):
            for shell, flags in modes:
                for cmd, counts in COMMANDS:
                    warmup, runs = counts or (a.warmup, a.runs)
                    tools = {"hf": lambda: hyperfine(cmd, flags, warmup, runs, h_out),
                             "bench": lambda: bench(a.bench, cmd, flags, warmup, runs, b_out),
                             "control": lambda: hyperfine(cmd, flags, warmup, runs, h_out)}
                    got = {name: tools[name]() for name in orders[r % len(orders)]}
                    rows.setdefault((cmd, shell), []).append(got)
                    print("%-10s %-5s %3d  %12.3f  %12.3f  %12.3f" % (cmd, shell, r + 1, got["hf"], got["bench"],
                                                                      got["control"]), flush=True)
    print("\nover %d rounds, %d runs each after %d warm-ups (sleep 0.1: 10 after 1), %.1f s apart: the median of the"
          % (a.rounds, a.runs, a.warmup, a.pause))
    print("rounds' medians, and of their differences from hyperfine's first measurement, with a 95 % interval:")
    print("%-10s %-5s  %12s  %12s  %12s  %24s  %24s" % ("command", "shell", "hyperfine ms", "bench ms", "control ms",
                                                         "bench - hyperfine", "control - hyperfine"))
    for (cmd, shell), got in rows.items():
        h, b, c = (statistics.median(g[name] for g in got) for name in ("hf", "bench", "control"))
        print("%-10s %-5s  %12.3f  %12.3f  %12.3f  %24s  %24s" % (
            cmd, shell, h, b, c, described([(g["hf"], g["bench"]) for g in got]),
            described([(g["hf"], g["control"]) for g in got])))


if __name__ == "__main__":
    sys.exit(main())
