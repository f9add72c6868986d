"""HTTP-level tests of the administration pages and the corrections on the dossier page
(issue 16): only an administrator administers (everyone else gets 403); a user added in the
browser signs in, a password reset signs them out, a deactivated user can no longer sign in or
act; only the agency that started a dossier corrects or cancels it, whatever the request body
says; a kendala shows on the board; `regflow verify` is ok afterwards.
Usage: admin_test.py REGFLOW_BINARY SOURCE_DIR"""

import json
import pwd
import os
import re
import subprocess
import sys

from server import Failure, Server, NOW, PASSWORD

checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        raise Failure(what)


def setup_commands():
    """A dossier started by mistake by budi (Dinas KUKM), then an administrator tied to the
    login running the test (so that the command line knows who sets their password)."""
    login = pwd.getpwuid(os.geteuid()).pw_name
    return [
        (["--as", "budi", "start", "pergub", "--title", "Pergub Pendampingan UMKN",
          "--bind", "pemrakarsa=dinas-kukm", "--set", "jenis_pergub=biasa"], None),
        (["user", "add", "adm", "--agency", "biro-hukum", "--role", "admin", "--login", login], None),
        (["user", "passwd", "adm", "--password-stdin"], PASSWORD + "\n"),
    ]


def post(server, path, fields, session):
    fields = dict(fields)
    fields["csrf"] = server.csrf_of(session)
    return server.request("POST", path, fields, cookie=session)


def history_length(server, session, dossier):
    _, body = server.request("GET", f"/api/d/{dossier}/history", cookie=session)
    return len(json.loads(body))


def administration(server):
    staff, _ = server.sign_in("sari")
    response, page = server.request("GET", "/admin", cookie=staff)
    check(response.status == 403 and "hanya untuk administrator" in page,
          f"a staf member on /admin: {response.status}")
    check('href="/admin"' not in server.request("GET", "/", cookie=staff)[1],
          "no administration link for a staf member")
    for path, fields in [("/admin/users", {"name": "mallory", "role": "admin",
                                           "agency.biro-hukum": "1", "password": "a-long-password"}),
                         ("/admin/password", {"name": "rudi", "password": "a-long-password"}),
                         ("/admin/deactivate", {"name": "rudi"})]:
        response, page = post(server, path, fields, staff)
        check(response.status == 403 and "hanya untuk administrator" in page,
              f"a staf member's crafted POST {path}: {response.status}")

    admin, _ = server.sign_in("adm")
    response, page = server.request("GET", "/admin", cookie=admin)
    check(response.status == 200 and "Tambah pengguna" in page and "sari" in page,
          f"/admin for the administrator: {response.status}")
    check("memperpanjang tenggat" in page and "paraf koordinasi" in page, "roles and permissions shown")
    check("Dinas Koperasi" in page and "instansi luar" in page, "agencies with their kind")
    check("mallory" not in page, "the staf member's crafted registration wrote nothing")
    response, _ = server.request("POST", "/admin/users", {"name": "nina", "role": "staf",
                                                          "agency.dinas-kukm": "1",
                                                          "password": "a-long-password"},
                                 cookie=admin)
    check(response.status == 403, f"registration without the CSRF token: {response.status}")

    response, page = post(server, "/admin/users", {"name": "nina", "role": "staf",
                                                   "agency.dinas-kukm": "1", "password": "short"},
                          admin)
    check(response.status == 422 and "Ditolak" in page and "terlalu pendek (5 karakter)" in page,
          f"a short first password: {response.status} {page[:200]}")
    response, page = post(server, "/admin/users", {"name": "nina", "role": "stafff",
                                                   "agency.dinas-kukm": "1",
                                                   "password": "a-long-password"}, admin)
    check(response.status == 422 and "peran &#39;stafff&#39; tidak dikenal" in page
          and "maksud Anda &#39;staf&#39;" in page,
          f"an unknown role, in the engine's words translated: {response.status}")
    response, page = post(server, "/admin/users", {"name": "nina", "role": "staf",
                                                   "agency.dinas-kukm": "1",
                                                   "password": "a-long-password"}, admin)
    check(response.status == 200 and "terdaftar" in page, f"registration: {response.status}")
    nina, _ = server.sign_in("nina", "a-long-password")
    check(server.request("GET", "/queue", cookie=nina)[0].status == 200, "nina works")

    response, page = post(server, "/admin/password", {"name": "nina", "password": "another-password"},
                          admin)
    check(response.status == 200 and "diganti" in page, f"password reset: {response.status}")
    check(server.request("GET", "/queue", cookie=nina)[0].status == 303,
          "the reset signed nina's open session out")
    nina, _ = server.sign_in("nina", "another-password")

    response, page = post(server, "/admin/deactivate", {"name": "adm"}, admin)
    check(response.status == 422 and "tidak boleh menonaktifkan dirinya sendiri" in page,
          f"an administrator deactivating themselves: {response.status}")
    response, page = post(server, "/admin/deactivate", {"name": "nina"}, admin)
    check(response.status == 200 and "dinonaktifkan" in page, f"deactivation: {response.status}")
    check(server.request("GET", "/queue", cookie=nina)[0].status == 303,
          "deactivation signed nina out")
    cookie, csrf = server.login_form()
    response, page = server.request("POST", "/login", {"name": "nina", "password": "another-password",
                                                       "csrf": csrf}, cookie=cookie)
    check(response.status == 403 and "dinonaktifkan" in page,
          f"a deactivated user signing in: {response.status}")
    response, page = post(server, "/admin/deactivate", {"name": "nina"}, admin)
    check(response.status == 422 and "sudah dinonaktifkan pada" in page, "deactivating twice")
    response, page = server.request("GET", "/admin", cookie=admin)
    check("nonaktif sejak" in page, "the user list shows who is deactivated")


