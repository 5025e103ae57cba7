#!/usr/bin/env python3
"""bench time beside hyperfine: the median each reads for the same command, measured one right
after the other (who goes first alternates), round after round.

    scripts/versus-hyperfine.py [--bench PATH] [--rounds N] [--runs N] [--shell] [--cpu N]

--bench is the bench binary (default .build/release/bench: swift build -c release), --rounds
how many times each pair is measured (default 10), --runs the timed runs of a fast command in
each (default 300, after 10 warm-ups; `sleep 0.1` takes 10 after 1). Without --shell both run
the commands with -N (no shell); with it, through sh as well, hyperfine's default. --cpu runs
both tools, and so their commands, on that one CPU (taskset), out of the scheduler's way:
where it puts a child and its parent moves a 1 ms command's time by a tenth from one process
to the next. Needs hyperfine. Prints a line per pair as it comes, then per command the median
of each tool's medians and of bench's difference, with the smallest and largest difference of
a round.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

COMMANDS = [("ls /", None), ("true", None), ("sleep 0.1", (1, 10))]


PIN = []


def hyperfine(cmd, flags, warmup, runs, out):
    subprocess.run([*PIN, "hyperfine", *flags, "-w", str(warmup), "-r", str(runs), "--style", "none",
                    "--export-json", out, cmd], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return json.load(open(out))["results"][0]["median"] * 1000


def bench(binary, cmd, flags, warmup, runs, out):
    subprocess.run([*PIN, binary, "time", *flags, "-w", str(warmup), "-r", str(runs), "-q", "--style", "none",
                    "--format", "json", "--output", out, cmd], check=True)
    return json.load(open(out))["measurements"][0]["runs"][0]["wall_s"]["median"] * 1000


def difference(h, b):
    return (b - h) / h * 100 if h > 0 else None


def percent(d):
    return "-" if d is None else "%+.1f %%" % d


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bench", default=".build/release/bench")
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--runs", type=int, default=300)
    p.add_argument("--shell", action="store_true")
    p.add_argument("--cpu", type=int)
    a = p.parse_args()
    if a.cpu is not None:
        PIN[:] = ["taskset", "-c", str(a.cpu)]
    print(subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout.strip())
    print(subprocess.run([a.bench, "--version"], capture_output=True, text=True).stdout.strip())
    print("load average %.2f %.2f %.2f" % os.getloadavg() + ("; both on CPU %d" % a.cpu if a.cpu is not None else ""))
    modes = [("none", ["-N"])] + ([("sh", [])] if a.shell else [])
    medians = {}
    print("%-10s %-5s %3s  %12s  %12s  %8s" % ("command", "shell", "#", "hyperfine ms", "bench ms", "bench-hf"))
    with tempfile.TemporaryDirectory() as tmp:
        h_out, b_out = os.path.join(tmp, "h.json"), os.path.join(tmp, "b.json")
        for r in range(1, a.rounds + 1):
            for shell, flags in modes:
                for cmd, counts in COMMANDS:
                    warmup, runs = counts or (10, a.runs)
                    tools = [lambda: hyperfine(cmd, flags, warmup, runs, h_out),
                             lambda: bench(a.bench, cmd, flags, warmup, runs, b_out)]
                    if r % 2 == 0:
                        b, h = tools[1](), tools[0]()
                    else:
                        h, b = tools[0](), tools[1]()
                    medians.setdefault((cmd, shell), []).append((h, b))
                    print("%-10s %-5s %3d  %12.3f  %12.3f  %8s" % (cmd, shell, r, h, b, percent(difference(h, b))),
                          flush=True)
    print("\nover %d rounds, %d runs each (sleep 0.1: 10), the median of the rounds' medians:" % (a.rounds, a.runs))
    print("%-10s %-5s  %12s  %12s  %8s  %18s" % ("command", "shell", "hyperfine ms", "bench ms", "bench-hf",
                                                 "rounds' range"))
    for (cmd, shell), pairs in medians.items():
        h = statistics.median(p[0] for p in pairs)
        b = statistics.median(p[1] for p in pairs)
        ds = [d for d in (difference(*p) for p in pairs) if d is not None]
        spread = "%s to %s" % (percent(min(ds)), percent(max(ds))) if ds else "-"
        mid = percent(statistics.median(ds)) if ds else "-"
        print("%-10s %-5s  %12.3f  %12.3f  %8s  %18s" % (cmd, shell, h, b, mid, spread))


if __name__ == "__main__":
    sys.exit(main())
