#!/usr/bin/env python3
"""Uploads and downloads a 2 MiB and a 200 MiB document through `regflow serve` and prints the
server's peak RSS (VmHWM of /proc/PID/status) after each, with the ratio of 200 MiB to 2 MiB:
the web must stream documents as the command line does (issue #18), so memory must not grow
with the document. Each measurement gets a fresh server on the same database; after signing
in, its peak is reset to its present RSS (/proc/PID/clear_refs), which is the reference, so
that the peak is the document's alone. The client streams too (a generator body, chunked reads), so the figures
are the server's alone. Not part of ctest.

    python3 bench/web_documents.py [REGFLOW_BINARY] [WORK_DIR]

Defaults: build/release/cli/regflow if it exists, else build/dev/cli/regflow;
/tmp/regflow-web-docs."""

import hashlib
import http.client
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOSSIER = "PERGUB-2021-0003"  # at penyusunan, held by dinas-kukm (budi)
NOW = "2021-03-01T09:00"
BOUNDARY = "----regflowBenchBoundary"
PIECE = 256 * 1024


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmHWM:\s+(\d+) kB", f.read())[1])


def reset_peak(pid):
    """Sets VmHWM to the present RSS (Linux: 5 > /proc/PID/clear_refs), so that the peak
    measured next is the document's, not the sign-in's (Argon2id takes its own memory)."""
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("5")
    return peak_kib(pid)


class Serve:
    def __init__(self, binary, db, env):
        self.proc = subprocess.Popen(
            [binary, "--db", db, "--now", NOW, "serve", "--listen", "127.0.0.1:0",
             "--threads", "1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True)
        self.port = int(re.search(r"127\.0\.0\.1:(\d+)", self.proc.stdout.readline())[1])

    def conn(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)

    def sign_in(self, name):
        c = self.conn()
        c.request("GET", "/login")
        r = c.getresponse()
        page = r.read().decode()
        cookie = r.getheader("Set-Cookie").split(";")[0]
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page)[1]
        body = urllib.parse.urlencode({"name": name, "password": "babel-2021", "csrf": csrf})
        c.request("POST", "/login", body=body, headers={
            "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
        r = c.getresponse()
        r.read()
        session = r.getheader("Set-Cookie").split(";")[0]
        c.request("GET", "/account", headers={"Cookie": session})
        page = c.getresponse().read().decode()
        return session, re.search(r'name="csrf" value="([0-9a-f]+)"', page)[1]

    def stop(self):
        self.proc.send_signal(2)
        self.proc.wait(timeout=60)


def upload(server, session, csrf, path, name):
    size = os.path.getsize(path)
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
            f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nlainnya\r\n"
            f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").encode()
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()

    def body():
        yield head
        with open(path, "rb") as f:
            while piece := f.read(PIECE):
                yield piece
        yield tail

    c = server.conn()
    c.request("POST", f"/d/{DOSSIER}/documents", body=body(), headers={
        "Cookie": session, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
        "Content-Length": str(len(head) + size + len(tail))})
    r = c.getresponse()
    r.read()
    if r.status != 303:
        raise SystemExit(f"upload of {name} answered {r.status}")


def download(server, session, version):
    c = server.conn()
    c.request("GET", f"/d/{DOSSIER}/documents/lainnya/{version}", headers={"Cookie": session})
    r = c.getresponse()
    digest = hashlib.sha256()
    while piece := r.read(PIECE):
        digest.update(piece)
    if r.status != 200:
        raise SystemExit(f"download of version {version} answered {r.status}")
    return digest.hexdigest()


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while piece := f.read(PIECE):
            digest.update(piece)
    return digest.hexdigest()


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else None
    if binary is None:
        binary = os.path.join(ROOT, "build/release/cli/regflow")
        if not os.access(binary, os.X_OK):
            binary = os.path.join(ROOT, "build/dev/cli/regflow")
    work = sys.argv[2] if len(sys.argv) > 2 else "/tmp/regflow-web-docs"
    shutil.rmtree(work, ignore_errors=True)
    config = os.path.join(work, "config")
    os.makedirs(config)
    shutil.copytree(os.path.join(ROOT, "workflows"), os.path.join(config, "workflows"))
    shutil.copytree(os.path.join(ROOT, "rules"), os.path.join(config, "rules"))
    with open(os.path.join(ROOT, "settings.yaml")) as f:
        settings = f.read()
    with open(os.path.join(config, "settings.yaml"), "w") as f:
        # The shipped limit is 50 MiB; the measurement needs room for 200 MiB.
        f.write(settings + "\ndocuments:\n  max_size_mib: 256\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGFLOW_")}
    env["REGFLOW_CONFIG"] = config
    env["TZ"] = "Asia/Jakarta"
    db = os.path.join(work, "bench.db")
    subprocess.run([binary, "--db", db, "--now", NOW, "demo"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    files = {}
    for label, mib in [("2 MiB", 2), ("200 MiB", 200)]:
        path = os.path.join(work, f"{mib}.bin")
        with open(path, "wb") as f:
            for _ in range(mib * 4):
                f.write(os.urandom(PIECE))
        files[label] = path

    rows = []
    versions = {}
    for action in ["upload", "download"]:
        figures = {}
        for label, path in files.items():
            server = Serve(binary, db, env)
            try:
                session, csrf = server.sign_in("budi")
                reference = reset_peak(server.proc.pid)
                started = time.monotonic()
                if action == "upload":
                    upload(server, session, csrf, path, os.path.basename(path))
                    versions[label] = len(versions) + 1
                else:
                    if download(server, session, versions[label]) != sha256_of(path):
                        raise SystemExit(f"the download of {label} differs from its upload")
                seconds = time.monotonic() - started
                figures[label] = (reference, peak_kib(server.proc.pid), seconds)
            finally:
                server.stop()
        rows.append((action, figures))

    def ratio(a, b):
        return f"{a / b:.2f}" if b else "-"

    print(f"binary: {binary}")
    print("| measure | 2 MiB | 200 MiB | ratio 200/2 |")
    print("| --- | --- | --- | --- |")
    for action, figures in rows:
        (ref_s, peak_s, sec_s), (ref_l, peak_l, sec_l) = figures["2 MiB"], figures["200 MiB"]
        print(f"| {action}: server peak RSS KiB (VmHWM) | {peak_s} | {peak_l} | "
              f"{ratio(peak_l, peak_s)} |")
        print(f"| {action}: growth over the server's RSS before it, KiB | {peak_s - ref_s} | "
              f"{peak_l - ref_l} | {ratio(peak_l - ref_l, peak_s - ref_s)} |")
        print(f"| {action}: wall s | {sec_s:.2f} | {sec_l:.2f} | {ratio(sec_l, sec_s)} |")
    print("(downloads hashed against their files: SHA-256 equal; database "
          f"{os.path.getsize(db) // (1024 * 1024)} MiB)")


if __name__ == "__main__":
    main()
