"""HTTP tests of the governor's office's reports on the web (issue 19): the Statistik page shows
the figures of `regflow stats`, and the download buttons of the board and the statistics give
the very bytes `regflow board|stats --format csv` write (and a workbook with the same values),
for the page's filters, with the right Content-Type and a dated file name.
Usage: reports_test.py REGFLOW_BINARY SOURCE_DIR"""

import http.client
import io
import json
import re
import subprocess
import sys
import zipfile

from server import NOW, Failure, Server

checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        raise Failure(what)


def get(server, path, cookie, language=None):
    """GET returning the response and the body as bytes (a workbook is not text); `language`,
    when given, is the browser's Accept-Language."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    headers = {"Cookie": cookie}
    if language:
        headers["Accept-Language"] = language
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def cli(server, *args):
    """`regflow` on the server's database at the server's `now`, as bytes."""
    done = subprocess.run([server.binary, "--db", server.db, "--now", NOW, *args], env=server.env,
                          capture_output=True, timeout=120)
    if done.returncode != 0:
        raise Failure(f"regflow {' '.join(args)} failed: {done.stderr.decode()}")
    return done.stdout


def xlsx_texts(data):
    """Every shared string and inline value of a workbook, and its sheet names."""
    book = zipfile.ZipFile(io.BytesIO(data))
    names = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode())
    texts = []
    if "xl/sharedStrings.xml" in book.namelist():
        texts = re.findall(r"<t[^>]*>([^<]*)</t>", book.read("xl/sharedStrings.xml").decode())
    return names, texts


def statistics_page(server, cookie):
    response, body = get(server, "/statistik", cookie)
    page = body.decode()
    check(response.status == 200, f"/statistik answered {response.status}")
    check("<h1>Statistik berkas</h1>" in page, "the statistics page's title")
    figures = json.loads(cli(server, "--json", "stats"))
    check(f"{figures['dossiers']} berkas" in page, f"{figures['dossiers']} dossiers not on the page")
    for step in figures["steps"]:
        check(step["title"].replace("'", "&#39;") in page, f"step {step['title']!r} not on the page")
    # The step that most often goes late comes first, with its figures in the same order as JSON.
    first = figures["steps"][0]
    row = re.search(r'<tbody>\s*<tr[^>]*><td>[^<]*</td><td>([^<]*) <span class="unit">', page)
    check(row and row[1] == first["title"].replace("'", "&#39;"), f"first step row {row and row[1]}")
    check(page.count("<svg") == 2 and "Berkas per bulan" in page, "the two charts inline")
    check("Keadaan per Senin, 1 Maret 2021 pukul 09.00" in page, "the as-of line with the time")
    check('href="/statistik/unduh?format=xlsx"' in page, "the XLSX download button")
    check('data-print hidden' in page and '<script src="/static/print.js" defer>' in page,
          "the print button and its script")
    check('href="/statistik" aria-current="page">Statistik</a>' in page, "the nav link")

    response, body = get(server, "/statistik?workflow=pergub&from=2021-01-01", cookie)
    page = body.decode()
    pergub = json.loads(cli(server, "--json", "stats", "--workflow", "pergub", "--from", "2021-01-01"))
    check(f"{pergub['dossiers']} berkas" in page and "prosedur pergub" in page, "filtered page")
    check("/statistik/unduh?format=xlsx&amp;workflow=pergub&amp;from=2021-01-01" in page,
          "the downloads keep the filters")

    # The page's computed part (charts, units, months) is cached per language: an Indonesian
    # reader first, then an English one, each gets their own words, the charts' included.
    _, body = get(server, "/statistik?workflow=perda", cookie, "id")
    check("<title>Berkas per bulan</title>" in body.decode(), "Indonesian chart title")
    _, body = get(server, "/statistik?workflow=perda", cookie, "en")
    check("<title>Dossiers per month</title>" in body.decode()
          and "Berkas per bulan" not in body.decode(), "English chart title after an Indonesian view")

    for query, message in [("workflow=pergubb", "unknown workflow 'pergubb' (did you mean 'pergub'?); loaded workflows: 'kerjasama', 'perda', 'pergub'"),
                           ("agency=biro", "unknown agency 'biro'"),
                           ("from=2021-13-01",
                            "--from '2021-13-01' is not a date; expected DD/MM/YYYY or YYYY-MM-DD"),
                           ("from=2021-03-01&to=2021-01-01",
                            "--from 2021-03-01 is after --to 2021-01-01; give a period that runs forward")]:
        response, body = get(server, "/statistik?" + query, cookie, "en")
        check(response.status == 400 and message.replace("'", "&#39;") in body.decode(),
              f"/statistik?{query}: {response.status} {body[:300]!r}")
    # In Indonesian the whole refusal is Indonesian, its suggestion too (it used to say "did you
    # mean" inside an Indonesian sentence).
    response, body = get(server, "/statistik?workflow=pergubb", cookie, "id")
    check(response.status == 400 and "(maksud Anda &#39;pergub&#39;?)" in body.decode()
          and "did you mean" not in body.decode(), f"Indonesian refusal: {body[:300]!r}")


def downloads(server, cookie):
    for path, args, name in [
            ("/statistik/unduh?format=csv", ["stats", "--format", "csv"], "statistik-langkah-2021-03-01.csv"),
            ("/statistik/unduh?format=csv&table=target&workflow=pergub",
             ["stats", "--format", "csv", "--table", "target", "--workflow", "pergub"],
             "statistik-target-2021-03-01.csv"),
            ("/statistik/unduh?format=csv&table=umur&to=2021-02-01",
             ["stats", "--format", "csv", "--table", "umur", "--to", "2021-02-01"],
             "statistik-umur-2021-02-01.csv"),
            ("/papan/unduh?format=csv", ["board", "--format", "csv"], "papan-2021-03-01.csv"),
            ("/papan/unduh?format=csv&agency=dinas-kukm&status=overdue",
             ["board", "--format", "csv", "--agency", "dinas-kukm", "--status", "overdue"],
             "papan-2021-03-01.csv")]:
        response, body = get(server, path, cookie)
        check(response.status == 200, f"{path}: {response.status} {body[:200]!r}")
        check(response.getheader("Content-Type") == "text/csv; charset=utf-8",
              f"{path}: Content-Type {response.getheader('Content-Type')}")
        check(response.getheader("Content-Disposition") == f'attachment; filename="{name}"',
              f"{path}: Content-Disposition {response.getheader('Content-Disposition')}")
        check(body.startswith(b"\xef\xbb\xbf") and b"\r\n" in body, f"{path}: no BOM or CRLF")
        check(body == cli(server, *args), f"{path}: not the bytes of regflow {' '.join(args)}")

    response, body = get(server, "/statistik/unduh?format=xlsx&workflow=perda", cookie)
    check(response.status == 200 and response.getheader("Content-Type") ==
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          f"stats xlsx: {response.status} {response.getheader('Content-Type')}")
    check(response.getheader("Content-Disposition") == 'attachment; filename="statistik-2021-03-01.xlsx"',
          "stats xlsx file name")
    names, texts = xlsx_texts(body)
    check(names == ["langkah", "instansi", "tepat-waktu", "tenggat", "perpanjangan", "per-bulan",
                    "umur", "target"], f"stats sheets {names}")
    perda = json.loads(cli(server, "--json", "stats", "--workflow", "perda"))
    for step in perda["steps"]:
        check(step["title"] in texts, f"stats xlsx lacks step {step['title']!r}")

    response, body = get(server, "/papan/unduh?format=xlsx&workflow=pergub", cookie)
    check(response.status == 200 and response.getheader("Content-Disposition") ==
          'attachment; filename="papan-2021-03-01.xlsx"', "board xlsx")
    names, texts = xlsx_texts(body)
    board = json.loads(cli(server, "--json", "board", "--workflow", "pergub"))
    check(len(names) == 1 and board["dossiers"], f"board sheets {names}")
    for dossier in board["dossiers"]:
        check(dossier["id"] in texts and dossier["title"] in texts, f"board xlsx lacks {dossier['id']}")

    for path, message in [("/papan/unduh?format=pdf", "format 'pdf' cannot be downloaded"),
                          ("/statistik/unduh", "format '' cannot be downloaded"),
                          ("/statistik/unduh?format=csv&table=langka", "unknown table 'langka' (did you mean 'langkah'?)"),
                          ("/papan/unduh?format=csv&agency=nope", "unknown agency 'nope'")]:
        response, body = get(server, path, cookie, "en")
        check(response.status == 400 and message.replace("'", "&#39;") in body.decode(),
              f"{path}: {response.status} {body[:300]!r}")


def main(binary, source):
    server = Server(binary, source)
    try:
        for path in ["/statistik", "/statistik/unduh?format=csv", "/papan/unduh?format=xlsx"]:
            response, _ = server.request("GET", path)
            check(response.status == 303 and response.getheader("Location").startswith("/login?next="),
                  f"GET {path} without a session: {response.status}")
        response, script = server.request("GET", "/static/print.js")
        check(response.status == 200 and "window.print()" in script and
              response.getheader("Content-Type") == "text/javascript; charset=utf-8", "print.js")
        cookie, _ = server.sign_in("gubernur")
        statistics_page(server, cookie)
        downloads(server, cookie)
        response, body = get(server, "/", cookie)
        page = body.decode()
        check('href="/papan/unduh?format=xlsx"' in page and 'href="/papan/unduh?format=csv"' in page,
              "the board's download buttons")
        response, body = get(server, "/?agency=dinas-kukm&limit=5", cookie)
        check('href="/papan/unduh?format=csv&amp;agency=dinas-kukm"' in body.decode(),
              "the board's downloads keep its filters but not its screen limit")
    finally:
        server.stop()
    print(f"ok: {checks} checks")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:3])
    except Failure as e:
        print(f"FAILED: {e}")
        sys.exit(1)
