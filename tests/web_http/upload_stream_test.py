"""The document upload and download stream (issue #18): a server with a 1 MiB document limit
(documents.max_size_mib: 1 in the test's own settings.yaml) and a 2 s request time-out.
HTTP level: a 0-byte file is refused, a file of exactly the limit is stored and downloaded byte
for byte (same SHA-256), one byte more is refused; a body over the route's limit is answered
with the Indonesian 413 page after it was sent whole (a browser would otherwise see a reset
connection), a chunked one too without reading it unbounded; a slow upload that keeps sending
succeeds past the 2 s time-out, a stalled one is cut off; no temporary file stays open. Then in
headless Chromium: a file over the limit shows the 413 page. Screenshots go to SCREENSHOT_DIR.
Usage: upload_stream_test.py REGFLOW_BINARY SOURCE_DIR SCREENSHOT_DIR"""

import hashlib
import html
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from server import Failure, Server

checks = 0
DOSSIER = "PERGUB-2021-0003"  # at penyusunan, held by dinas-kukm
MIB = 1024 * 1024
LIMIT = 1 * MIB  # documents.max_size_mib: 1
ROUTE_LIMIT = LIMIT + 64 * 1024  # plus the multipart framing
BOUNDARY = "----regflowStreamBoundary"
TOO_LARGE = "melebihi batas 1.0 MiB per dokumen"


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        raise Failure(what)


def multipart(fields, files):
    """fields: {name: text}; files: [(field, filename, bytes)]."""
    out = b""
    for name, value in fields.items():
        out += (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                .encode() + value.encode() + b"\r\n")
    for name, filename, data in files:
        out += (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; "
                f"filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                .encode() + data + b"\r\n")
    out += f"--{BOUNDARY}--\r\n".encode()
    return out


TYPE = f"multipart/form-data; boundary={BOUNDARY}"


def cli(server, *args):
    return subprocess.run([server.binary, "--db", server.db, "--now", server.now, *args],
                          env=server.env, capture_output=True, text=True, timeout=60)


def documents(server):
    done = cli(server, "--json", "documents", DOSSIER)
    check(done.returncode == 0, f"documents: {done.stderr}")
    data = json.loads(done.stdout)
    return data["documents"] if isinstance(data, dict) else data


def head(server, path, cookie, length, extra=""):
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nCookie: {cookie}\r\n"
            f"Content-Type: {TYPE}\r\n{extra}"
            + (f"Content-Length: {length}\r\n" if length is not None else "") + "\r\n").encode()


def answer_of(sock, timeout=10):
    """Everything the server sends until it closes; raises on a reset connection."""
    sock.settimeout(timeout)
    chunks = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        chunks.append(chunk)
    sock.close()
    return b"".join(chunks).decode("utf-8", "replace")


def download(server, cookie, kind, version):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.request("GET", f"/d/{DOSSIER}/documents/{kind}/{version}", headers={"Cookie": cookie})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


def open_spool_files(server):
    """The server's descriptors of temporary files (all unlinked at once: '(deleted)')."""
    folder = f"/proc/{server.proc.pid}/fd"
    names = []
    for fd in os.listdir(folder):
        try:
            names.append(os.readlink(os.path.join(folder, fd)))
        except OSError:
            pass
    return [n for n in names if ".regflow-spool-" in n]


