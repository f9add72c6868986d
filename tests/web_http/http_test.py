"""HTTP-level tests of `regflow serve`: every route, status, header and refusal of issue 15.
Usage: http_test.py REGFLOW_BINARY SOURCE_DIR"""

import json
import re
import socket
import sys
import time

from server import Failure, Server

checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        raise Failure(what)


def raw(server, data, read_timeout=10):
    """Sends raw bytes and returns what the server answers before it closes."""
    s = socket.create_connection(("127.0.0.1", server.port), timeout=read_timeout)
    s.sendall(data)
    chunks = []
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    except socket.timeout:
        pass
    s.close()
    return b"".join(chunks).decode("latin-1")


def security_headers(response, path):
    csp = response.getheader("Content-Security-Policy") or ""
    check("frame-ancestors 'none'" in csp and "script-src 'self';" in csp and "unsafe" not in csp and "default-src 'none'" in csp,
          f"{path}: CSP is {csp!r}")
    check(response.getheader("X-Content-Type-Options") == "nosniff", f"{path}: no nosniff")
    check(response.getheader("Referrer-Policy") == "same-origin", f"{path}: Referrer-Policy")


def main(binary, source):
    feed_token = None
    server = Server(binary, source, extra=("--request-timeout", "2"))
    try:
        # In the installation's language, Indonesian (settings.yaml).
        check("(3 prosedur," in server.banner and "Ctrl-C untuk berhenti" in server.banner,
              server.banner)


        # Nothing but the sign-in page and the stylesheet without a session.
        for path in ["/", "/queue", "/d/PERDA-2021-0001", "/workflows", "/workflows/pergub",
                     "/account", "/d/PERDA-2021-0001/graph.svg"]:
            response, _ = server.request("GET", path)
            check(response.status == 303 and response.getheader("Location").startswith("/login?next="),
                  f"GET {path} without a session: {response.status}")
            security_headers(response, path)
        for path in ["/api/board", "/api/queue", "/api/d/PERDA-2021-0001", "/api/workflows",
                     "/api/d/PERDA-2021-0001/history"]:
            response, body = server.request("GET", path)
            check(response.status == 401 and "error" in json.loads(body), f"GET {path}: {response.status}")
        response, _ = server.request("GET", "/static/regflow.css")
        check(response.status == 200 and response.getheader("Content-Type").startswith("text/css"),
              "stylesheet")

        # Sign-in: the cookie's attributes; the form needs its CSRF token.
        cookie, csrf = server.login_form()
        response, _ = server.request("POST", "/login", {"name": "sari", "password": "babel-2021"},
                                     cookie=cookie)
        check(response.status == 403, f"sign-in without CSRF token: {response.status}")
        response, _ = server.request("POST", "/login", {"name": "sari", "password": "babel-2021",
                                                        "csrf": csrf}, cookie=cookie,
                                     origin="http://evil.example")
        check(response.status == 403, f"sign-in from another origin: {response.status}")
        session, set_cookie = server.sign_in("sari")
        check("HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie and "Secure" not in set_cookie,
              f"session cookie {set_cookie}")

        # Every page, signed in.
        response, page = server.request("GET", "/", cookie=session)
        check(response.status == 200, f"board {response.status}")
        security_headers(response, "/")
        check("Kerja sama pendampingan UMKM dengan OK OCE Indonesia" in page, "the full title on the board")
        check(re.search(r"terlambat \d+ hari", page) is not None, "days late in words")
        response, page = server.request("GET", "/?q=oce&agency=dinas-kukm", cookie=session)
        check(response.status == 200 and "OK OCE" in page, "filtered board")
        response, page = server.request("GET", "/?asof=2021-06-01", cookie=session)
        check(response.status == 200 and "Per Selasa, 1 Juni 2021" in page, "what-if date, as Indonesians write it")
        response, page = server.request("GET", "/?limit=2", cookie=session)
        check(response.status == 200 and page.count('class="title"') == 2 and "tampilkan semua" in page
              and "limit=0" in page, "a board page of 2 lines, with a link to all")
        response, page = server.request("GET", "/?limit=some", cookie=session)
        check(response.status == 400 and "bukan jumlah berkas" in page, "a bad limit, in the page's Indonesian")
        response, page = server.request("GET", "/?asof=1%20March", cookie=session)
        check(response.status == 400 and "gunakan HH/BB/TTTT atau TTTT-BB-HH" in page,
              f"bad as-of: {response.status}")
        response, page = server.request("GET", "/?agency=biro-hokum", cookie=session)
        check(response.status == 400 and "biro-hukum" in page,
              f"unknown agency: {response.status}")

        response, board_json = server.request("GET", "/api/board", cookie=session)
        board = json.loads(board_json)
        check(set(board) >= {"as_of", "matching", "dossiers", "totals", "late_by_agency"}, "api/board keys")
        late = [d for d in board["dossiers"] if d["status"] == "overdue"]
        check(late, "a late dossier in the demo")
        dossier_id = late[0]["id"]
        response, page = server.request("GET", f"/d/{dossier_id}", cookie=session)
        check(response.status == 200 and f"/d/{dossier_id}/graph.svg" in page and "Riwayat" in page,
              f"dossier page {response.status}")
        response, svg = server.request("GET", f"/d/{dossier_id}/graph.svg", cookie=session)
        check(response.status == 200 and response.getheader("Content-Type") == "image/svg+xml"
              and "<svg" in svg and "#f4a3a3" in svg, "dossier picture marks the late step")
        # Documents: the Governor's Pergub holds its naskah in two versions (the demo's).
        response, page = server.request("GET", "/d/PERGUB-2021-0001", cookie=session)
        check(response.status == 200 and "naskah-pergub-v2.md" in page
              and 'href="/d/PERGUB-2021-0001/documents/naskah/1"' in page, "documents on the dossier page")
        response, body = server.request("GET", "/d/PERGUB-2021-0001/documents/naskah/2", cookie=session)
        check(response.status == 200 and response.getheader("Content-Type") == "text/markdown"
              and response.getheader("Content-Disposition")
              == "attachment; filename=\"naskah-pergub-v2.md\"; filename*=UTF-8''naskah-pergub-v2.md"
              and "Pasal 5A" in body, f"download of naskah v2: {response.status}")
        security_headers(response, "a document download")
        for path in ["/d/PERGUB-2021-0001/documents/naskah/9", "/d/PERGUB-2021-0001/documents/naskah/0",
                     "/d/PERGUB-2021-0001/documents/naskah/1x", "/d/PERGUB-2021-0001/documents/surat/1",
                     "/d/PERGUB-2099-0001/documents/naskah/1"]:
            response, _ = server.request("GET", path, cookie=session)
            check(response.status == 404, f"GET {path}: {response.status}")
        for path in ["/d/PERGUB-2021-0001/documents/..%2F..%2Fdb/1", "/d/PERGUB-2021-0001/documents/%2e%2e/1"]:
            response, _ = server.request("GET", path, cookie=session)
            check(response.status in (400, 404), f"GET {path}: {response.status}")
        response, _ = server.request("GET", "/d/PERGUB-2021-0001/documents/naskah/1")
        check(response.status == 303, f"a document without a session: {response.status}")
        response, body = server.request("GET", f"/api/d/{dossier_id}", cookie=session)
        check(json.loads(body)["id"] == dossier_id, "api dossier")
        response, body = server.request("GET", f"/api/d/{dossier_id}/history", cookie=session)
        check(json.loads(body)[0]["seq"] == 1, "api history")
        response, body = server.request("GET", "/api/queue?agency=biro-hukum", cookie=session)
        check(response.status == 200 and "dossiers" in json.loads(body), "api queue")
        response, body = server.request("GET", "/api/workflows", cookie=session)
        check({w["name"] for w in json.loads(body)} == {"perda", "pergub", "kerjasama"}, "api workflows")
        for path in ["/queue", "/workflows", "/workflows/perda", "/account"]:
            response, _ = server.request("GET", path, cookie=session)
            check(response.status == 200, f"GET {path}: {response.status}")
        response, svg = server.request("GET", "/workflows/perda/graph.svg", cookie=session)
        check(response.status == 200 and "<svg" in svg, "workflow picture")
        response, _ = server.request("GET", "/d/PERDA-2099-0001", cookie=session)
        check(response.status == 404, "unknown dossier")
        response, _ = server.request("GET", "/no/such/page", cookie=session)
        check(response.status == 404, "unknown route")
        response, _ = server.request("DELETE", "/", cookie=session)
        check(response.status == 405, f"wrong method: {response.status}")

        # Personal API token and calendar feed: made by a POST with the CSRF token, shown once.
        token_csrf = server.csrf_of(session)
        response, _ = server.request("POST", "/account/api-token", {}, cookie=session)
        check(response.status == 403, "API token without CSRF")
        response, page = server.request("POST", "/account/api-token", {"csrf": token_csrf}, cookie=session)
        api_token = re.search(r"<code>([A-Za-z0-9_-]{43})</code>", page)[1]
        response, body = server.request("GET", "/api/board", headers={"Authorization": f"Bearer {api_token}"})
        check(response.status == 200 and json.loads(body)["dossiers"], "API by bearer token")
        response, _ = server.request("GET", "/api/board", headers={"Authorization": "Bearer " + "x" * 43})
        check(response.status == 401, "wrong bearer token")
        response, _ = server.request("GET", "/", headers={"Authorization": f"Bearer {api_token}"})
        check(response.status == 303, "the API token does not open pages")
        response, page = server.request("POST", "/account/feed", {"csrf": token_csrf}, cookie=session)
        feed_url = re.search(r"http://[^<]*/ics/([A-Za-z0-9_-]{43})/biro-hukum\.ics", page)
        check(feed_url is not None, "feed address shown")
        feed_path = feed_url[0].split(str(server.port), 1)[1]
        feed_token = feed_url[1]
        response, ics = server.request("GET", feed_path)
        check(response.status == 200 and ics.startswith("BEGIN:VCALENDAR"), f"feed {response.status}")
        cli_ics = __import__("subprocess").run(
            [binary, "--db", server.db, "--now", "2021-03-01T09:00", "ics", "--agency", "biro-hukum"],
            capture_output=True, text=True, env=server.env).stdout
        strip = lambda text: [l for l in text.replace("\r\n", "\n").split("\n") if not l.startswith("DTSTAMP")]
        check(strip(ics) == strip(cli_ics), "the feed is what 'regflow ics --agency' writes")
        server.request("POST", "/account/feed", {"csrf": token_csrf}, cookie=session)
        response, _ = server.request("GET", feed_path)
        check(response.status == 404, "a reset feed address is revoked")

        # Traversal, malformed and oversized requests: a clear 4xx, and the server carries on.
        for path in ["/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                     "/static/..%2fregflow.css", "/d/%zz"]:
            answer = raw(server, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            check(answer.startswith("HTTP/1.1 400"), f"traversal {path}: {answer[:40]!r}")
        answer = raw(server, b"GARBAGE\r\n\r\n")
        check(answer.startswith("HTTP/1.1 400"), f"malformed request: {answer[:40]!r}")
        answer = raw(server, b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n")
        check(answer.startswith("HTTP/1.1 431"), f"oversized header: {answer[:40]!r}")
        answer = raw(server, b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                             b"Content-Length: 200000\r\n\r\n" + b"a" * 70000)
        check(answer.startswith("HTTP/1.1 413"), f"oversized body: {answer[:40]!r}")

        # A slow client that never finishes its request is cut off after the read time-out (2 s).
        s = socket.create_connection(("127.0.0.1", server.port), timeout=15)
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        closed = s.recv(100)
        elapsed = time.monotonic() - started
        check(closed == b"" and elapsed < 6, f"slow client cut off after {elapsed:.1f}s ({closed!r})")
        s.close()

        # Idle connections are cut off after the read time-out, and the server carries on.
        idle = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(20)]
        time.sleep(3)
        for s in idle:
            check(s.recv(10) == b"", "an idle connection was not cut off after the time-out")
            s.close()
        response, _ = server.request("GET", "/login")
        check(response.status == 200, "the server carries on after bad requests")

        # Throttling: five free failures, then slowed, with one message whatever was wrong.
        messages = set()
        for attempt in range(5):
            cookie, csrf = server.login_form()
            response, page = server.request("POST", "/login", {"name": "budi", "password": f"wrong{attempt}xx",
                                                               "csrf": csrf}, cookie=cookie)
            check(response.status == 401, f"failed sign-in {attempt}: {response.status}")
            messages.add(re.search(r'role="alert">([^<]*)<', page)[1])
        cookie, csrf = server.login_form()
        response, page = server.request("POST", "/login", {"name": "nobody-here", "password": "whatever1",
                                                           "csrf": csrf}, cookie=cookie)
        messages.add(re.search(r'role="alert">([^<]*)<', page)[1])
        check(messages == {"Nama pengguna atau kata sandi salah."}, f"messages {messages}")
        cookie, csrf = server.login_form()
        response, page = server.request("POST", "/login", {"name": "budi", "password": "babel-2021",
                                                           "csrf": csrf}, cookie=cookie)
        check(response.status == 429 and response.getheader("Retry-After"),
              f"throttled even with the right password: {response.status}")
        check("Coba lagi dalam" in page, "throttle message")

        # A title with markup or terminal escapes shows as text.
        import subprocess
        env = dict(server.env, REGFLOW_NOW="2021-03-01T09:00")
        started = subprocess.run([binary, "--db", server.db, "--as", "sari", "start", "pergub", "--title",
                                  "<script>alert(1)</script>\x1b[31m merah", "--bind", "pemrakarsa=dinas-kukm",
                                  "--set", "jenis_pergub=biasa"], env=env, capture_output=True, text=True)
        check(started.returncode == 0, f"start with a hostile title: {started.stderr}")
        response, page = server.request("GET", "/?q=merah", cookie=session)
        check("<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;\u241b[31m merah" in page,
              "escaped title")
        # The board read before the start (and kept) shows it too: a commit empties the cache.
        response, page = server.request("GET", "/", cookie=session)
        check("&lt;script&gt;alert(1)&lt;/script&gt;" in page, "the cached board saw the new dossier")

        # Signing out ends the session, and the cookie no longer opens anything.
        response, _ = server.request("POST", "/logout", {"csrf": server.csrf_of(session)}, cookie=session)
        check(response.status == 303, "sign-out")
        response, _ = server.request("GET", "/", cookie=session)
        check(response.status == 303, "the session ended at sign-out")

        # A password change signs the user out everywhere.
        session, _ = server.sign_in("rudi")
        changed = subprocess.run([binary, "--db", server.db, "user", "passwd", "rudi", "--password-stdin"],
                                 input="another-pass-1\n", env=server.env, capture_output=True, text=True)
        check(changed.returncode == 0, f"user passwd: {changed.stderr}")
        response, _ = server.request("GET", "/", cookie=session)
        check(response.status == 303, "a password change ends the sessions")
        server.sign_in("rudi", "another-pass-1")
    finally:
        code = server.stop()
    check(code == 0, f"regflow serve exited {code} on SIGINT")
    check('"GET /login" 200' in server.log, "access log on stderr")
    check(feed_token not in server.log and '"GET /ics/\u2026/biro-hukum.ics" 200' in server.log,
          "the access log does not show feed tokens")
    # Past the connection cap, a new connection is told so at once. A server of its own with a
    # long read time-out, so that no idle connection is cut off (and its place freed) meanwhile.
    capped = Server(binary, source, extra=("--request-timeout", "60", "--max-connections", "10"))
    try:
        idle = [socket.create_connection(("127.0.0.1", capped.port)) for _ in range(12)]
        time.sleep(0.5)
        busy = raw(capped, b"GET /login HTTP/1.1\r\nHost: x\r\n\r\n", read_timeout=5)
        check(busy.startswith("HTTP/1.1 503"), f"over the cap: {busy[:40]!r}")
        for s in idle:
            s.close()
        time.sleep(0.5)
        response, _ = capped.request("GET", "/login")
        check(response.status == 200, "a place is free again once idle connections close")
    finally:
        capped.stop()
    print(f"ok: {checks} checks")


if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2])
    except Failure as e:
        print(f"FAILED: {e}")
        sys.exit(1)
