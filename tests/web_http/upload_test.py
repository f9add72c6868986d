"""The document upload of the dossier page (POST /d/ID/documents, multipart/form-data): an
involved person's upload is the same attachment as `regflow attach` (listed with its SHA-256,
`regflow verify` ok); refusals (no CSRF token, an outsider, an empty file, an unknown kind,
malformed multipart, a body over the limit) write nothing. Then the form in headless Chromium
at phone width, the file given with send_keys. Screenshots go to SCREENSHOT_DIR.
Usage: upload_test.py REGFLOW_BINARY SOURCE_DIR SCREENSHOT_DIR"""

import hashlib
import html
import json
import os
import re
import socket
import subprocess
import sys
import tempfile

from server import Failure, Server

checks = 0
DOSSIER = "PERGUB-2021-0003"  # at penyusunan, held by dinas-kukm
LIMIT = 50 * 1024 * 1024 + 64 * 1024  # documents.max_size_mib (50) plus the multipart framing


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        raise Failure(what)


def multipart(fields, files, boundary="----regflowTestBoundary7MA4YWxk"):
    """fields: {name: text}; files: [(field, filename, bytes)]."""
    out = b""
    for name, value in fields.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                .encode() + value.encode() + b"\r\n")
    for name, filename, data in files:
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; "
                f"filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                .encode() + data + b"\r\n")
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"


def cli(server, *args):
    return subprocess.run([server.binary, "--db", server.db, "--now", server.now, *args],
                          env=server.env, capture_output=True, text=True, timeout=60)


def documents(server):
    done = cli(server, "--json", "documents", DOSSIER)
    check(done.returncode == 0, f"documents: {done.stderr}")
    data = json.loads(done.stdout)
    return data["documents"] if isinstance(data, dict) else data


def events(server):
    done = cli(server, "--json", "history", DOSSIER)
    check(done.returncode == 0, f"history: {done.stderr}")
    return len(json.loads(done.stdout))


def raw(server, data, timeout=10):
    s = socket.create_connection(("127.0.0.1", server.port), timeout=timeout)
    s.sendall(data)
    chunks = []
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    except (socket.timeout, ConnectionResetError):
        pass
    s.close()
    return b"".join(chunks).decode("latin-1")


