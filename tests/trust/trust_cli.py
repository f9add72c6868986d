#!/usr/bin/env python3
"""Trust probes through the regflow executable (issue "Trust"): every way a clerk with ordinary
access could destroy the database, write what cannot be read back, backdate, or act without
authority. Each refused probe must exit 1 with a message that names what was wrong, leave the
database's content exactly as it was, and leave `regflow verify` ok.

Usage: trust_cli.py REGFLOW SOURCE_DIR
"""

import getpass
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

NOW = "2026-03-02T09:00"


class Failure(Exception):
    pass


class Site:
    """A fresh database on the test fixture configuration, in its own folder."""

    def __init__(self, regflow, source, name):
        self.regflow = regflow
        self.folder = tempfile.mkdtemp(prefix=f"regflow-trust-{name}-")
        self.db = os.path.join(self.folder, "db")
        self.config = os.path.join(source, "tests", "data", "valid", "config")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("REGFLOW_")}
        self.env["TZ"] = "Asia/Jakarta"

    def run(self, *args, now=NOW, stdin=None):
        command = [self.regflow, "--db", self.db, "--config", self.config]
        if now is not None:
            command += ["--now", now]
        done = subprocess.run(command + list(args), env=self.env, cwd=self.folder,
                              capture_output=True, timeout=120, input=stdin)
        return done.returncode, done.stdout.decode("utf-8", "replace"), \
            done.stderr.decode("utf-8", "replace")

    def must(self, *args, now=NOW):
        code, out, err = self.run(*args, now=now)
        if code != 0:
            raise Failure(f"'regflow {' '.join(args)}' exited {code}: {out}{err}")
        return out

    def content(self):
        """The database's content as SQL text: what a refused command must not change."""
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as connection:
            return "\n".join(connection.iterdump())

    def verify_ok(self):
        out = self.must("verify", now=None)
        if not out.startswith("ok: "):
            raise Failure(f"verify is not ok:\n{out}")


failures = []


def probe(site, label, args, expect_in, now=NOW, code=1):
    """Runs a command that must be refused; checks the message, the content and verify."""
    before = site.content()
    got, out, err = site.run(*args, now=now)
    problems = []
    if got != code:
        problems.append(f"exit {got}, expected {code}")
    for text in expect_in:
        if text not in err:
            problems.append(f"stderr lacks {text!r}")
    if site.content() != before:
        problems.append("the database's content changed")
    try:
        site.verify_ok()
    except Failure as e:
        problems.append(str(e))
    if problems:
        failures.append(f"{label}: {'; '.join(problems)}\n  stdout: {out}\n  stderr: {err}")
    else:
        print(f"ok: {label}")


def check(label, condition, detail=""):
    if condition:
        print(f"ok: {label}")
    else:
        failures.append(f"{label}: {detail}")


def set_up(site, users):
    site.must("init")
    for args in users:
        site.must("user", "add", *args)
    return site.must("--as", "ani", "start", "mini", "--title", "Pergub UMKM",
                     "--bind", "pemrakarsa=dinas-kukm").strip()


