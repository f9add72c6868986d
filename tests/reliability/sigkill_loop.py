#!/usr/bin/env python3
"""SIGKILL loop (issue #3, Robustness): a few hundred `regflow advance` commands on one database,
many of them killed with SIGKILL at a random moment of their life. After every kill the database
opens, `verify` passes, the dossier has either all of the advance or none of it, and every advance
that printed success is in the history.

Usage: sigkill_loop.py REGFLOW SOURCE_DIR [--attempts N] [--seed S]

The random choices are seeded, so a run is repeatable up to process timing; the checks hold for
every timing, so the test cannot flake on a slow machine (it only kills at other moments).
"""

import argparse
import os
import random
import signal
import statistics
import time

from harness import SUCCESS_LINE, Failure, Regflow, check_chain, main


def run(args):
    regflow = Regflow(args.regflow, args.source_dir)
    dossiers = regflow.set_up(args.dossiers)
    known = {d: 1 for d in dossiers}  # events each dossier is known to have
    printed = []  # (dossier, seq, from, to) of every advance that printed success
    rng = random.Random(args.seed)
    started = time.monotonic()

    def advance_once(dossier, kill_after):
        """Runs one advance, killing it after `kill_after` seconds unless it ended; returns
        (killed, returncode, stdout, stderr)."""
        process = regflow.popen("advance", dossier, "lanjut", "--note", "putaran")
        killed = False
        if kill_after is not None:
            time.sleep(kill_after)
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                killed = True
        out, err = process.communicate()
        return killed, process.returncode, out, err

    # Calibrate the kill moments on this machine and build: a kill is useful anywhere in a
    # process's life, and most useful near its end, where it writes.
    durations = []
    for n in range(5):
        dossier = dossiers[n % len(dossiers)]
        begin = time.monotonic()
        _, code, out, err = advance_once(dossier, None)
        durations.append(time.monotonic() - begin)
        match = SUCCESS_LINE.match(out)
        if code != 0 or not match:
            raise Failure(f"calibration advance of {dossier} exited {code}:\n{out}{err}")
        known[dossier] += 1
        printed.append((dossier, int(match[2]), match[4], match[5]))
    lifetime = statistics.median(durations)

    kills = committed_kills = lost_kills = 0
    for attempt in range(args.attempts):
        dossier = dossiers[attempt % len(dossiers)]
        kill_after = rng.uniform(0.05, 1.1) * lifetime if rng.random() < 0.6 else None
        killed, code, out, err = advance_once(dossier, kill_after)
        match = SUCCESS_LINE.match(out)
        if match:
            if match[1] != dossier or int(match[2]) != known[dossier] + 1:
                raise Failure(f"advance of {dossier} at {known[dossier]} events printed: {out}")
            printed.append((dossier, int(match[2]), match[4], match[5]))
        if not killed:
            if code != 0 or not match:
                raise Failure(f"advance of {dossier} (not killed) exited {code}:\n{out}{err}")
            known[dossier] += 1
            continue

        kills += 1
        # The database must open and every chain must hold, whatever the moment of the kill.
        regflow.verify()
        events = regflow.history(dossier)
        check_chain(dossier, events)
        if len(events) == known[dossier] + 1:
            committed_kills += 1
        elif len(events) == known[dossier]:
            if match:
                raise Failure(f"{dossier}: advance printed '{out.strip()}' but is not in history")
            lost_kills += 1
        else:
            raise Failure(f"{dossier}: {len(events)} events after one killed advance from "
                          f"{known[dossier]}")
        known[dossier] = len(events)

    regflow.verify()
    committed_total = 0
    histories = {d: regflow.history(d) for d in dossiers}
    for dossier, events in histories.items():
        check_chain(dossier, events)
        if len(events) != known[dossier]:
            raise Failure(f"{dossier}: {len(events)} events, expected {known[dossier]}")
        committed_total += len(events) - 1
    for dossier, seq, from_step, to_step in printed:
        events = histories[dossier]
        if seq > len(events):
            raise Failure(f"{dossier} #{seq} printed success but the history ends at #{len(events)}")
        event = events[seq - 1]
        if (event["from"], event["to"]) != (from_step, to_step):
            raise Failure(f"{dossier} #{seq} printed {from_step} -> {to_step} but history has "
                          f"{event['from']} -> {event['to']}")

    print(f"{args.attempts + 5} advances on {len(dossiers)} dossiers, median process life "
          f"{lifetime * 1000:.0f} ms; {kills} killed: {committed_kills} had committed, "
          f"{lost_kills} had not; {len(printed)} printed success, {committed_total} events "
          f"written; {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("regflow")
    parser.add_argument("source_dir")
    parser.add_argument("--attempts", type=int, default=240)
    parser.add_argument("--dossiers", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20260302)
    parsed = parser.parse_args()
    main(lambda: run(parsed))