def corrections(server, dossier):
    outsider, _ = server.sign_in("wulan")  # Biro Pemerintahan: not involved in the dossier
    starter, _ = server.sign_in("budi")    # Dinas KUKM started it
    before = history_length(server, starter, dossier)

    response, page = server.request("GET", f"/d/{dossier}", cookie=outsider)
    check(response.status == 200 and "Koreksi kekeliruan" in page
          and "hanya instansi yang memulainya yang boleh" in page and f'action="/d/{dossier}/correct"' not in page,
          "an outsider sees why the correction is not theirs, not the form")
    for path, fields in [("correct", {"title": "Judul palsu", "bind.pemrakarsa": "biro-pemerintahan"}),
                         ("cancel", {"reason": "bukan urusan saya", "confirm": "1"}),
                         ("kendala", {"text": "x"})]:
        response, page = post(server, f"/d/{dossier}/{path}", fields, outsider)
        check(response.status == 422 and "Ditolak" in page,
              f"a crafted {path} by another agency: {response.status}")
    check("hanya instansi yang memulainya yang boleh: &#39;dinas-kukm&#39;" in
          post(server, f"/d/{dossier}/correct", {"title": "Judul palsu"}, outsider)[1],
          "the refusal names the starting agency, as the command line does")
    check(history_length(server, starter, dossier) == before, "refused requests wrote nothing")

    response, page = server.request("GET", f"/d/{dossier}", cookie=starter)
    check(f'action="/d/{dossier}/correct"' in page and f'action="/d/{dossier}/cancel"' in page,
          "the starting agency sees the correction forms")
    response, _ = post(server, f"/d/{dossier}/correct",
                       {"title": "Pergub Pendampingan UMKM", "bind.pemrakarsa": "dinas-kukm"}, starter)
    check(response.status == 303, f"correcting the title: {response.status}")
    _, body = server.request("GET", f"/api/d/{dossier}", cookie=starter)
    check(json.loads(body)["title"] == "Pergub Pendampingan UMKM", "the title was corrected")

    response, _ = post(server, f"/d/{dossier}/kendala", {"text": "menunggu data dari BPS"}, starter)
    check(response.status == 303, f"recording a kendala: {response.status}")
    _, page = server.request("GET", "/", cookie=outsider)
    check("Kendala: menunggu data dari BPS" in page, "the kendala on the board")

    response, page = post(server, f"/d/{dossier}/cancel", {"reason": " "}, starter)
    check(response.status == 422 and "memerlukan alasan" in page, f"a cancel without a reason: {response.status}")
    response, _ = post(server, f"/d/{dossier}/cancel",
                       {"reason": "dibuat dua kali", "confirm": "1"}, starter)
    check(response.status == 303, f"cancelling: {response.status}")
    _, body = server.request("GET", f"/api/d/{dossier}", cookie=starter)
    check(json.loads(body)["cancelled"] is True, "the dossier is cancelled")
    _, body = server.request("GET", "/api/board?limit=0", cookie=starter)
    check(dossier not in [d["id"] for d in json.loads(body)["dossiers"]], "a cancelled dossier leaves the board")
    _, page = server.request("GET", f"/d/{dossier}", cookie=starter)
    check("dibatalkan" in page and "dibuat dua kali" in page and "— selesai" not in page,
          "the dossier page says it was cancelled, not finished")


def main(binary, source):
    server = Server(binary, source, setup=setup_commands())
    dossier = server.setup_output[0]
    try:
        check(re.fullmatch(r"PERGUB-2021-\d{4}", dossier) is not None, f"started {dossier!r}")
        administration(server)
        corrections(server, dossier)
    finally:
        server.stop()
    verify = subprocess.run([binary, "--db", server.db, "--now", NOW, "verify"], env=server.env,
                            capture_output=True, text=True, timeout=120)
    check(verify.returncode == 0 and verify.stdout.startswith("ok:"), f"verify: {verify.stdout}{verify.stderr}")
    print(f"ok: {checks} checks")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:3])
    except Failure as e:
        print(f"FAILED: {e}")
        sys.exit(1)