def http_part(server):
    budi, _ = server.sign_in("budi")  # dinas-kukm: owns the drafting step
    csrf = server.csrf_of(budi)
    path = f"/d/{DOSSIER}/documents"

    def post(data, name="draf.pdf", kind="naskah"):
        return server.request("POST", path, cookie=budi, headers={"Content-Type": TYPE},
                              body=multipart({"csrf": csrf, "kind": kind}, [("file", name, data)]))

    # 0 bytes: the engine's refusal, nothing written.
    response, page = post(b"", "kosong.pdf")
    check(response.status == 422 and 'role="alert"' in page, f"empty file: {response.status}")
    check(documents(server) == [], "the empty file was stored")

    # Exactly the limit: stored, and downloaded byte for byte.
    exact = os.urandom(LIMIT - 6) + b"\r\n--" + BOUNDARY[:2].encode()  # ends like a delimiter
    response, _ = post(exact, "tepat-batas.pdf")
    check(response.status == 303, f"a file of exactly the limit: {response.status}")
    listed = documents(server)
    check(len(listed) == 1 and listed[0]["size"] == LIMIT and
          listed[0]["sha256"] == hashlib.sha256(exact).hexdigest(), f"listed: {listed}")
    response, data = download(server, budi, "naskah", 1)
    check(response.status == 200 and data == exact and
          hashlib.sha256(data).hexdigest() == listed[0]["sha256"],
          f"download: {response.status}, {len(data)} bytes")
    check(response.getheader("Content-Length") == str(LIMIT), "Content-Length of the download")
    check(response.getheader("Content-Disposition", "").startswith(
        'attachment; filename="tepat-batas.pdf"'), "Content-Disposition of the download")
    check(response.getheader("X-Content-Type-Options") == "nosniff", "nosniff on the download")
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.request("HEAD", f"/d/{DOSSIER}/documents/naskah/1", headers={"Cookie": budi})
    response = conn.getresponse()
    check(response.status == 200 and response.read() == b"", "HEAD of a download has no body")
    conn.close()

    # One byte more: within the route's limit (the framing), so read, and refused by the engine.
    response, page = post(os.urandom(LIMIT + 1), "satu-byte-lebih.pdf")
    check(response.status == 422 and 'role="alert"' in page, f"limit + 1: {response.status}")
    check(len(documents(server)) == 1, "the file over the limit was stored")

    # A body over the route's limit, sent whole: read and dropped, then the 413 page.
    body = multipart({"csrf": csrf, "kind": "naskah"}, [("file", "besar.pdf", b"x" * ROUTE_LIMIT)])
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall(head(server, path, budi, len(body)) + body)
    answer = answer_of(sock)
    check(answer.startswith("HTTP/1.1 413"), f"over the limit: {answer[:200]}")
    check(TOO_LARGE in html.unescape(answer) and "text/html" in answer,
          f"the 413 page is not the Indonesian page: {answer[:600]}")
    # Far over it (more than twice): answered from the header, and the connection is drained
    # rather than reset while the client still sends.
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall(head(server, path, budi, 3 * ROUTE_LIMIT))
    sent = 0
    try:
        while sent < 3 * ROUTE_LIMIT:
            sock.sendall(b"y" * 65536)
            sent += 65536
    except OSError as e:
        raise Failure(f"the server reset the connection of a body far over the limit: {e}")
    answer = answer_of(sock)
    check(answer.startswith("HTTP/1.1 413") and TOO_LARGE in html.unescape(answer),
          f"far over the limit: {answer[:200]}")

    # Chunked, without Content-Length: refused once the limit is passed, not read on.
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall(head(server, path, budi, None, "Transfer-Encoding: chunked\r\n"))
    chunk = b"10000\r\n" + b"z" * 65536 + b"\r\n"
    sent = 0
    answer = ""
    try:
        for _ in range(10 * ROUTE_LIMIT // 65536):  # ten times the limit, if it were read
            sock.sendall(chunk)
            sent += 65536
    except OSError:
        pass  # the server stopped reading: expected
    answer = answer_of(sock)
    check(answer.startswith("HTTP/1.1 413"), f"chunked over the limit: {answer[:200]}")
    check(len(documents(server)) == 1, "a refused upload was stored")

    # A slow upload that keeps sending: 6 pieces a second apart, past the 2 s time-out.
    data = os.urandom(300 * 1024)
    body = multipart({"csrf": csrf, "kind": "lainnya"}, [("file", "lambat.pdf", data)])
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=20)
    sock.sendall(head(server, path, budi, len(body), "Connection: close\r\n"))
    started = time.monotonic()
    piece = len(body) // 6 + 1
    for at in range(0, len(body), piece):
        time.sleep(1)
        sock.sendall(body[at:at + piece])
    answer = answer_of(sock, 20)
    check(time.monotonic() - started > 5, "the slow upload was not slow")
    check(answer.startswith("HTTP/1.1 303"), f"slow upload: {answer[:300]}")
    check(any(d["name"] == "lambat.pdf" and d["sha256"] == hashlib.sha256(data).hexdigest()
              for d in documents(server)), "the slow upload was not stored")

    # A stalled one (a few bytes, then nothing) is cut off after the time-out.
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=20)
    sock.sendall(head(server, path, budi, len(body)) + body[:100])
    started = time.monotonic()
    try:
        answer = answer_of(sock, 20)
    except ConnectionResetError:
        answer = ""
    waited = time.monotonic() - started
    check(answer == "" and 1.5 < waited < 6, f"a stalled upload: {waited:.1f} s, {answer[:100]!r}")

    # Every temporary file is closed (and so gone) once its request is answered.
    time.sleep(0.5)
    check(open_spool_files(server) == [], f"temporary files still open: {open_spool_files(server)}")
    leftovers = [n for n in os.listdir(os.path.dirname(server.db)) if "spool" in n]
    check(leftovers == [], f"temporary files left beside the database: {leftovers}")
    return budi


