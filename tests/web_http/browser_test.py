"""Real-browser tests of `regflow serve` with headless Chromium (chromium-driver, python3-selenium):
sign in, read the board, filter it, open a late dossier and its picture, sign out; on a desktop
window and at phone width (390 px). Screenshots of every page go to SCREENSHOT_DIR.
Usage: browser_test.py REGFLOW_BINARY SOURCE_DIR SCREENSHOT_DIR"""

import base64
import os
import sys

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from server import Failure, Server, PASSWORD


def check(condition, what):
    if not condition:
        raise Failure(what)


def browser(width, height, language="id"):
    """A Chromium whose Accept-Language names `language`: the pages follow it (Indonesian by
    default, as the province's browsers send)."""
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", f"--lang={language}"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    if width < 500:
        # A desktop window cannot be made this narrow; a phone's viewport is emulated instead.
        options.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2}})
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def click_and_wait(driver, selector, url_test):
    """Clicks and waits until the next page has loaded (its address passes `url_test`)."""
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 20).until(
        lambda d: url_test(d.current_url) and
        d.execute_script("return document.readyState") == "complete")


def shot(driver, folder, name):
    # The whole page, not only the window: the reviewer sees what a reader scrolls through.
    image = driver.execute_cdp_cmd("Page.captureScreenshot",
                                   {"format": "png", "captureBeyondViewport": True})
    with open(os.path.join(folder, name + ".png"), "wb") as out:
        out.write(base64.b64decode(image["data"]))
    # And the first screen, as a reader sees it on opening the page.
    driver.save_screenshot(os.path.join(folder, name + "-screen.png"))


def walk(server, folder, label, width, height):
    base = f"http://127.0.0.1:{server.port}"
    driver = browser(width, height)
    try:
        driver.get(base + "/")
        check("/login" in driver.current_url, f"{label}: not sent to the sign-in page")
        shot(driver, folder, f"{label}-1-login")
        driver.find_element(By.ID, "name").send_keys("sari")
        driver.find_element(By.ID, "password").send_keys("babel-2021")
        click_and_wait(driver, "form[action='/login'] button", lambda url: "/login" not in url)
        check(driver.find_element(By.TAG_NAME, "h1").text == "Papan berkas terbuka",
              f"{label}: board after sign-in: {driver.title}: {driver.find_element(By.TAG_NAME, 'main').text[:300]}")
        body = driver.find_element(By.TAG_NAME, "body").text
        check("Kerja sama pendampingan UMKM dengan OK OCE Indonesia" in body, f"{label}: full title")
        check("terlambat" in body, f"{label}: late dossiers")
        shot(driver, folder, f"{label}-2-board")
        scroll_width, inner = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        check(inner <= width and scroll_width <= inner,
              f"{label}: the board is {scroll_width}px wide in a {inner}px viewport")

        driver.find_element(By.CSS_SELECTOR, ".filters-box summary").click()
        Select(driver.find_element(By.NAME, "agency")).select_by_value("dinas-kukm")
        driver.find_element(By.NAME, "q").send_keys("OCE")
        click_and_wait(driver, "form.filters button", lambda url: "q=OCE" in url)
        titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".dossiers .title")]
        check(titles and all("OCE" in t for t in titles), f"{label}: filtered board {titles}")
        shot(driver, folder, f"{label}-3-filtered")

        driver.get(base + "/?status=overdue")
        late = driver.find_elements(By.CSS_SELECTOR, ".dossier.late .title")
        check(late, f"{label}: no late dossier")
        click_and_wait(driver, ".dossier.late .title", lambda url: "/d/" in url)
        picture = driver.find_element(By.CSS_SELECTOR, "figure.graph img")
        loaded = driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0",
                                       picture)
        check(loaded, f"{label}: the procedure picture did not load")
        check("Riwayat" in driver.find_element(By.TAG_NAME, "body").text, f"{label}: history")
        shot(driver, folder, f"{label}-4-dossier")

        driver.get(base + "/workflows/perda")
        shot(driver, folder, f"{label}-5-workflow")
        driver.get(base + "/queue")
        shot(driver, folder, f"{label}-6-queue")

        click_and_wait(driver, "form.logout button", lambda url: "/login" in url)
        driver.get(base + "/")
        check("/login" in driver.current_url, f"{label}: still signed in after sign-out")
    finally:
        driver.quit()


def replaced(element):
    """True once `element` has left the document. Chromium reports it either as a stale
    element or, while the next page is being swapped in, as a node that "does not belong to the
    document"; both mean the same here (EC.staleness_of knows only the first)."""
    try:
        element.is_enabled()
        return False
    except (StaleElementReferenceException, WebDriverException):
        return True


def sign_in(driver, base, name, password=PASSWORD, forget_cookies=False):
    """Signs in through the form, the one way every browser test does it. `forget_cookies`
    starts from a fresh browser (another person on the same device); without it a language
    chosen before signing in is kept."""
    if forget_cookies:
        driver.delete_all_cookies()
    driver.get(base + "/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    # Success and refusal both end on a page whose address may be /login: wait for the form
    # the click submitted to be replaced.
    old = driver.find_element(By.CSS_SELECTOR, "form[action='/login']")
    old.find_element(By.TAG_NAME, "button").click()
    WebDriverWait(driver, 20).until(lambda d: replaced(old))
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def languages(server, folder):
    """Accept-Language: en gives the board in English, id in Indonesian; the person's own choice
    (the language links at the foot of every page) wins over the browser's and is kept."""
    base = f"http://127.0.0.1:{server.port}"
    for language, heading, late, held in (("en", "Board of open dossiers", "days late", "held by"),
                                          ("id", "Papan berkas terbuka", "terlambat", "dipegang oleh")):
        driver = browser(390, 844, language)
        try:
            driver.get(base + "/")
            check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language,
                  f"{language}: the sign-in page is not marked lang={language}")
            sign_in(driver, base, "gubernur")
            body = driver.find_element(By.TAG_NAME, "body").text
            check(driver.find_element(By.TAG_NAME, "h1").text == heading,
                  f"{language}: board heading {driver.find_element(By.TAG_NAME, 'h1').text!r}")
            check(late in body and held in body, f"{language}: board words: {body[:400]}")
            shot(driver, folder, f"lang-{language}-board")
            other = "id" if language == "en" else "en"
            click_and_wait(driver, f".languages a[hreflang='{other}']",
                           lambda url: f"lang={other}" in url)
            driver.get(base + "/queue")
            check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == other,
                  f"{language}: the chosen language {other} was not kept on the next page")
            shot(driver, folder, f"lang-{language}-then-{other}-queue")
        finally:
            driver.quit()


def main(binary, source, folder):
    os.makedirs(folder, exist_ok=True)
    server = Server(binary, source)
    try:
        walk(server, folder, "desktop", 1280, 900)
        walk(server, folder, "phone", 390, 844)
        languages(server, folder)
    finally:
        server.stop()
    print(f"ok: screenshots in {folder}")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:4])
    except Failure as e:
        print(f"FAILED: {e}")
        sys.exit(1)
