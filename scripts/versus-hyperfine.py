#!/usr/bin/env python3
"""bench time beside hyperfine: the median each reads for the same command, measured one right
after the other, round after round, with hyperfine measured twice so that what the machine
alone changes between two measurements is shown beside what bench changes.

    scripts/versus-hyperfine.py [--bench PATH] [--rounds N] [--runs N] [--shell] [--cpu N] [--pause S]
                                [--warmup N] [--floor]

--bench is the bench binary (default .build/release/bench: swift build -c release), --rounds
how many times each command is measured by each (default 24: the three measurements run in each
of their six orders alike, four with --floor in each of their 24 once, so that none is always
after another), --runs the timed runs of a fast command in each (default 100, after --warmup's
warm-ups, 10 by default; `sleep 0.1` takes 10 after 1). Without --shell both run the commands
with -N (no shell); with it, through sh as well, hyperfine's default. --cpu runs both tools,
and so their commands, on that one CPU (taskset), out of the scheduler's way. --pause is the
seconds of idle before each measurement (default 0.3), so that none starts while the machine
still looks busy from the one before (Linux's scheduler would start its first children on the
other CPU). --floor adds a fourth measurement to every round without a shell: a bare loop in C
(compiled with cc) that times only posix_spawnp to wait4, the child's streams on /dev/null, in
a process group of its own, which both tools' figures include. Needs hyperfine.

Prints a line per round as it comes, then per command: the median of each measurement's
medians; bench's difference from hyperfine (the median of the rounds' differences) with a 95 %
interval (bootstrap over the rounds); and the same for hyperfine's second measurement against
its first, the control. The control's interval is what the machine alone moves a difference
by; bench's difference says something only where its interval lies clear of that.
"""
import argparse
import itertools
import json
import shlex
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

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


FLOOR_C = r"""
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <time.h>
#include <sys/wait.h>
extern char **environ;
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static int before(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }
int main(int argc, char **argv) {
    int warmup = atoi(argv[1]), runs = atoi(argv[2]), null = open("/dev/null", O_RDWR | O_CLOEXEC);
    double *s = malloc(runs * sizeof(double));
    for (int i = -warmup; i < runs; i++) {
        posix_spawn_file_actions_t fa; posix_spawnattr_t at; pid_t pid; int status;
        posix_spawn_file_actions_init(&fa);
        for (int fd = 0; fd < 3; fd++) posix_spawn_file_actions_adddup2(&fa, null, fd);
        posix_spawnattr_init(&at); posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP); posix_spawnattr_setpgroup(&at, 0);
        double t0 = now();
        if (posix_spawnp(&pid, argv[3], &fa, &at, argv + 3, environ)) { perror("posix_spawnp"); return 1; }
        waitpid(pid, &status, 0);
        if (i >= 0) s[i] = now() - t0;
        posix_spawn_file_actions_destroy(&fa); posix_spawnattr_destroy(&at);
    }
    qsort(s, runs, sizeof(double), before);
    printf("%.9f\n", runs % 2 ? s[runs / 2] : (s[runs / 2 - 1] + s[runs / 2]) / 2);
    return 0;
}
"""


def build_floor(tmp):
    """Compiles the bare loop into `tmp` and returns its path."""
    source, binary = os.path.join(tmp, "floor.c"), os.path.join(tmp, "floor")
    with open(source, "w") as f:
        f.write(FLOOR_C)
    subprocess.run(["cc", "-O2", "-o", binary, source], check=True)
    return binary


def floor(binary, cmd, warmup, runs):
    out = subprocess.run([*PIN, binary, str(warmup), str(runs), *shlex.split(cmd)], check=True,
                         capture_output=True, text=True).stdout
    return float(out) * 1000


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
    p.add_argument("--floor", action="store_true")
    a = p.parse_args()
    if a.cpu is not None:
        PIN[:] = ["taskset", "-c", str(a.cpu)]
    print(subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout.strip())
    print(subprocess.run([a.bench, "--version"], capture_output=True, text=True).stdout.strip())
    print("load average %.2f %.2f %.2f" % os.getloadavg() + ("; both on CPU %d" % a.cpu if a.cpu is not None else ""))
    modes = [("none", ["-N"])] + ([("sh", [])] if a.shell else [])
    rows = {}
    print("%-10s %-5s %3s  %12s  %12s  %12s" % ("command", "shell", "#", "hyperfine ms", "bench ms", "control ms")
          + ("  %12s" % "floor ms" if a.floor else ""))
    with tempfile.TemporaryDirectory() as tmp:
        h_out, b_out = os.path.join(tmp, "h.json"), os.path.join(tmp, "b.json")
        floor_binary = build_floor(tmp) if a.floor else None
        for r in range(a.rounds):
            for shell, flags in modes:
                for cmd, counts in COMMANDS:
                    warmup, runs = counts or (a.warmup, a.runs)
                    tools = {"hf": lambda: hyperfine(cmd, flags, warmup, runs, h_out),
                             "bench": lambda: bench(a.bench, cmd, flags, warmup, runs, b_out),
                             "control": lambda: hyperfine(cmd, flags, warmup, runs, h_out)}
                    if floor_binary and shell == "none":
                        tools["floor"] = lambda: floor(floor_binary, cmd, warmup, runs)
                    orders = list(itertools.permutations(tools))
                    got = {}
                    for name in orders[r % len(orders)]:
                        time.sleep(a.pause)
                        got[name] = tools[name]()
                    rows.setdefault((cmd, shell), []).append(got)
                    print("%-10s %-5s %3d  %12.3f  %12.3f  %12.3f" % (cmd, shell, r + 1, got["hf"], got["bench"],
                                                                      got["control"])
                          + ("  %12.3f" % got["floor"] if "floor" in got else ""), flush=True)
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
    floored = [(key, got) for key, got in rows.items() if "floor" in got[0]]
    if floored:
        print("\nagainst the bare loop's median (posix_spawnp to wait4, nothing else), with a 95 % interval:")
        print("%-10s %-5s  %12s  %24s  %24s" % ("command", "shell", "floor ms", "bench - floor", "hyperfine - floor"))
        for (cmd, shell), got in floored:
            print("%-10s %-5s  %12.3f  %24s  %24s" % (
                cmd, shell, statistics.median(g["floor"] for g in got), described([(g["floor"], g["bench"]) for g in got]),
                described([(g["floor"], g["hf"]) for g in got])))


if __name__ == "__main__":
    sys.exit(main())