def browser_part(server, folder):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
    from browser_test import browser, shot, sign_in
    os.makedirs(folder, exist_ok=True)
    driver = browser(390, 844)
    try:
        base = f"http://127.0.0.1:{server.port}"
        sign_in(driver, base, "budi")
        for label, size in [("413", LIMIT + 512 * 1024), ("413-far", 4 * LIMIT)]:
            driver.get(f"{base}/d/{DOSSIER}#dokumen")
            form = driver.find_element(By.CSS_SELECTOR, "form.upload-form")
            with tempfile.TemporaryDirectory() as tmp:
                name = os.path.join(tmp, "pindaian-besar.pdf")
                with open(name, "wb") as f:
                    f.write(os.urandom(size))
                Select(form.find_element(By.NAME, "kind")).select_by_value("naskah")
                form.find_element(By.NAME, "file").send_keys(name)
                form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
                WebDriverWait(driver, 30).until(
                    lambda d: TOO_LARGE in html.unescape(d.page_source))
            text = driver.find_element(By.TAG_NAME, "main").text
            check(TOO_LARGE in text and "413" in text, f"browser {label}: {text[:400]}")
            shot(driver, folder, f"upload-stream-{label}-390")
    finally:
        driver.quit()


def main(binary, source, folder):
    with tempfile.TemporaryDirectory(prefix="regflow-stream-config-") as config:
        shutil.copytree(os.path.join(source, "workflows"), os.path.join(config, "workflows"))
        shutil.copytree(os.path.join(source, "rules"), os.path.join(config, "rules"))
        with open(os.path.join(source, "settings.yaml")) as f:
            settings = f.read()
        with open(os.path.join(config, "settings.yaml"), "w") as f:
            f.write(settings + "\ndocuments:\n  max_size_mib: 1\n")
        server = Server(binary, source, extra=("--request-timeout", "2"), config_dir=config)
        try:
            http_part(server)
            browser_part(server, folder)
            verify = cli(server, "verify")
            check(verify.returncode == 0, f"verify: {verify.stdout}{verify.stderr}")
        finally:
            code = server.stop()
        check(code == 0, f"serve exited {code}")
    print(f"upload_stream_test: {checks} checks passed")


if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2], sys.argv[3])
    except Failure as e:
        print(f"FAILED: {e}", file=sys.stderr)
        sys.exit(1)
