"""Real-browser test of administration (issue 16), on a desktop window and at phone width
(390 px): an administrator adds a user, that user signs in and records a kendala, the
administrator deactivates them, and their next sign-in is refused. Screenshots of every page go
to SCREENSHOT_DIR (admin-desktop-*, admin-phone-*).
Usage: admin_browser_test.py REGFLOW_BINARY SOURCE_DIR SCREENSHOT_DIR"""

import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from admin_test import setup_commands
from browser_test import browser, click_and_wait, replaced, shot
from browser_test import sign_in as browser_sign_in
from server import Failure, Server, PASSWORD


def check(condition, what):
    if not condition:
        raise Failure(what)


def sign_in(driver, base, name, password):
    # Each person of this walk signs in on a fresh browser.
    browser_sign_in(driver, base, name, password, forget_cookies=True)


def fits(driver, label, width):
    scroll_width, inner = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    check(inner <= width and scroll_width <= inner,
          f"{label}: the page is {scroll_width}px wide in a {inner}px viewport")


def walk(server, folder, label, width, height, newcomer, dossier):
    base = f"http://127.0.0.1:{server.port}"
    driver = browser(width, height)
    try:
        sign_in(driver, base, "adm", PASSWORD)
        click_and_wait(driver, "a[href='/admin']", lambda url: url.endswith("/admin"))
        check(driver.find_element(By.TAG_NAME, "h1").text == "Administrasi", f"{label}: admin page")
        shot(driver, folder, f"admin-{label}-1-admin")
        fits(driver, label, width)

        form = driver.find_element(By.CSS_SELECTOR, "form[action='/admin/users']")
        form.find_element(By.NAME, "name").send_keys(newcomer)
        Select(form.find_element(By.NAME, "role")).select_by_value("staf")
        form.find_element(By.NAME, "agency.dinas-kukm").click()
        form.find_element(By.NAME, "password").send_keys("rahasia-baru-1")
        click_and_wait(driver, "form[action='/admin/users'] button", lambda url: url.endswith("/admin/users"))
        done = driver.find_element(By.CSS_SELECTOR, ".done").text
        check(newcomer in done and "terdaftar" in done, f"{label}: added: {done}")
        shot(driver, folder, f"admin-{label}-2-added")

        sign_in(driver, base, newcomer, "rahasia-baru-1")
        check("/login" not in driver.current_url, f"{label}: {newcomer} could not sign in")
        check(not driver.find_elements(By.CSS_SELECTOR, "a[href='/admin']"),
              f"{label}: a staf member sees the administration link")
        driver.get(base + f"/d/{dossier}")
        text = driver.find_element(By.TAG_NAME, "main").text
        check("Kendala" in text, f"{label}: no kendala section")
        driver.find_element(By.NAME, "text").send_keys(f"menunggu data ({label})")
        click_and_wait(driver, f"form[action='/d/{dossier}/kendala'] button",
                       lambda url: url.endswith(f"/d/{dossier}"))
        # The form posts back to the page it is on, so the address alone does not say the new
        # page has loaded: wait for the recorded text itself (a stale element is retried).
        try:
            WebDriverWait(driver, 20).until(EC.text_to_be_present_in_element(
                (By.CSS_SELECTOR, ".kendala"), f"menunggu data ({label})"))
        except Exception:
            check(False, f"{label}: the kendala was not recorded")
        shot(driver, folder, f"admin-{label}-3-dossier-kendala")
        fits(driver, label, width)
        driver.get(base + "/")
        check(f"Kendala: menunggu data ({label})" in driver.find_element(By.TAG_NAME, "main").text,
              f"{label}: the kendala is not on the board")
        shot(driver, folder, f"admin-{label}-4-board-kendala")

        sign_in(driver, base, "adm", PASSWORD)
        driver.get(base + "/admin")
        for item in driver.find_elements(By.CSS_SELECTOR, ".admin-list > li"):
            if item.find_element(By.TAG_NAME, "b").text == newcomer:
                item.find_element(By.TAG_NAME, "summary").click()
                item.find_element(By.NAME, "confirm").click()
                shot(driver, folder, f"admin-{label}-5-deactivate-form")
                item.find_element(By.CSS_SELECTOR, "form[action='/admin/deactivate'] button").click()
                break
        else:
            raise Failure(f"{label}: {newcomer} not in the user list")
        WebDriverWait(driver, 20).until(
            lambda d: d.current_url.endswith("/admin/deactivate") and
            d.execute_script("return document.readyState") == "complete")
        check("dinonaktifkan" in driver.find_element(By.CSS_SELECTOR, ".done").text,
              f"{label}: not deactivated")
        shot(driver, folder, f"admin-{label}-6-deactivated")

        sign_in(driver, base, newcomer, "rahasia-baru-1")
        check("/login" in driver.current_url, f"{label}: a deactivated user signed in")
        check("dinonaktifkan" in driver.find_element(By.CSS_SELECTOR, ".notice").text,
              f"{label}: the refusal does not say why")
        shot(driver, folder, f"admin-{label}-7-refused")
    finally:
        driver.quit()


def main(binary, source, folder):
    os.makedirs(folder, exist_ok=True)
    server = Server(binary, source, setup=setup_commands())
    dossier = server.setup_output[0]
    try:
        walk(server, folder, "desktop", 1280, 900, "nina", dossier)
        walk(server, folder, "phone", 390, 844, "tono", dossier)
    finally:
        server.stop()
    print(f"ok: screenshots in {folder}")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:4])
    except Failure as e:
        print(f"FAILED: {e}")
        sys.exit(1)
