"""Shared set-up for the reliability tests: run the regflow executable on a temporary database
with the looping fixture configuration (tests/data/loop/config), and read its history back."""

import json
import os
import re
import subprocess
import sys
import tempfile

NOW = "2026-03-02T09:00"
USER = "sari"

# "PUTAR-2026-0001 #7 lanjut: telaah -> koreksi", the line `advance` prints on success.
SUCCESS_LINE = re.compile(r"^(PUTAR-\d{4}-\d{4}) #(\d+) (\w+): (\w+) -> (\w+)")


class Failure(Exception):
    """A broken promise of regflow; the message says which."""


class Regflow:
    def __init__(self, binary, source_dir):
        self.binary = os.path.abspath(binary)
        self.tmp = tempfile.TemporaryDirectory(prefix="regflow-reliability-")
        self.db = os.path.join(self.tmp.name, "db")
        self.env = dict(os.environ)
        for name in ("REGFLOW_DB", "REGFLOW_USER", "REGFLOW_NOW", "REGFLOW_CONFIG"):
            self.env.pop(name, None)
        self.env.update({
            "TZ": "Asia/Jakarta",
            "REGFLOW_DB": self.db,
            "REGFLOW_CONFIG": os.path.join(source_dir, "tests", "data", "loop", "config"),
            "REGFLOW_NOW": NOW,
            "REGFLOW_USER": USER,
        })

    def command(self, *args):
        return [self.binary, *args]

    def popen(self, *args):
        return subprocess.Popen(self.command(*args), env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    def run(self, *args):
        return subprocess.run(self.command(*args), env=self.env, capture_output=True, text=True,
                              timeout=120)

    def must(self, *args):
        """Runs a command that has to succeed and returns its stdout."""
        done = self.run(*args)
        if done.returncode != 0:
            raise Failure(f"'regflow {' '.join(args)}' exited {done.returncode}:\n"
                          f"{done.stdout}{done.stderr}")
        return done.stdout

    def set_up(self, dossiers):
        self.must("init")
        self.must("user", "add", USER, "--agency", "biro-hukum")
        ids = []
        for n in range(dossiers):
            ids.append(self.must("start", "putar", "--title", f"Uji {n + 1}").strip())
        return ids

    def history(self, dossier):
        return json.loads(self.must("--json", "history", dossier))

    def verify(self):
        out = self.must("verify")
        if not out.startswith("ok: "):
            raise Failure(f"verify did not report ok:\n{out}")


def check_chain(dossier, events):
    """The events of one dossier are numbered 1..n without gaps, each step following on from the
    previous event's, alternating telaah/koreksi as the fixture's 'lanjut' does."""
    for index, event in enumerate(events):
        if event["seq"] != index + 1:
            raise Failure(f"{dossier}: event #{index + 1} has seq {event['seq']}")
        if index == 0:
            continue
        if event["action"] != "lanjut":
            raise Failure(f"{dossier}: event #{event['seq']} is '{event['action']}'")
        if event["from"] != events[index - 1]["to"]:
            raise Failure(f"{dossier}: event #{event['seq']} starts in '{event['from']}' but "
                          f"#{index} ended in '{events[index - 1]['to']}'")


def main(body):
    """Runs a test body, turning a Failure into exit code 1 with its message."""
    try:
        body()
    except Failure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
