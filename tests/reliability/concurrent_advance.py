#!/usr/bin/env python3
"""Two processes advancing the same dossiers at once (issue #3, Robustness): no lost update, no
duplicate event, and every refusal is the conflict message (exit 1) naming the version the
dossier is at now.

Usage: concurrent_advance.py REGFLOW SOURCE_DIR [--rounds N] [--seed S]

Two workers run in lock step: in each round both launch `regflow advance` at the same moment,
usually on the same dossier, so that both read the same version and race for the write lock.
Some rounds pass --expect-version with what the worker last saw, which the engine refuses when
the dossier moved. The dossier choices are seeded; the checks hold for every interleaving.
"""

import argparse
import random
import re
import threading
import time

from harness import SUCCESS_LINE, Failure, Regflow, check_chain, main

# The two forms of a conflict: the store's (both read the same version, the other wrote first)
# and the refusal of a stale --expect-version. Both say the version the dossier is at now.
STORE_CONFLICT = re.compile(
    r"^regflow: conflict: dossier '(PUTAR-\d{4}-\d{4})' was changed by 'sari' \(now at step "
    r"'(\w+)', version (\d+)\) after you read it at version (\d+); nothing was written")
STALE_VERSION = re.compile(
    r"^regflow: refused: dossier is at version (\d+), not (\d+) as expected: 'sari' changed it "
    r"\(now at step '(\w+)'\); nothing was written")


class Worker:
    def __init__(self, name, regflow):
        self.name = name
        self.regflow = regflow
        self.successes = []  # (dossier, seq)
        self.store_conflicts = 0
        self.stale_refusals = 0
        self.seen = {}  # dossier -> version this worker last saw
        self.outcomes = {}  # round -> "ok" | "conflict"
        self.error = None

    def attempt(self, round_number, dossier, with_expected_version):
        args = ["advance", dossier, "lanjut"]
        if with_expected_version:
            args += ["--expect-version", str(self.seen.get(dossier, 1))]
        done = self.regflow.run(*args)
        match = SUCCESS_LINE.match(done.stdout)
        if done.returncode == 0 and match and match[1] == dossier:
            self.successes.append((dossier, int(match[2])))
            self.seen[dossier] = int(match[2])
            self.outcomes[round_number] = "ok"
            return
        if done.returncode == 1 and done.stdout == "":
            conflict = STORE_CONFLICT.match(done.stderr)
            stale = STALE_VERSION.match(done.stderr)
            if conflict and conflict[1] == dossier and int(conflict[3]) > int(conflict[4]):
                self.store_conflicts += 1
                self.seen[dossier] = int(conflict[3])
                self.outcomes[round_number] = "conflict"
                return
            if stale and with_expected_version and int(stale[1]) > int(stale[2]):
                self.stale_refusals += 1
                self.seen[dossier] = int(stale[1])
                self.outcomes[round_number] = "conflict"
                return
        raise Failure(f"worker {self.name}, round {round_number}: 'regflow {' '.join(args)}' "
                      f"exited {done.returncode}, which is neither a success nor the conflict "
                      f"message:\n{done.stdout}{done.stderr}")


def run(args):
    regflow = Regflow(args.regflow, args.source_dir)
    dossiers = regflow.set_up(args.dossiers)
    rng = random.Random(args.seed)
    # Decided up front so that both workers follow the same plan: (dossier of A, dossier of B,
    # whether this round passes --expect-version).
    plan = []
    for _ in range(args.rounds):
        first = rng.choice(dossiers)
        second = first if rng.random() < 0.85 else rng.choice(dossiers)
        plan.append((first, second, rng.random() < 0.25))
    workers = [Worker("A", regflow), Worker("B", regflow)]
    barrier = threading.Barrier(len(workers))
    started = time.monotonic()

    def work(index):
        worker = workers[index]
        try:
            for round_number, step in enumerate(plan):
                barrier.wait()
                worker.attempt(round_number, step[index], step[2])
        except Failure as failure:
            worker.error = failure
            barrier.abort()
        except threading.BrokenBarrierError:
            pass

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for worker in workers:
        if worker.error:
            raise worker.error

    # Without --expect-version, one of two racing advances always gets through: a conflict is
    # only ever the loser of a real race, never both.
    for round_number, (first, second, expected) in enumerate(plan):
        if first == second and not expected:
            outcomes = [w.outcomes[round_number] for w in workers]
            if outcomes == ["conflict", "conflict"]:
                raise Failure(f"round {round_number}: both advances of {first} were refused")

    regflow.verify()
    claimed = {}
    for worker in workers:
        for dossier, seq in worker.successes:
            if (dossier, seq) in claimed:
                raise Failure(f"{dossier} #{seq} was reported written by {claimed[dossier, seq]} "
                              f"and by {worker.name}")
            claimed[dossier, seq] = worker.name
    for dossier in dossiers:
        events = regflow.history(dossier)
        check_chain(dossier, events)
        written = {seq for (d, seq) in claimed if d == dossier}
        in_history = set(range(2, len(events) + 1))
        if written != in_history:
            raise Failure(f"{dossier}: successes reported {sorted(written)} but the history holds "
                          f"#{sorted(in_history)}")

    successes = sum(len(w.successes) for w in workers)
    conflicts = sum(w.store_conflicts for w in workers)
    stale = sum(w.stale_refusals for w in workers)
    print(f"{args.rounds} rounds x 2 processes on {len(dossiers)} dossiers: {successes} advances "
          f"written, {conflicts} lost the race (store conflict), {stale} refused a stale "
          f"--expect-version; {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("regflow")
    parser.add_argument("source_dir")
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--dossiers", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20260303)
    parsed = parser.parse_args()
    main(lambda: run(parsed))