def http_part(server):
    budi, _ = server.sign_in("budi")  # dinas-kukm: owns the drafting step
    csrf = server.csrf_of(budi)
    path = f"/d/{DOSSIER}/documents"

    # The form on the dossier page, with the kinds and the CSRF token.
    response, page = server.request("GET", f"/d/{DOSSIER}", cookie=budi)
    check(response.status == 200 and 'enctype="multipart/form-data"' in page and
          f'action="{path}"' in page and 'name="csrf"' in page and 'type="file"' in page,
          f"no upload form on the dossier page: {page[:300]}")
    check('<option value="naskah">Naskah rancangan</option>' in page, "the kinds' titles")

    def post(body_type, cookie=budi):
        body, type_ = body_type
        return server.request("POST", path, body=body, cookie=cookie,
                              headers={"Content-Type": type_})

    # A binary file with every byte value, CR LF and something like a boundary inside.
    data = bytes(range(256)) * 40 + b"\r\n------regflowTestBoundary7MA4YWx\r\n" + b"\x00end"
    before = events(server)
    response, _ = post(multipart({"csrf": csrf, "kind": "naskah", "note": "draf pertama"},
                                 [("file", "draf naskah.pdf", data)]))
    check(response.status == 303 and "written=" in response.getheader("Location"),
          f"upload: {response.status}")
    check(events(server) == before + 1, "the upload wrote not one event")
    listed = documents(server)
    check(len(listed) == 1 and listed[0]["sha256"] == hashlib.sha256(data).hexdigest() and
          listed[0]["name"] == "draf naskah.pdf" and listed[0]["actor"] == "budi" and
          listed[0]["kind"] == "naskah" and listed[0]["size"] == len(data), f"listed: {listed}")
    verify = cli(server, "verify")
    check(verify.returncode == 0, f"verify after upload: {verify.stdout}{verify.stderr}")
    response, page = server.request("GET", response.getheader("Location"), cookie=budi)
    check("Tercatat" in page and "draf naskah.pdf" in page, "written notice after upload")
    response, body = server.request("GET", f"/d/{DOSSIER}/documents/naskah/1", cookie=budi)
    check(response.status == 200, f"download: {response.status}")

    # A path in the file name: only its base name is kept.
    response, _ = post(multipart({"csrf": csrf, "kind": "lainnya"},
                                 [("file", "../../etc/passwd", b"root:x:0:0\n")]))
    check(response.status == 303, f"upload ../../etc/passwd: {response.status}")
    check(documents(server)[-1]["name"] == "passwd", f"stored as {documents(server)[-1]}")
    response, _ = post(multipart({"csrf": csrf, "kind": "lainnya"},
                                 [("file", "C:\\Users\\budi\\surat.txt", b"surat\n")]))
    check(response.status == 303 and documents(server)[-1]["name"] == "surat.txt",
          "a Windows path is kept as its base name")

    count = events(server)
    # Refusals that write nothing.
    response, _ = post(multipart({"kind": "naskah"}, [("file", "a.pdf", b"x")]))
    check(response.status == 403, f"no CSRF token: {response.status}")
    response, page = post(multipart({"csrf": csrf, "kind": "naskah"}, [("file", "kosong.pdf", b"")]))
    check(response.status == 422 and 'role="alert"' in page, f"empty file: {response.status}")
    response, page = post(multipart({"csrf": csrf, "kind": "surat_cinta"}, [("file", "a.pdf", b"x")]))
    check(response.status == 422 and "surat_cinta" in html.unescape(page),
          f"unknown kind: {response.status}")
    response, page = post(multipart({"csrf": csrf, "kind": "naskah"}, [("file", "a\x01b.pdf", b"x")]))
    check(response.status == 422, f"control character in the name: {response.status}")
    response, page = post(multipart({"csrf": csrf, "kind": "naskah"}, []))
    check(response.status == 400, f"no file part: {response.status}")
    # Malformed multipart: 400 with an Indonesian sentence.
    body, type_ = multipart({"csrf": csrf, "kind": "naskah"}, [("file", "a.pdf", b"x")])
    for what, bad_body, bad_type in [
            ("no closing boundary", body[:-30], type_),
            ("another boundary", body, "multipart/form-data; boundary=other"),
            ("no boundary", body, "multipart/form-data"),
            ("urlencoded", b"csrf=" + csrf.encode() + b"&kind=naskah", "application/x-www-form-urlencoded"),
            ("no Content-Disposition", body.replace(b"Content-Disposition", b"X-Whatever"), type_),
            ("no blank line", b"--b\r\nContent-Disposition: form-data; name=\"x\"", "multipart/form-data; boundary=b")]:
        response, page = server.request("POST", path, body=bad_body, cookie=budi,
                                        headers={"Content-Type": bad_type})
        check(response.status == 400 and ("Unggahan tidak dapat dibaca" in page or
                                          "formulir unggah" in page),
              f"malformed ({what}): {response.status} {page[:200]}")
    # Far over the limit (more than twice): refused from the header, before the body is read.
    # (Within twice the limit the body is read and dropped first: upload_stream_test.py.)
    answer = raw(server, (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {budi}\r\n"
                          f"Content-Type: {type_}\r\nContent-Length: {2 * LIMIT + 1}\r\n\r\n").encode()
                 + body)
    check(answer.startswith("HTTP/1.1 413"), f"over the limit: {answer[:200]}")
    # Just under it the body is read (and is then malformed here: 400, not 413).
    big = b"--x\r\n" + b"a" * (LIMIT - 10)
    response, page = server.request("POST", path, body=big, cookie=budi,
                                    headers={"Content-Type": "multipart/form-data; boundary=x"})
    check(response.status == 400, f"a body within the limit: {response.status}")
    # Every other route keeps the small limit.
    answer = raw(server, (f"POST /d/{DOSSIER}/act HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {budi}\r\n"
                          "Content-Type: application/x-www-form-urlencoded\r\n"
                          "Content-Length: 1000000\r\n\r\n").encode())
    check(answer.startswith("HTTP/1.1 413"), f"large body to /act: {answer[:200]}")
    check(events(server) == count, "a refused upload wrote an event")

    # An outsider: bpkad has no part in a Pergub; the form is not shown, the engine's refusal is.
    bambang, _ = server.sign_in("bambang")
    response, page = server.request("GET", f"/d/{DOSSIER}", cookie=bambang)
    check('enctype="multipart/form-data"' not in page and "upload-refused" in page,
          "the outsider sees the upload form")
    response, page = server.request(
        "POST", path, cookie=bambang,
        body=multipart({"csrf": server.csrf_of(bambang), "kind": "naskah"},
                       [("file", "a.pdf", b"x")])[0],
        headers={"Content-Type": multipart({}, [])[1]})
    check(response.status == 422, f"outsider upload: {response.status}")
    check(events(server) == count, "the outsider's upload wrote an event")
    return budi


def browser_part(server, folder):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
    from browser_test import browser, shot, sign_in
    os.makedirs(folder, exist_ok=True)
    driver = browser(390, 844)
    try:
        base = f"http://127.0.0.1:{server.port}"
        sign_in(driver, base, "elfiana")
        driver.get(f"{base}/d/{DOSSIER}#dokumen")
        form = driver.find_element(By.CSS_SELECTOR, "form.upload-form")
        with tempfile.TemporaryDirectory() as tmp:
            name = os.path.join(tmp, "naskah-revisi.txt")
            with open(name, "wb") as f:
                f.write("Naskah revisi: Pasal 1 berbunyi …\n".encode())
            Select(form.find_element(By.NAME, "kind")).select_by_value("naskah")
            form.find_element(By.NAME, "file").send_keys(name)
            form.find_element(By.CSS_SELECTOR, "details summary").click()
            form.find_element(By.NAME, "note").send_keys("revisi pasal 1")
            driver.execute_script("arguments[0].scrollIntoView()", form)
            shot(driver, folder, "upload-01-form-390")
            form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(driver, 20).until(lambda d: "written=" in d.current_url)
        text = driver.find_element(By.TAG_NAME, "main").text
        check("Tercatat" in text and "naskah-revisi.txt" in text, f"browser upload: {text[:400]}")
        shot(driver, folder, "upload-02-written-390")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        check(width <= 390, f"the page is {width}px wide at phone width")
        listed = documents(server)
        check(any(d["name"] == "naskah-revisi.txt" and d["actor"] == "elfiana" and d["version"] == 2
                  for d in listed), f"browser upload listed: {listed}")
    finally:
        driver.quit()


def main(binary, source, folder):
    server = Server(binary, source)
    try:
        http_part(server)
        browser_part(server, folder)
        verify = cli(server, "verify")
        check(verify.returncode == 0, f"verify: {verify.stdout}{verify.stderr}")
    finally:
        code = server.stop()
    check(code == 0, f"serve exited {code}")
    print(f"upload_test: {checks} checks passed")


if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2], sys.argv[3])
    except Failure as e:
        print(f"FAILED: {e}", file=sys.stderr)
        sys.exit(1)