def data_loss(regflow, source):
    site = Site(regflow, source, "files")
    dossier = set_up(site, [("ani", "--agency", "dinas-kukm"), ("budi", "--agency", "biro-hukum")])
    db = site.db
    probe(site, "export -o onto the database", ["export", dossier, "-o", db],
          ["is the database's own file"])
    probe(site, "export -o onto the database's -wal name", ["export", dossier, "-o", db + "-wal"],
          ["is the database's own file"])
    probe(site, "export -o onto the database by another name",
          ["export", dossier, "-o", os.path.join(site.folder, ".", "db")],
          ["is the database's own file"])
    os.symlink(db, os.path.join(site.folder, "link.ics"))
    probe(site, "ics -o through a symlink to the database", ["ics", "-o", "link.ics"],
          ["is a symbolic link"])
    probe(site, "export -o a device", ["export", dossier, "-o", "/dev/null"],
          ["is a character device"])
    probe(site, "export -o a folder", ["export", dossier, "-o", site.folder], ["is a folder"])
    os.symlink(db, os.path.join(site.folder, "out.rfa.partial"))
    before = site.content()
    code, _, err = site.run("export", dossier, "-o", "out.rfa")
    check("a planted <out>.partial link is never written through",
          code == 0 and site.content() == before and os.path.islink(
              os.path.join(site.folder, "out.rfa.partial")) and
          os.path.isfile(os.path.join(site.folder, "out.rfa")), err)
    probe(site, "import of a folder", ["import", site.folder], ["is a folder"])
    probe(site, "import of /dev/zero", ["import", "/dev/zero"], ["is a character device"])
    huge = os.path.join(site.folder, "huge.rfa")
    with open(huge, "wb") as f:
        f.truncate(300 << 20)  # sparse: no disk is used
    probe(site, "import of a 300 MiB file", ["import", huge], ["at most 256 MiB"])

    probe(site, "--now in year 0", ["--as", "ani", "advance", dossier, "ajukan"],
          ["--now '0000-01-01T00:00' is outside the dates regflow accepts (1900-01-01 to "
           "2200-12-31)"], now="0000-01-01T00:00")
    probe(site, "--target after 2200",
          ["--as", "ani", "start", "mini", "--title", "x", "--bind", "pemrakarsa=dinas-kukm",
           "--target", "9999-12-31"], ["--target '9999-12-31' is outside the dates"])
    probe(site, "an event dated before the one it follows",
          ["--as", "ani", "advance", dossier, "ajukan"], ["only runs forward"],
          now="2026-02-01T09:00")
    probe(site, "an empty title",
          ["--as", "ani", "start", "mini", "--title", "  ", "--bind", "pemrakarsa=dinas-kukm"],
          ["--title must not be empty"])
    probe(site, "a reserved user name", ["user", "add", "system", "--agency", "sekda"],
          ["is reserved"])
    probe(site, "a sandbox made of a database with dossiers", ["init", "--sandbox"],
          ["cannot become a sandbox"])

    probe(site, "a board filtered by an agency that does not exist", ["board", "--agency", "bogus"],
          ["unknown agency 'bogus'"])
    config = site.config
    site.config = os.path.join(config, "workflows", "mini.yaml")
    probe(site, "a --config that is a file", ["board"], ["is a file, not a folder"])
    site.config = config
    probe(site, "--expect-version out of range",
          ["--as", "ani", "advance", dossier, "ajukan", "--expect-version",
           "99999999999999999999"], ["is not a dossier version"], code=2)

    # Control characters are shown, not obeyed.
    site.must("--as", "ani", "advance", dossier, "ajukan", "--note", "baris satu\n9  palsu")
    out = site.must("--as", "ani", "start", "mini", "--title", "Judul \x1b[2J\x1b[H bersih",
                    "--bind", "pemrakarsa=dinas-kukm")
    shown = site.must("show", out.strip())
    check("an ESC sequence in a title is shown escaped", "\x1b" not in shown and
          "\\x1b[2J" in shown, shown)
    history = site.must("history", dossier)
    check("a newline in a note does not forge a history row",
          "baris satu\\n9  palsu" in history and "\n9  palsu" not in history, history)


def raw_bytes_title(regflow, source):
    """argv cannot carry \\xff through Python's str; a shell does it."""
    site = Site(regflow, source, "utf8")
    set_up(site, [("ani", "--agency", "dinas-kukm")])
    before = site.content()
    done = subprocess.run(
        ["bash", "-c", f"'{regflow}' --db '{site.db}' --config '{site.config}' --now {NOW} "
         "--as ani start mini --title $'Pergub \\xff' --bind pemrakarsa=dinas-kukm"],
        env=site.env, capture_output=True)
    err = done.stderr.decode("utf-8", "replace")
    check("invalid UTF-8 in --title is refused naming the field",
          done.returncode == 1 and "--title is not valid UTF-8 (byte 8 of the value is 0xff)" in err
          and site.content() == before, err)
    done = subprocess.run(
        ["bash", "-c", f"'{regflow}' --db '{site.db}' --config '{site.config}' --now {NOW} "
         "user add $'bad\\xffname' --agency sekda"], env=site.env, capture_output=True)
    check("invalid UTF-8 in a user name is refused and --json user list still works",
          done.returncode == 1 and site.content() == before and
          json.loads(site.must("--json", "user", "list")) is not None,
          done.stderr.decode("utf-8", "replace"))


