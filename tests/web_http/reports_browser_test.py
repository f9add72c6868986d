"""Real-browser tests of the reports (issue 19) with headless Chromium: the Statistik page at
desktop and phone width (charts drawn, nothing wider than the screen, the filter form), and the
print view of the statistics and the board: a PDF through Chromium's Page.printToPDF, which must
be A4 landscape with at least one page, and a screenshot with print media emulated (no
navigation, filters or buttons; the title, the "Keadaan per" line and the charts kept).
Usage: reports_browser_test.py REGFLOW_BINARY SOURCE_DIR SCREENSHOT_DIR"""

import base64
import os
import re
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser_test import browser, check, click_and_wait, shot, sign_in
from server import Failure, Server

# A4 in PDF points (1/72 inch): 210 x 297 mm.
A4_SHORT, A4_LONG = 595.28, 841.89


def fits(driver, label):
    scroll_width, inner = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    check(scroll_width <= inner, f"{label}: the page is {scroll_width}px wide in a {inner}px viewport")


def pdf_pages(data):
    """The page count and every page's MediaBox of a PDF that Chromium wrote (Skia writes its
    page objects uncompressed)."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    count = re.search(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data, re.S)
    if count is None:
        count = re.search(rb"/Count\s+(\d+)", data)
    return int(count[1]) if count else 0, [tuple(float(v) for v in box) for box in boxes]


def print_view(driver, folder, name):
    """Saves the page as PDF as the browser's print would, checks A4 landscape, and takes a
    screenshot with print media emulated at the printed page's width."""
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True,
                                                     "printBackground": True})
    data = base64.b64decode(pdf["data"])
    with open(os.path.join(folder, name + ".pdf"), "wb") as out:
        out.write(data)
    pages, boxes = pdf_pages(data)
    check(pages > 0 and boxes, f"{name}: the PDF has {pages} pages, boxes {boxes[:2]}")
    for x0, y0, x1, y1 in boxes:
        width, height = x1 - x0, y1 - y0
        check(abs(width - A4_LONG) < 2 and abs(height - A4_SHORT) < 2,
              f"{name}: a page is {width:.0f} x {height:.0f} pt, not A4 landscape (842 x 595)")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = driver.execute_script("""
            const shown = s => [...document.querySelectorAll(s)].some(
                e => getComputedStyle(e).display !== 'none');
            return {nav: shown('header.top'), filters: shown('.filters-box'),
                    buttons: shown('.actions'), title: shown('h1'), asof: shown('.print-only, .asof')};""")
        check(not hidden["nav"] and not hidden["filters"] and not hidden["buttons"],
              f"{name}: navigation, filters or buttons shown in print: {hidden}")
        check(hidden["title"] and hidden["asof"], f"{name}: title or as-of line hidden in print")
        shot(driver, folder, name + "-print")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    return pages


def pdf_view(folder, name):
    """Chromium's own PDF viewer showing a saved PDF: a picture of the printed first page, with
    its "Halaman 1 dari N" foot, for a reviewer (pixels are not asserted)."""
    driver = browser(1200, 900)
    try:
        driver.get("file://" + os.path.abspath(os.path.join(folder, name + ".pdf")))
        WebDriverWait(driver, 20).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        time.sleep(3)  # the viewer draws the pages after the document has loaded
        driver.save_screenshot(os.path.join(folder, name + "-pdf.png"))
    finally:
        driver.quit()


def desktop(server, folder):
    base = f"http://127.0.0.1:{server.port}"
    driver = browser(1280, 900)
    try:
        sign_in(driver, base, "gubernur")
        click_and_wait(driver, "nav a[href='/statistik']", lambda url: url.endswith("/statistik"))
        check(driver.find_element(By.TAG_NAME, "h1").text == "Statistik berkas", "statistics title")
        charts = driver.find_elements(By.CSS_SELECTOR, "figure.chart svg")
        check(len(charts) == 2 and all(c.size["width"] > 300 and c.size["height"] > 100 for c in charts),
              f"charts drawn: {[c.size for c in charts]}")
        check(driver.find_element(By.CSS_SELECTOR, "button[data-print]").is_displayed(),
              "the Cetak button did not appear (print.js did not run)")
        body = driver.find_element(By.TAG_NAME, "body").text
        check("Waktu per tahap" in body and "Target Gubernur" in body, "the tables")
        fits(driver, "desktop statistics")
        shot(driver, folder, "reports-desktop-1-statistics")
        pages = print_view(driver, folder, "reports-desktop-2-statistics")
        check(pages >= 2, f"the statistics print on {pages} page(s); expected several")

        driver.find_element(By.CSS_SELECTOR, ".filters-box summary").click()
        Select(driver.find_element(By.NAME, "workflow")).select_by_value("pergub")
        click_and_wait(driver, "form.filters button", lambda url: "workflow=pergub" in url)
        check("prosedur pergub" in driver.find_element(By.CSS_SELECTOR, ".asof").text,
              "the filtered statistics say so")
        shot(driver, folder, "reports-desktop-3-statistics-pergub")

        driver.get(base + "/")
        check(driver.find_element(By.CSS_SELECTOR, "a[href='/papan/unduh?format=xlsx']").is_displayed(),
              "the board's XLSX button")
        print_view(driver, folder, "reports-desktop-4-board")
    finally:
        driver.quit()


def phone(server, folder):
    base = f"http://127.0.0.1:{server.port}"
    driver = browser(390, 844)
    try:
        sign_in(driver, base, "gubernur")
        driver.get(base + "/statistik")
        check(driver.find_element(By.TAG_NAME, "h1").text == "Statistik berkas", "phone title")
        fits(driver, "phone statistics")
        charts = driver.find_elements(By.CSS_SELECTOR, "figure.chart svg")
        check(all(c.size["width"] <= 390 for c in charts), f"phone charts {[c.size for c in charts]}")
        shot(driver, folder, "reports-phone-1-statistics")
    finally:
        driver.quit()


def main(binary, source, folder):
    os.makedirs(folder, exist_ok=True)
    server = Server(binary, source)
    try:
        desktop(server, folder)
        phone(server, folder)
        pdf_view(folder, "reports-desktop-2-statistics")
    finally:
        server.stop()
    print(f"ok: screenshots and PDFs in {folder}")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:4])
    except Failure as e:
        print(f"FAILED: {e}")
        sys.exit(1)
