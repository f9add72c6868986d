"""Acting in the browser (headless Chromium): five people of five agencies drive a Pergub from
the start form to promulgation, each signing in and doing their own steps, with a return for
revision, an extension, refusals (a missing note, a false guard, a wrong role, a stale form) and
crafted requests; then a Kesepakatan Bersama up to signature at phone width. After each journey
`regflow verify` must pass and `regflow history --json` must name the right person for every
event. Screenshots go to SCREENSHOT_DIR.
Usage: acting_test.py REGFLOW_BINARY SOURCE_DIR SCREENSHOT_DIR"""

import hashlib
import html
import json
import os
import re
import subprocess
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser_test import browser, check, shot
from server import PASSWORD, Failure, Server

NOW = "2026-03-02T09:00"
# name, agency, role: the five people of the Pergub, and two more for the Kesepakatan Bersama.
PEOPLE = [("nadia", "dinas-kukm", "kepala"), ("yusuf", "biro-hukum", "kepala"),
          ("tari", "asisten-perekonomian", "staf"), ("hendra", "sekda", "kepala"),
          ("irawan", "gubernur", "kepala"), ("joko", "tkksd", "staf"),
          ("lina", "biro-pemerintahan", "staf")]


class Journey:
    def __init__(self, server, driver, folder, label):
        self.server, self.driver, self.folder, self.label = server, driver, folder, label
        self.base = f"http://127.0.0.1:{server.port}"
        self.shots = 0

    def cli(self, *args):
        done = subprocess.run([self.server.binary, "--db", self.server.db, "--now", NOW, *args],
                              env=self.server.env, capture_output=True, text=True, timeout=60)
        return done

    def history(self, dossier):
        done = self.cli("--json", "history", dossier)
        check(done.returncode == 0, f"history {dossier}: {done.stderr}")
        return json.loads(done.stdout)

    def wait_loaded(self, url_test):
        WebDriverWait(self.driver, 20).until(
            lambda d: url_test(d.current_url) and
            d.execute_script("return document.readyState") == "complete")

    def submit(self, button):
        """Clicks a form's button and waits until the next page has replaced this one."""
        self.driver.execute_script("window.regflowOldPage = true")
        button.click()
        WebDriverWait(self.driver, 20).until(lambda d: d.execute_script(
            "return !window.regflowOldPage && document.readyState === 'complete'"))

    def snap(self, what):
        self.shots += 1
        shot(self.driver, self.folder, f"{self.label}-{self.shots:02}-{what}")

    def sign_in(self, name):
        self.driver.delete_all_cookies()
        self.driver.get(self.base + "/login")
        self.driver.find_element(By.ID, "name").send_keys(name)
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.submit(self.driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button"))

    def open(self, dossier):
        self.driver.get(f"{self.base}/d/{dossier}")
        check(dossier in self.driver.title, f"{self.label}: dossier page of {dossier}")

    def main_text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    def act(self, action, note=None, sets=None, confirm=False, expect=None):
        """Takes an action from its form on the dossier page; confirms when asked once more."""
        form = self.driver.find_element(By.CSS_SELECTOR, f"form.action[data-action='{action}']")
        if note is not None:
            area = form.find_element(By.NAME, "note")
            if not area.is_displayed():
                form.find_element(By.CSS_SELECTOR, "details summary").click()
            area.send_keys(note)
        for name, value in (sets or {}).items():
            field = form.find_element(By.NAME, "set." + name)
            if field.tag_name == "select":
                Select(field).select_by_value(value)
            elif field.get_attribute("type") == "date":
                # Typing into a date picker depends on the browser's locale; set it as ISO.
                self.driver.execute_script("arguments[0].value = arguments[1]", field, value)
            else:
                field.clear()
                field.send_keys(value)
        self.submit(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        asked = self.driver.find_element(By.TAG_NAME, "h1").text == "Yakin?"
        check(asked or not confirm,
              f"{self.label}: '{action}' was not asked once more: {self.main_text()[:300]}")
        if asked:
            self.snap(f"confirm-{action}")
            self.submit(self.driver.find_element(By.CSS_SELECTOR, "button.confirm-yes"))
        text = self.main_text()
        if expect is None:
            check("written=" in self.driver.current_url and "Tercatat" in text,
                  f"{self.label}: '{action}' was not written: {text[:500]}")
        else:
            check(expect in text, f"{self.label}: '{action}' should show {expect!r}: {text[:600]}")
        return text

    def upload(self, kind, filename, content, note=None):
        """Attaches a file through the dossier page's upload form (the file given with
        send_keys, as a person choosing it would); `kind` must be the one the current step
        still requires: listed first, marked '*' and chosen already."""
        form = self.driver.find_element(By.CSS_SELECTOR, "form.upload-form")
        choice = Select(form.find_element(By.NAME, "kind"))
        first = choice.options[0]
        check(first.get_attribute("value") == kind and first.text.endswith("*") and
              first.is_selected(), f"{self.label}: the required {kind} is not first and marked: "
              f"{[o.text for o in choice.options]}")
        path = os.path.join(self.server.tmp.name, filename)
        with open(path, "wb") as out:
            out.write(content)
        form.find_element(By.NAME, "file").send_keys(path)
        if note is not None:
            form.find_element(By.CSS_SELECTOR, "details summary").click()
            form.find_element(By.NAME, "note").send_keys(note)
        self.driver.execute_script("arguments[0].scrollIntoView()", form)
        self.snap(f"upload-form-{kind}")
        self.submit(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        text = self.main_text()
        check("written=" in self.driver.current_url and "Tercatat" in text and filename in text,
              f"{self.label}: the upload of {filename} was not written: {text[:500]}")
        self.snap(f"uploaded-{kind}")
        return hashlib.sha256(content).hexdigest()

    def step_title(self):
        facts = self.driver.find_element(By.CSS_SELECTOR, ".facts-list").text
        return facts

    def version(self):
        return int(self.driver.find_element(By.CSS_SELECTOR, "input[name=version]")
                   .get_attribute("value"))

    def refused_without_writing(self, dossier, what, do):
        before = len(self.history(dossier))
        text = do()
        after = len(self.history(dossier))
        check(before == after, f"{self.label}: {what} wrote {after - before} event(s)")
        self.snap(f"refused-{what}")
        return text

    def post(self, cookie, path, fields):
        csrf = self.server.csrf_of(cookie)
        response, page = self.server.request("POST", path, dict(fields, csrf=csrf), cookie=cookie)
        return response, html.unescape(page)


def add_people(journey):
    for name, agency, role in PEOPLE:
        done = journey.cli("user", "add", name, "--agency", agency, "--role", role)
        check(done.returncode == 0, f"user add {name}: {done.stderr}")
        done = subprocess.run([journey.server.binary, "--db", journey.server.db, "user", "passwd",
                               name, "--password-stdin"], input=PASSWORD + "\n",
                              env=journey.server.env, capture_output=True, text=True, timeout=60)
        check(done.returncode == 0, f"user passwd {name}: {done.stderr}")


def check_record(journey, dossier, expected_actors):
    done = journey.cli("verify")
    check(done.returncode == 0, f"verify: {done.stdout} {done.stderr}")
    actors = [e["actor"] for e in journey.history(dossier)]
    check(actors == expected_actors,
          f"{journey.label}: history names {actors}, expected {expected_actors}")


def pergub(journey):
    j, d = journey, journey.driver
    # yusuf (Biro Hukum) starts the Pergub; first without naming the initiating agency.
    j.sign_in("yusuf")
    d.get(j.base + "/start")
    j.snap("start-choice")
    j.submit(d.find_element(By.CSS_SELECTOR, "a[href='/start/pergub']"))
    d.find_element(By.ID, "title").send_keys("Pergub pendampingan UMKM")
    Select(d.find_element(By.NAME, "set.jenis_pergub")).select_by_value("biasa")
    d.find_element(By.CSS_SELECTOR, "input[name=target_kind][value=days]").click()
    d.find_element(By.NAME, "target_amount").send_keys("14")
    j.snap("start-form")
    j.submit(d.find_element(By.CSS_SELECTOR, "form.start-form button[type=submit]"))
    text = j.main_text()
    check("pemrakarsa" in text, f"start without pemrakarsa: {text[:400]}")
    check(len(re.findall(r"PERGUB-2026-", j.cli("list", "--workflow", "pergub").stdout)) == 0,
          "a refused start wrote a dossier")
    j.snap("start-refused")
    Select(d.find_element(By.NAME, "bind.pemrakarsa")).select_by_value("dinas-kukm")
    j.submit(d.find_element(By.CSS_SELECTOR, "form.start-form button[type=submit]"))
    started = re.search(r"/d/([A-Z]+-\d{4}-\d{4})", d.current_url)
    check(started, f"start with pemrakarsa: {d.current_url} {j.main_text()[:600]}")
    dossier = started[1]
    check("Tercatat" in j.main_text(), "the new dossier's page shows its first event")
    check("Tindakan yang dapat Anda lakukan" in j.main_text(), "actions section")
    j.snap("started")

    # nadia (Dinas KUKM, kepala) extends the drafting limit, then hands the draft over.
    j.sign_in("nadia")
    j.open(dossier)
    j.snap("pemrakarsa-page")
    d.find_element(By.CSS_SELECTOR, "details.extend summary").click()
    form = d.find_element(By.CSS_SELECTOR, "form[data-deadline='penyusunan']")
    d.execute_script("arguments[0].value = '2026-04-30'", form.find_element(By.NAME, "to"))
    form.find_element(By.NAME, "reason").send_keys("menunggu data UMKM dari kabupaten")
    j.submit(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    check("Tercatat" in j.main_text() and "30/04/2026" in j.main_text(),
          f"extension: {d.current_url} {j.main_text()[:1500]!r}")
    j.snap("extended")
    j.act("selesai_disusun")

    # yusuf returns it for revision: first without the required note (refused), then with it.
    j.sign_in("yusuf")
    j.open(dossier)
    j.refused_without_writing(dossier, "note", lambda: j.act(
        "kembalikan", expect="'kembalikan' memerlukan alasan"))
    j.act("kembalikan", note="dasar hukum pasal 3 belum lengkap")
    j.sign_in("nadia")
    j.open(dossier)
    j.act("selesai_disusun")
    j.sign_in("yusuf")
    j.open(dossier)
    j.act("selesai_dibahas")

    # Paraf koordinasi. yusuf's page is open when nadia signs (by a crafted request): yusuf's form
    # is now stale, and he is told who acted first; nothing is written twice.
    j.sign_in("yusuf")
    j.open(dossier)
    check("Aturan paraf" in j.main_text(), "sign-off rule shown")
    stale_version = j.version()
    nadia, _ = j.server.sign_in("nadia")
    response, page = j.post(nadia, f"/d/{dossier}/act",
                            {"action": "sign", "version": stale_version, "confirmed": "1"})
    check(response.status == 303, f"nadia's sign: {response.status} {page[:300]}")
    text = j.refused_without_writing(dossier, "stale", lambda: j.act(
        "sign", expect="Halaman Anda sudah usang"))
    check("'nadia' mengubahnya" in text and "nadia" in text, f"stale: who acted first: {text[:600]}")
    j.open(dossier)
    j.act("sign", confirm=True)
    j.sign_in("tari")
    j.open(dossier)
    # A staf may not extend: the extension is greyed with the engine's reason.
    check("peran 'staf' tidak boleh" in j.main_text() or "tidak boleh" in j.main_text(),
          f"tari sees why she cannot extend: {j.main_text()[:800]}")
    j.act("sign", confirm=True)
    j.sign_in("hendra")
    j.open(dossier)
    j.act("sign", confirm=True)
    check("Permohonan pengharmonisasian" in j.main_text(), "after the last paraf")
    # The application carries the draft: without it 'ajukan' is greyed; the Sekda uploads it.
    naskah = j.upload("naskah", "rancangan-pergub-umkm.txt",
                      "RANCANGAN PERATURAN GUBERNUR\nPasal 1\n".encode(), note="untuk harmonisasi")
    listed = json.loads(j.cli("--json", "documents", dossier).stdout)
    listed = listed["documents"] if isinstance(listed, dict) else listed
    check(any(x["kind"] == "naskah" and x["sha256"] == naskah and x["actor"] == "hendra"
              for x in listed), f"naskah listed: {listed}")
    j.act("ajukan")

    # yusuf: a false guard is greyed with its reason; a crafted request for it is refused.
    j.sign_in("yusuf")
    j.open(dossier)
    grey = d.find_element(By.CSS_SELECTOR, ".unavailable li[data-action='ajukan_fasilitasi']").text
    check("minta_fasilitasi" in grey, f"guard reason: {grey}")
    yusuf, _ = j.server.sign_in("yusuf")

    def crafted_guard():
        response, page = j.post(yusuf, f"/d/{dossier}/act",
                                {"action": "ajukan_fasilitasi", "version": j.version(),
                                 "confirmed": "1"})
        check(response.status == 422 and "requires" in page or "minta_fasilitasi" in page,
              f"guard: {response.status} {page[:300]}")
        return page
    j.refused_without_writing(dossier, "guard", crafted_guard)

    # More crafted requests, each refused by the engine with nothing written: a variable this
    # action may not set, a deadline extended by a role without 'extend', a form without the
    # version it was rendered from.
    def crafted_set():
        response, page = j.post(yusuf, f"/d/{dossier}/act",
                                {"action": "selesai_harmonisasi", "version": j.version(),
                                 "set.nomor_pergub": "99 Tahun 2026"})
        check(response.status == 422 and "nomor_pergub" in page,
              f"a variable the action may not set: {response.status} {page[:300]}")
        return page
    j.refused_without_writing(dossier, "set", crafted_set)
    tari, _ = j.server.sign_in("tari")

    def crafted_extend():
        response, page = j.post(tari, f"/d/{dossier}/extend",
                                {"deadline": "target", "to": "2026-06-30", "reason": "x",
                                 "version": j.version()})
        check(response.status == 422 and "tidak boleh" in html.unescape(page),
              f"extension by another agency's staf: {response.status} {page[:300]}")
        return page
    j.refused_without_writing(dossier, "extend", crafted_extend)
    response, page = j.post(yusuf, f"/d/{dossier}/act", {"action": "selesai_harmonisasi"})
    check(response.status == 400, f"a form without its version: {response.status}")
    j.upload("hasil_harmonisasi", "hasil-harmonisasi-kanwil.txt",
             b"Hasil pengharmonisasian Kanwil Kemenkum Babel: selaras\n")
    j.act("selesai_harmonisasi")
    j.sign_in("hendra")
    j.open(dossier)
    j.act("ajukan_penetapan")

    # nadia (another agency) tries the Governor's act by a crafted request: refused.
    nadia, _ = j.server.sign_in("nadia")

    def crafted_agency():
        response, page = j.post(nadia, f"/d/{dossier}/act",
                                {"action": "tetapkan", "version": len(j.history(dossier)),
                                 "confirmed": "1", "agency": "gubernur"})
        check(response.status == 422 and "tidak boleh melakukan 'tetapkan'" in html.unescape(page),
              f"wrong agency: {response.status} {page[:500]}")
        return page
    j.refused_without_writing(dossier, "agency", crafted_agency)
    response, _ = j.server.request("POST", f"/d/{dossier}/act",
                                   {"action": "tetapkan", "version": "1"}, cookie=nadia)
    check(response.status == 403, f"no CSRF token: {response.status}")

    j.sign_in("irawan")
    j.open(dossier)
    j.act("tetapkan", confirm=True)
    j.sign_in("hendra")
    j.open(dossier)
    j.snap("pengundangan")
    j.upload("produk_final", "pergub-12-2026-ditandatangani.pdf", b"%PDF-1.4\n% ditandatangani\n")
    j.act("undangkan", sets={"nomor_pergub": "12 Tahun 2026",
                             "nomor_berita_daerah": "BD 2026 No. 12"}, confirm=True)
    text = j.main_text()
    check("12 Tahun 2026" in text, "nomor_pergub on the page")
    j.snap("promulgated")
    check_record(j, dossier, ["yusuf", "nadia", "nadia", "yusuf", "nadia", "yusuf", "nadia", "yusuf",
                              "tari", "hendra", "hendra", "hendra", "yusuf", "yusuf", "hendra",
                              "irawan", "hendra", "hendra"])


def kesepakatan(journey):
    j, d = journey, journey.driver
    j.sign_in("nadia")
    d.get(j.base + "/start/kerjasama")
    d.find_element(By.ID, "title").send_keys("KB pendampingan UMKM dengan OK OCE")
    d.find_element(By.NAME, "set.mitra").send_keys("Perkumpulan OK OCE Indonesia")
    Select(d.find_element(By.NAME, "bind.pemrakarsa")).select_by_value("dinas-kukm")
    j.snap("start-form")
    width, inner = d.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    check(width <= inner, f"the start form is {width}px wide in a {inner}px viewport")
    j.submit(d.find_element(By.CSS_SELECTOR, "form.start-form button[type=submit]"))
    dossier = re.search(r"/d/([A-Z]+-\d{4}-\d{4})", d.current_url)[1]
    j.snap("started")
    j.act("ajukan_ke_tkksd", sets={"bentuk_hukum_mitra": "perkumpulan",
                                   "anggaran_tersedia": "true"})
    j.sign_in("joko")
    j.open(dossier)
    j.act("layak")
    j.sign_in("nadia")
    j.open(dossier)
    j.act("minat_diterima")
    j.act("selesai_disusun", sets={"kb_berlaku_sampai": "2027-12-31"})
    j.sign_in("lina")
    j.open(dossier)
    j.snap("reviu")
    j.act("sign", confirm=True)
    j.sign_in("yusuf")
    j.open(dossier)
    j.act("sign", confirm=True)
    j.sign_in("irawan")
    j.open(dossier)
    j.upload("produk_final", "kb-okoce-ditandatangani.pdf", b"%PDF-1.4\n% KB ditandatangani\n")
    j.act("ditandatangani", sets={"nomor_kb_daerah": "120/01/KB/2026",
                                  "nomor_kb_mitra": "OKOCE/KB/01/2026"}, confirm=True)
    j.snap("signed")
    check_record(j, dossier, ["nadia", "nadia", "joko", "nadia", "nadia", "lina", "yusuf", "irawan",
                              "irawan"])


def main(binary, source, folder):
    import os
    os.makedirs(folder, exist_ok=True)
    server = Server(binary, source, now=NOW)
    try:
        driver = browser(1280, 900)
        try:
            journey = Journey(server, driver, folder, "acting-desktop")
            add_people(journey)
            pergub(journey)
        finally:
            driver.quit()
        driver = browser(390, 844)
        try:
            kesepakatan(Journey(server, driver, folder, "acting-phone"))
        finally:
            driver.quit()
    finally:
        server.stop()
    print(f"ok: screenshots in {folder}")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:4])
    except Failure as e:
        print(f"FAIL: {e}", file=sys.stderr)
        sys.exit(1)
