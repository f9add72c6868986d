"""The document comparison page (GET /d/ID/documents/KIND/diff?a=N&b=M) and the JDIH package
download (GET /d/ID/jdih.zip): HTTP-level (the same engine calls as `regflow diff` and
`regflow publish`, escaping, refusals), then headless Chromium at desktop and phone width with
screenshots in SCREENSHOT_DIR.
Usage: publication_test.py REGFLOW_BINARY SOURCE_DIR SCREENSHOT_DIR"""

import hashlib
import http.client
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile

from server import Failure, Server

checks = 0
DRAFTED = "PERGUB-2021-0001"  # the Governor's Pergub: naskah v1 and v2 (demo_documents.cpp)
PROMULGATED_TITLE = "Pergub Standar Pelayanan Dinas Koperasi dan UKM"
HOSTILE = "Pasal 9 <script>alert('x')</script> & \"kutipan\""


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        raise Failure(what)


def cli(server, *args):
    return subprocess.run([server.binary, "--db", server.db, "--now", server.now, *args],
                          env=server.env, capture_output=True, timeout=60)


def promulgated_id(server):
    done = cli(server, "--json", "list", "--workflow", "pergub")
    check(done.returncode == 0, f"list: {done.stderr}")
    rows = json.loads(done.stdout)
    rows = rows["dossiers"] if isinstance(rows, dict) else rows
    found = [r["id"] for r in rows if r["title"] == PROMULGATED_TITLE]
    check(len(found) == 1, f"the demo's promulgated Pergub: {rows}")
    return found[0]


def get_bytes(server, path, cookie):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def http_part(server, tmp):
    sari, _ = server.sign_in("sari")
    base = f"/d/{DRAFTED}/documents/naskah/diff"

    # The page shows what `regflow diff` shows: the same paragraphs removed and added.
    response, page = server.request("GET", base + "?a=1&b=2", cookie=sari)
    check(response.status == 200, f"diff page: {response.status} {page[:300]}")
    expected = json.loads(cli(server, "--json", "diff", DRAFTED, "naskah", "1", "2").stdout)
    for change in expected["changes"]:
        tag = "ins" if change["change"] == "added" else "del"
        check(f"<{tag}>{change['text']}</{tag}>" in page, f"diff page lacks {tag} {change['text']}")
    check("paragraf dihapus, 3 ditambahkan, 7 tidak berubah" in page, "diff summary in Indonesian")
    check('<span class="diff-sign">−</span>' in page and '<span class="diff-sign">+</span>' in page,
          "changes are marked by a sign, not by colour alone")

    # Text from a document is escaped.
    response, page = server.request("GET", base + "?a=2&b=3", cookie=sari)
    check(response.status == 200, f"diff 2-3: {response.status}")
    check("&lt;script&gt;alert(" in page and "<script>alert" not in page,
          "a paragraph's markup is shown as text")
    # A PDF has no text to compare: the engine's words, and the page still answers.
    response, page = server.request("GET", base + "?a=3&b=4", cookie=sari)
    check(response.status == 200 and "tidak dapat dibandingkan" in page,
          f"no text comparison for a PDF: {response.status} {page[:600]}")
    # Bad or unknown versions, and no session.
    response, _ = server.request("GET", base + "?a=x&b=2", cookie=sari)
    check(response.status == 400, f"a=x: {response.status}")
    response, _ = server.request("GET", base + "?a=1&b=9", cookie=sari)
    check(response.status == 404, f"b=9: {response.status}")
    response, _ = server.request("GET", base + "?a=1&b=2")
    check(response.status in (302, 303, 401), f"no session: {response.status}")

    # The dossier page offers the comparison, and no JDIH package before promulgation.
    response, page = server.request("GET", f"/d/{DRAFTED}", cookie=sari)
    check("Bandingkan dua versi" in page and f'action="{base}"' in page, "the compare form")
    check("Unduh paket JDIH" not in page, "no package button before promulgation")
    response, page = server.request("GET", f"/d/{DRAFTED}/jdih.zip", cookie=sari)
    check(response.status == 409 and "belum diundangkan" in page,
          f"refused before promulgation: {response.status} {page[:400]}")

    # The promulgated Pergub: the button, and the zip it downloads.
    pid = promulgated_id(server)
    response, page = server.request("GET", f"/d/{pid}", cookie=sari)
    check("Unduh paket JDIH" in page and f'href="/d/{pid}/jdih.zip"' in page, "the JDIH button")
    response, body = get_bytes(server, f"/d/{pid}/jdih.zip", sari)
    check(response.status == 200, f"jdih.zip: {response.status}")
    check(response.getheader("Content-Type") == "application/zip",
          f"content type {response.getheader('Content-Type')}")
    check(f'filename="{pid}-jdih.zip"' in response.getheader("Content-Disposition", ""),
          f"file name: {response.getheader('Content-Disposition')}")
    package = zipfile.ZipFile(io.BytesIO(body))
    check(package.testzip() is None, "the zip is whole")
    names = sorted(package.namelist())
    check(names == ["SHA256SUMS", "jdihn.json", "metadata.json", "pergub-5-2021-standar-pelayanan.md"],
          f"entries: {names}")
    product = os.path.join(tmp, "produk.md")
    done = cli(server, "document", pid, "produk_final", "-o", product)
    check(done.returncode == 0, f"document: {done.stderr}")
    with open(product, "rb") as f:
        stored = f.read()
    check(package.read("pergub-5-2021-standar-pelayanan.md") == stored, "the product byte for byte")
    metadata = json.loads(package.read("metadata.json"))
    check(metadata["document"]["sha256"] == hashlib.sha256(stored).hexdigest(), "its SHA-256")
    fields = {f["key"]: f["value"] for f in metadata["fields"]}
    check(fields["nomor_peraturan"] == "5" and fields["tanggal_pengundangan"] == "2021-02-03",
          f"fields: {fields}")
    # The same package as the command line's.
    cli_zip = os.path.join(tmp, "cli.zip")
    done = cli(server, "publish", pid, "-o", cli_zip)
    check(done.returncode == 0, f"publish: {done.stderr}")
    with open(cli_zip, "rb") as f:
        check(f.read() == body, "the web's package is the command line's")


