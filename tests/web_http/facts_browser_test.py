"""The dossier page's facts and history, and the start form, in a real browser (headless
Chromium), on a desktop window and at phone width (390 px):
- the dossier's variables read by their titles from the workflow, yes/no as "ya"/"tidak", and
  an unset one as "belum diisi", never as code names or true/false;
- the history names a sign-off "paraf" (not "signed: sign") and a correction with its old and new
  values;
- the start form of a cooperation agreement folds away the numbers an action fills in later.
Usage: facts_browser_test.py REGFLOW_BINARY SOURCE_DIR SCREENSHOT_DIR"""

import os
import sys

from selenium.webdriver.common.by import By

from browser_test import browser, check, shot, sign_in
from server import Failure, Server

# A correction on the demo's Pergub still in its first step, so that its history has one.
SETUP = ((["--as", "budi", "correct", "PERGUB-2021-0003", "--title",
           "Pergub Tata Cara Pemberian Insentif Koperasi Berprestasi"], None),)


def no_overflow(driver, label, width):
    scroll_width, inner = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    check(inner <= width and scroll_width <= inner,
          f"{label}: the page is {scroll_width}px wide in a {inner}px viewport")


def visible(driver, name):
    """Whether the field is rendered: Selenium's is_displayed does not see the content of a closed
    <details> as hidden in this Chromium, the browser's own checkVisibility does."""
    return driver.execute_script("return arguments[0].checkVisibility()",
                                 driver.find_element(By.NAME, name))


def facts(server, folder, label, width, height):
    base = f"http://127.0.0.1:{server.port}"
    driver = browser(width, height)
    try:
        sign_in(driver, base, "sari")
        driver.get(base + "/d/KS-2020-0001")
        terms = [dt.text for dt in driver.find_elements(By.CSS_SELECTOR, ".facts-list dt")]
        values = [dd.text for dd in driver.find_elements(By.CSS_SELECTOR, ".facts-list dd")]
        shown = dict(zip(terms, values))
        check("Nama pihak ketiga (mitra)" in shown, f"{label}: no variable title in {terms}")
        check(shown["Nama pihak ketiga (mitra)"] == "Universitas Bangka Belitung",
              f"{label}: mitra is {shown['Nama pihak ketiga (mitra)']!r}")
        check(shown.get("Bentuk hukum mitra (diperiksa pada persiapan)") == "perguruan tinggi",
              f"{label}: enum value {shown.get('Bentuk hukum mitra (diperiksa pada persiapan)')!r}")
        check(shown.get("Nomor KB pihak Pemerintah Provinsi") == "belum diisi",
              f"{label}: an unset number reads {shown.get('Nomor KB pihak Pemerintah Provinsi')!r}")
        check(shown.get("Perangkat daerah pemrakarsa kerja sama") ==
              "Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kepulauan Bangka Belitung",
              f"{label}: the role pemrakarsa does not read by its title: {terms}")
        check("pemrakarsa" not in terms, f"{label}: a role code among the facts: {terms}")
        for code in ("nomor_kb_daerah", "bentuk_hukum_mitra", "true", "false"):
            check(all(code not in t for t in terms + values), f"{label}: '{code}' among the facts")
        history = driver.find_element(By.CSS_SELECTOR, "ol.history").text
        check("paraf" in history and "sign" not in history,
              f"{label}: history of a sign-off: {history[:600]}")
        no_overflow(driver, label, width)
        shot(driver, folder, f"facts-{label}-dossier")

        driver.get(base + "/d/PERGUB-2021-0003")
        history = driver.find_element(By.CSS_SELECTOR, "ol.history").text
        check("'Pergub Tata Cara Pemberian Insentif Koperasi' -> "
              "'Pergub Tata Cara Pemberian Insentif Koperasi Berprestasi'" in history,
              f"{label}: a correction without its values: {history[:600]}")
        shot(driver, folder, f"facts-{label}-corrected")

        driver.get(base + "/start/kerjasama")
        later = driver.find_element(By.CSS_SELECTOR, "details.later-variables")
        check(later.get_attribute("open") is None, f"{label}: 'diisi kemudian' is not folded")
        folded = [e.get_attribute("name") for e in later.find_elements(By.CSS_SELECTOR, "[name^='set.']")]
        check("set.nomor_kb_daerah" in folded and "set.nomor_pks_mitra" in folded,
              f"{label}: numbers filled in later are not folded away: {folded}")
        check(not visible(driver, "set.nomor_kb_daerah"), f"{label}: nomor_kb_daerah is asked at start")
        check(visible(driver, "set.mitra"), f"{label}: the partner is not asked at start")
        no_overflow(driver, label, width)
        shot(driver, folder, f"facts-{label}-start")
        later.find_element(By.TAG_NAME, "summary").click()
        check(visible(driver, "set.nomor_kb_daerah"), f"{label}: 'diisi kemudian' does not open")
        shot(driver, folder, f"facts-{label}-start-later-open")
    finally:
        driver.quit()


def main(binary, source, folder):
    os.makedirs(folder, exist_ok=True)
    server = Server(binary, source, setup=SETUP)
    try:
        facts(server, folder, "desktop", 1280, 900)
        facts(server, folder, "phone", 390, 844)
    finally:
        server.stop()
    print(f"ok: screenshots in {folder}")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:4])
    except Failure as e:
        print(f"FAILED: {e}")
        sys.exit(1)
