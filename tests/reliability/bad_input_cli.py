#!/usr/bin/env python3
"""Bad definition files through the executable (issue #8): for every file of the bad-input corpus
(tests/data/bad-input/<kind>/*.yaml) and a few generated ones (empty, binary garbage, deep
nesting, 50 MB), put in place of the workflow, agencies, rules or calendar file of the fixture
configuration:
  - `regflow check` exits 1 with an error at a line and column of that file (a file too large to
    read is named without a position), and never crashes;
  - `regflow advance` on an existing database refuses with exit 1, pointing to `regflow check`,
    and leaves the database folder byte for byte as it was.

Usage: bad_input_cli.py REGFLOW SOURCE_DIR
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

KINDS = {
    "workflow": "workflows/mini.yaml",
    "agencies": "workflows/agencies.yaml",
    "rules": "rules/bad.yaml",
    "calendar": "rules/calendars/2026.yaml",
}


class Failure(Exception):
    pass


def snapshot(folder):
    """Every file of the folder with its SHA-256: the database and any -wal or -shm beside it."""
    out = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            out[name] = hashlib.sha256(f.read()).hexdigest()
    return out


def cases(source_dir):
    corpus = os.path.join(source_dir, "tests", "data", "bad-input")
    for kind in KINDS:
        for name in sorted(os.listdir(os.path.join(corpus, kind))):
            with open(os.path.join(corpus, kind, name), "rb") as f:
                yield kind, name, f.read()
    garbage = random.Random(8).randbytes(4096)
    for kind in KINDS:
        if kind != "rules":  # an empty rules file is only a warning (W-EMPTY-FILE)
            yield kind, "(empty)", b""
        yield kind, "(binary garbage)", garbage
        yield kind, "(100k nested lists)", b"x: " + b"[" * 100000 + b"]" * 100000 + b"\n"
        yield kind, "(50 MB)", None


def run(args):
    env = dict(os.environ)
    for name in ("REGFLOW_DB", "REGFLOW_USER", "REGFLOW_NOW", "REGFLOW_CONFIG"):
        env.pop(name, None)
    env["TZ"] = "Asia/Jakarta"
    valid = os.path.join(args.source_dir, "tests", "data", "valid", "config")
    started = time.monotonic()

    with tempfile.TemporaryDirectory(prefix="regflow-bad-input-") as tmp:
        dbdir = os.path.join(tmp, "db")
        os.mkdir(dbdir)
        db = os.path.join(dbdir, "regflow.db")

        def regflow(config, *command):
            done = subprocess.run([args.regflow, "--db", db, "--config", config,
                                   "--now", "2026-03-02T09:00", *command],
                                  env=env, capture_output=True, text=True, errors="replace",
                                  timeout=120)
            return done

        for command in (["init"], ["user", "add", "ani", "--agency", "dinas-kukm"],
                        ["--as", "ani", "start", "mini", "--title", "Pergub UMKM",
                         "--bind", "pemrakarsa=dinas-kukm"]):
            done = regflow(valid, *command)
            if done.returncode != 0:
                raise Failure(f"set-up {command} exited {done.returncode}: {done.stderr}")
        before = snapshot(dbdir)

        count = 0
        for kind, name, content in cases(args.source_dir):
            count += 1
            label = f"{kind}/{name}"
            config = os.path.join(tmp, "config")
            shutil.rmtree(config, ignore_errors=True)
            shutil.copytree(valid, config)
            place = KINDS[kind]
            path = os.path.join(config, place)
            if content is None:
                with open(path, "wb") as f:
                    f.truncate(50 * 1024 * 1024)  # sparse: nothing written to the disk
            else:
                with open(path, "wb") as f:
                    f.write(content)

            done = regflow(config, "--json", "check")
            if done.returncode != 1:
                raise Failure(f"{label}: check exited {done.returncode}, expected 1:\n"
                              f"{done.stdout}{done.stderr}")
            errors = [d for d in json.loads(done.stdout)["diagnostics"]
                      if d["severity"] == "error" and d["file"] == place]
            if not errors:
                raise Failure(f"{label}: check reported no error in {place}:\n{done.stdout}")
            for d in errors:
                positioned = d["line"] >= 1 and d["column"] >= 1
                if not positioned and d["code"] != "E-FILE-TOO-LARGE":
                    raise Failure(f"{label}: error without a position: {d}")

            done = regflow(config, "--as", "ani", "advance", "MINI-2026-0001", "ajukan")
            if done.returncode != 1 or "run 'regflow check'" not in done.stderr:
                raise Failure(f"{label}: advance exited {done.returncode}, expected a refusal "
                              f"naming 'regflow check':\n{done.stdout}{done.stderr}")
            if snapshot(dbdir) != before:
                raise Failure(f"{label}: the database folder changed: {snapshot(dbdir)} "
                              f"instead of {before}")

    print(f"{count} bad files: each an error with a position, the database untouched; "
          f"{time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("regflow")
    parser.add_argument("source_dir")
    parsed = parser.parse_args()
    try:
        run(parsed)
    except Failure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