def browser_part(server, folder):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
    from browser_test import browser, shot, sign_in
    os.makedirs(folder, exist_ok=True)
    pid = promulgated_id(server)
    for width, height, label in ((1280, 900, "desktop"), (390, 844, "390")):
        driver = browser(width, height)
        try:
            base = f"http://127.0.0.1:{server.port}"
            sign_in(driver, base, "sari")
            driver.get(f"{base}/d/{DRAFTED}#dokumen")
            form = driver.find_element(By.CSS_SELECTOR, "form.compare-form")
            Select(form.find_element(By.NAME, "a")).select_by_value("1")
            Select(form.find_element(By.NAME, "b")).select_by_value("2")
            driver.execute_script("arguments[0].scrollIntoView()", form)
            shot(driver, folder, f"diff-01-form-{label}")
            form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            WebDriverWait(driver, 20).until(lambda d: "/diff?" in d.current_url)
            text = driver.find_element(By.TAG_NAME, "main").text
            check("Pasal 5A" in text and "1 paragraf dihapus" in text, f"diff page: {text[:400]}")
            added = driver.find_elements(By.CSS_SELECTOR, "ul.diff .diff-added ins")
            removed = driver.find_elements(By.CSS_SELECTOR, "ul.diff .diff-removed del")
            check(len(added) == 3 and len(removed) == 1, f"{len(added)} ins, {len(removed)} del")
            shot(driver, folder, f"diff-02-page-{label}")
            scroll = driver.execute_script("return document.documentElement.scrollWidth")
            check(scroll <= width, f"the diff page is {scroll}px wide at {width}")
            driver.get(f"{base}/d/{pid}#dokumen")
            button = driver.find_element(By.CSS_SELECTOR, ".publication a.button")
            check(button.text == "Unduh paket JDIH", f"button: {button.text}")
            driver.execute_script("arguments[0].scrollIntoView()", button)
            shot(driver, folder, f"jdih-01-button-{label}")
            # The documents section alone, where the button is, for a reviewer to read.
            driver.find_element(By.ID, "dokumen").screenshot(
                os.path.join(folder, f"jdih-02-section-{label}.png"))
            scroll = driver.execute_script("return document.documentElement.scrollWidth")
            check(scroll <= width, f"the dossier page is {scroll}px wide at {width}")
        finally:
            driver.quit()


def main(binary, source, folder):
    with tempfile.TemporaryDirectory() as tmp:
        hostile = os.path.join(tmp, "naskah-v3.md")
        with open(hostile, "w", encoding="utf-8") as f:
            f.write(f"# Perubahan\n\n{HOSTILE}\n")
        scan = os.path.join(tmp, "naskah-v4.pdf")
        with open(scan, "wb") as f:
            f.write(b"%PDF-1.4\n% a scan, no text\n")
        setup = [(["--as", "sari", "attach", DRAFTED, hostile, "--kind", "naskah"], None),
                 (["--as", "sari", "attach", DRAFTED, scan, "--kind", "naskah"], None)]
        server = Server(binary, source, setup=setup)
        try:
            http_part(server, tmp)
            browser_part(server, folder)
        finally:
            code = server.stop()
    check(code == 0, f"serve exited {code}")
    print(f"publication_test: {checks} checks passed")


if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2], sys.argv[3])
    except Failure as e:
        print(f"FAILED: {e}", file=sys.stderr)
        sys.exit(1)
