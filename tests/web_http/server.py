"""Start `regflow serve` on a free loopback port over a fresh demo database, for the HTTP and
browser tests; sign in through the form as a browser would."""

import http.client
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse

NOW = "2021-03-01T09:00"
PASSWORD = "babel-2021"
# The start-up line is in the installation's language (the shipped settings.yaml: Indonesian),
# "regflow: serving DB on URL (3 workflows, 12 dossiers)" or "menyajikan DB di URL (3 prosedur,
# 12 berkas)"; only its address and numbers are read.
SERVING = re.compile(r"https?://127\.0\.0\.1:(\d+) \((\d+) \w+, (\d+) \w+\)")



class Failure(Exception):
    pass


class Server:
    def __init__(self, binary, source_dir, extra=(), tls_context=None, setup=(), now=NOW,
                 config_dir=None):
        self.tls_context = tls_context
        self.tmp = tempfile.TemporaryDirectory(prefix="regflow-web-test-")
        self.db = os.path.join(self.tmp.name, "babel.db")
        self.env = dict(os.environ)
        for name in ("REGFLOW_DB", "REGFLOW_USER", "REGFLOW_NOW", "REGFLOW_CONFIG", "REGFLOW_WEB"):
            self.env.pop(name, None)
        if config_dir is not None:  # workflows/, rules/ and settings.yaml of the test's own
            self.env["REGFLOW_CONFIG"] = config_dir
        self.env["TZ"] = "Asia/Jakarta"
        self.binary = binary
        self.now = now
        demo = subprocess.run([binary, "--db", self.db, "--now", now, "demo"], env=self.env,
                              capture_output=True, text=True, timeout=300)
        if demo.returncode != 0:
            raise Failure(f"regflow demo failed: {demo.stderr}")
        # Commands run on the demo database before it is served: (arguments, standard input);
        # what each printed is kept in setup_output.
        self.setup_output = []
        for args, stdin in setup:
            done = subprocess.run([binary, "--db", self.db, "--now", NOW, *args], env=self.env,
                                  input=stdin, capture_output=True, text=True, timeout=120)
            if done.returncode != 0:
                raise Failure(f"regflow {' '.join(args)} failed: {done.stderr}")
            self.setup_output.append(done.stdout.strip())
        self.proc = subprocess.Popen(
            [binary, "--db", self.db, "--now", now, "serve", "--listen", "127.0.0.1:0", *extra],
            env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        match = SERVING.search(line)
        if not match:
            self.proc.kill()
            raise Failure(f"unexpected start-up line {line!r}; stderr: {self.proc.stderr.read()}")
        self.port = int(match[1])
        self.banner = line

    def stop(self):
        self.proc.send_signal(2)  # SIGINT, as Ctrl-C
        try:
            out, err = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise Failure("regflow serve did not stop within 20 s of SIGINT")
        self.stdout_tail, self.log = out, err
        return self.proc.returncode

    def request(self, method, path, body=None, headers=None, cookie=None, origin=None):
        if self.tls_context is not None:
            conn = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=30,
                                               context=self.tls_context)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = dict(headers or {})
        if cookie:
            h["Cookie"] = cookie
        if origin:
            h["Origin"] = origin
        if body is not None and not isinstance(body, (bytes, str)):
            body = urllib.parse.urlencode(body)
            h.setdefault("Content-Type", "application/x-www-form-urlencoded")
        conn.request(method, path, body=body, headers=h)
        response = conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        conn.close()
        return response, data

    def login_form(self):
        response, page = self.request("GET", "/login")
        cookie = response.getheader("Set-Cookie").split(";")[0]
        csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page)[1]
        return cookie, csrf

    def sign_in(self, name, password=PASSWORD):
        cookie, csrf = self.login_form()
        response, page = self.request("POST", "/login",
                                      {"name": name, "password": password, "csrf": csrf},
                                      cookie=cookie)
        if response.status != 303:
            raise Failure(f"sign-in of {name} answered {response.status}: {page[:300]}")
        session = response.getheader("Set-Cookie")
        return session.split(";")[0], session

    def csrf_of(self, cookie):
        _, page = self.request("GET", "/account", cookie=cookie)
        return re.search(r'name="csrf" value="([0-9a-f]+)"', page)[1]
