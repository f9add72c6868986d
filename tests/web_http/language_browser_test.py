"""Real-browser test of the pages translated last (issue 17, the web remainder): the
administration, the start form, a dossier with its action cards, corrections, kendala and
documents, and the statistics with their charts speak English after the footer's `?lang=en` and
Indonesian after `?lang=id`, whatever the browser asks for; and a signed-in user's choice
follows them to a fresh browser. Screenshots: lang2-en-desktop-*, lang2-id-phone-*,
lang2-follows-*.
Usage: language_browser_test.py REGFLOW_BINARY SOURCE_DIR SCREENSHOT_DIR"""

import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from admin_browser_test import fits, sign_in
from admin_test import setup_commands
from browser_test import browser, replaced, shot
from server import Failure, Server, PASSWORD

# Per page: the words that must be there in each language, and those of the other language that
# must not (an Indonesian literal left in an English page, or the reverse).
PAGES = [
    ("admin", "adm", "/admin",
     {"en": ["Administration", "Users", "Add a user", "Roles and their permissions",
             "Regional agencies (one or more)", "coordination sign-off"],
      "id": ["Administrasi", "Pengguna", "Tambah pengguna", "Peran dan izinnya",
             "Perangkat daerah (satu atau lebih)", "paraf koordinasi"]}),
    ("start", "budi", "/start",
     {"en": ["New dossier", "Choose the procedure"],
      "id": ["Berkas baru", "Pilih prosedur"]}),
    ("start-form", "budi", "/start/pergub",
     {"en": ["Title of the draft", "(required)", "Completion target (optional)", "within … working days",
             "Start the dossier"],
      "id": ["Judul rancangan", "(wajib)", "Target penyelesaian (tidak wajib)", "dalam … hari kerja",
             "Mulai berkas"]}),
    ("dossier", "budi", "/d/{dossier}",
     {"en": ["What you can do", "Obstacle (kendala)", "Why is this dossier held up?",
             "Correcting a mistake made when starting", "Documents", "Add a note"],
      "id": ["Tindakan yang dapat Anda lakukan", "Kendala", "Mengapa berkas ini tertahan?",
             "Koreksi kekeliruan saat memulai", "Dokumen", "Tambah catatan"]}),
    ("statistics", "budi", "/statistik",
     {"en": ["Dossier statistics", "Time per step", "Open dossiers by age", "Governor's targets",
             "Dossiers per month", "working days"],
      "id": ["Statistik berkas", "Waktu per tahap", "Berkas terbuka menurut umur",
             "Target Gubernur", "Berkas per bulan", "hari kerja"]}),
]


def check(condition, what):
    if not condition:
        raise Failure(what)


def page_text(driver):
    # The visible text, and the charts' SVG titles and labels, which .text may not include.
    return driver.find_element(By.TAG_NAME, "main").get_attribute("textContent")


def walk(server, folder, language, label, width, height, dossier):
    """Every page of PAGES in `language`, chosen with the footer's link in a browser that asks
    for the other language."""
    base = f"http://127.0.0.1:{server.port}"
    other = "id" if language == "en" else "en"
    driver = browser(width, height, other)
    signed_in = None
    try:
        for name, user, path, words in PAGES:
            if user != signed_in:
                sign_in(driver, base, user, PASSWORD)
                signed_in = user
            driver.get(base + path.format(dossier=dossier) + f"?lang={language}")
            WebDriverWait(driver, 20).until(EC.presence_of_element_located((By.TAG_NAME, "main")))
            check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language,
                  f"{label} {name}: the page is not marked lang={language}")
            text = page_text(driver)
            for word in words[language]:
                check(word in text, f"{label} {name}: {word!r} missing from {text[:1500]!r}")
            # The page's own furniture (headings, labels, buttons, table heads) has none of the
            # other language's words; names from the YAML (agencies, steps) may well be
            # Indonesian in either language, so the rest of the text is not searched.
            furniture = " ".join(e.get_attribute("textContent") for e in driver.find_elements(
                By.CSS_SELECTOR, "main h1, main h2, main h3, main summary, main legend, main th, "
                                 "main .hint, main .empty, main .what, main .req"))
            for word in words[other]:
                if word not in words[language]:
                    check(word not in furniture,
                          f"{label} {name}: {word!r} of {other} on a {language} page")
            shot(driver, folder, f"lang2-{label}-{name}")
            fits(driver, f"{label} {name}", width)
    finally:
        driver.quit()


def follows(server, folder):
    """budi chooses English on his office browser, signs out; on a fresh browser that asks for
    Indonesian (no cookie of the first), his pages are English once he signs in."""
    base = f"http://127.0.0.1:{server.port}"
    office = browser(1280, 900, "id")
    try:
        sign_in(office, base, "budi", PASSWORD)
        check(office.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id",
              "budi's board is not Indonesian at first")
        office.find_element(By.CSS_SELECTOR, ".languages a[hreflang='en']").click()
        WebDriverWait(office, 20).until(lambda d: "lang=en" in d.current_url)
        check(office.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en",
              "the footer's English link did not switch")
        old = office.find_element(By.CSS_SELECTOR, "form.logout")
        old.find_element(By.TAG_NAME, "button").click()
        WebDriverWait(office, 20).until(lambda d: replaced(old))
        check("/login" in office.current_url, f"not signed out: {office.current_url}")
    finally:
        office.quit()
    phone = browser(390, 844, "id")
    try:
        phone.get(base + "/login")
        check(phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id",
              "a fresh browser's sign-in page should follow its own Accept-Language")
        sign_in(phone, base, "budi", PASSWORD)
        check(phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en",
              "budi's choice of English did not follow him to a new browser")
        heading = phone.find_element(By.TAG_NAME, "h1").text
        check(heading == "Board of open dossiers", f"budi's board heading {heading!r}")
        shot(phone, folder, "lang2-follows-phone-board")
    finally:
        phone.quit()


def main(binary, source, folder):
    os.makedirs(folder, exist_ok=True)
    server = Server(binary, source, setup=setup_commands())
    dossier = server.setup_output[0]
    try:
        walk(server, folder, "en", "en-desktop", 1280, 900, dossier)
        walk(server, folder, "id", "id-phone", 390, 844, dossier)
        follows(server, folder)
    finally:
        server.stop()
    print(f"ok: screenshots in {folder}")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:4])
    except Failure as e:
        print(f"FAILED: {e}")
        sys.exit(1)