def read_only(regflow, source):
    """A read-only copy stays readable; a write on it says why it cannot be done."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        print("skipped: read-only copy (needs root and setpriv to drop to another account)")
        return
    site = Site(regflow, source, "readonly")
    dossier = set_up(site, [("ani", "--agency", "dinas-kukm")])
    os.chmod(site.db, 0o444)
    os.chmod(site.folder, 0o555)
    nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    base = [regflow, "--db", site.db, "--config", site.config]
    try:
        for args in (["board"], ["show", dossier], ["verify"]):
            done = subprocess.run(nobody + base + args, env=site.env, capture_output=True,
                                  text=True, timeout=60)
            check(f"a read-only copy answers '{args[0]}'", done.returncode == 0, done.stderr)
        done = subprocess.run(nobody + base + ["--as", "ani", "advance", dossier, "ajukan"],
                              env=site.env, capture_output=True, text=True, timeout=60)
        check("a write on a read-only copy says so", done.returncode == 1 and
              "is read-only for this account; nothing was written" in done.stderr, done.stderr)
    finally:
        os.chmod(site.folder, 0o755)
        os.chmod(site.db, 0o644)


def authority(regflow, source):
    me = getpass.getuser()
    # A clerk whose login is tied to a staff user, on a database with an administrator.
    site = Site(regflow, source, "clerk")
    dossier = set_up(site, [("ani", "--agency", "dinas-kukm"),
                            ("budi", "--agency", "biro-hukum", "--role", "kepala")])
    site.must("user", "add", "sari", "--agency", "dinas-kukm", "--login", me)
    site.must("user", "add", "admin1", "--agency", "biro-hukum", "--role", "admin")
    probe(site, "--as someone else without being an administrator",
          ["--as", "budi", "advance", dossier, "ajukan"],
          ["acting as 'budi' (--as or REGFLOW_USER) is for administrators",
           f"your login '{me}' acts as 'sari', whose role 'staf' may not administer"], now=None)
    probe(site, "--now on a write without being an administrator",
          ["advance", dossier, "ajukan"], ["--now (or REGFLOW_NOW) on a command that writes is "
                                           "for administrators"])
    probe(site, "user add without being an administrator",
          ["user", "add", "tono", "--agency", "sekda", "--role", "admin"],
          ["only an administrator may register users"], now=None)
    probe(site, "extend without the role that may", [
        "extend", dossier, "penyusunan", "--to", "2026-12-31", "--reason", "x"],
          ["the role 'staf' may not extend"], now=None)
    code, out, err = site.run("advance", dossier, "ajukan", now=None)
    check("the clerk acts as themselves without --as", code == 0, out + err)
    changed = os.path.join(site.folder, "cfg")
    shutil.copytree(site.config, changed)
    with open(os.path.join(changed, "workflows", "mini.yaml"), "r+", encoding="utf-8") as f:
        text = f.read().replace("version: 1", "version: 2").replace("5 hari kerja", "50 hari kerja")
        f.seek(0)
        f.write(text)
        f.truncate()
    config, site.config = site.config, changed
    probe(site, "a private copy of a definition starting a dossier",
          ["start", "mini", "--title", "x", "--bind", "pemrakarsa=dinas-kukm"],
          ["differs from the one this database holds", "regflow definitions accept mini"],
          now=None)
    probe(site, "a definition accepted by someone who is not an administrator",
          ["definitions", "accept", "mini"], ["only an administrator may accept a definition"],
          now=None)
    site.config = config

    # An administrator's login: --as and --now are allowed, and recorded.
    site = Site(regflow, source, "admin")
    dossier = set_up(site, [("ani", "--agency", "dinas-kukm"),
                            ("budi", "--agency", "biro-hukum", "--role", "kepala"),
                            ("fery", "--agency", "sekda"),
                            ("rina", "--agency", "dinas-kukm", "--agency", "sekda"),
                            ("admin1", "--agency", "biro-hukum", "--role", "admin",
                             "--login", me)])
    site.must("--as", "ani", "advance", dossier, "ajukan")
    events = json.loads(site.must("--json", "history", dossier))
    check("an administrator's act for another user names the administrator and the real time",
          events[-1]["actor"] == "ani" and events[-1]["data"].get("administrator") == "admin1"
          and "entered_at" in events[-1]["data"], json.dumps(events[-1]))
    history = site.must("history", dossier)
    check("history shows who entered an act for another and when",
          "ani (by admin1) (entered " in history, history)
    probe(site, "extend by an agency that does not answer for the deadline",
          ["--as", "fery", "extend", dossier, "total", "--to", "2026-12-31", "--reason", "x"],
          ["'fery' acts for 'sekda' and may not take 'extend' here; only 'biro-hukum' may"])
    site.must("--as", "rina", "advance", dossier, "sign")
    probe(site, "one person signing one step twice for two agencies",
          ["--as", "rina", "advance", dossier, "sign"],
          ["'rina' has already signed this step for 'dinas-kukm'; one person signs once"])
    probe(site, "tick in the future outside a sandbox", ["tick"], ["is in the future"],
          now="2199-01-01T09:00")
    probe(site, "user add with an unknown role",
          ["user", "add", "tono", "--agency", "sekda", "--role", "raja"], ["unknown role 'raja'"])

    # A sandbox keeps both open and unrecorded.
    site = Site(regflow, source, "sandbox")
    site.must("init", "--sandbox")
    site.must("user", "add", "ani", "--agency", "dinas-kukm")
    site.must("user", "add", "admin1", "--agency", "biro-hukum", "--role", "admin")
    dossier = site.must("--as", "ani", "start", "mini", "--title", "Latihan",
                        "--bind", "pemrakarsa=dinas-kukm").strip()
    events = json.loads(site.must("--json", "history", dossier))
    check("a sandbox allows --as and --now and records neither",
          "administrator" not in events[0]["data"] and "entered_at" not in events[0]["data"],
          json.dumps(events[0]))


def main():
    regflow, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    for group in (data_loss, raw_bytes_title, read_only, authority):
        try:
            group(regflow, source)
        except Failure as e:
            failures.append(f"{group.__name__}: {e}")
    for failure in failures:
        print(f"FAILED: {failure}")
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
