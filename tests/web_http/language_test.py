"""HTTP-level test of the web's languages beyond the pages (issue 17): error pages, the HTTP
server's own refusals and the JSON API's messages follow the request's language while the API's
`error` code stays the same; a signed-in user's choice is kept with them and wins over the
browser's Accept-Language in a new session; typed dates may be written 15/02/2021.
Usage: language_test.py REGFLOW_BINARY SOURCE_DIR"""

import html
import json
import re
import sys

from server import Failure, Server


def check(condition, what):
    if not condition:
        raise Failure(what)


def html_lang(page):
    match = re.search(r'<html lang="([a-z]+)">', page)
    return match[1] if match else None


def error_pages(server, session):
    # The same missing page, in each language the browser asks for.
    for language, heading, words in (("en", "Error 404", "There is no page '/nowhere'."),
                                     ("id", "Galat 404", "Halaman '/nowhere' tidak ada.")):
        response, page = server.request("GET", "/nowhere", cookie=session,
                                        headers={"Accept-Language": language})
        check(response.status == 404, f"{language}: /nowhere answered {response.status}")
        check(response.getheader("Content-Language") == language,
              f"{language}: Content-Language {response.getheader('Content-Language')}")
        check(heading in page and words in html.unescape(page), f"{language}: 404 page: {page[-600:]}")
        check(html_lang(page) == language, f"{language}: 404 page marked {html_lang(page)}")

    # A form sent as something else than a form: 415, in the reader's language.
    for language, words in (("en", "a form must be sent as application/x-www-form-urlencoded"),
                            ("id", "formulir harus dikirim sebagai application/x-www-form-urlencoded")):
        response, page = server.request("POST", "/logout", body="{}", cookie=session,
                                        headers={"Accept-Language": language,
                                                 "Content-Type": "application/json"})
        check(response.status == 415 and words in html.unescape(page), f"{language}: 415: {response.status} {page[-400:]}")

    # A body over the limit (within twice the limit, so it is read and dropped first): the 413
    # page in the request's language.
    for language, words in (("en", "The request is too large for this page."),
                            ("id", "Permintaan ini terlalu besar untuk halaman ini.")):
        response, page = server.request("POST", "/login", body="x" * (200 * 1024),
                                        headers={"Accept-Language": language,
                                                 "Content-Type": "application/x-www-form-urlencoded"})
        check(response.status == 413 and words in page, f"{language}: 413: {response.status} {page}")
        check(response.getheader("Content-Language") == language,
              f"{language}: 413 Content-Language {response.getheader('Content-Language')}")


def api_errors(server, session):
    for language, words in (("en", "no dossier 'PERDA-1999-0001' in "),
                            ("id", "tidak ada berkas 'PERDA-1999-0001' ")):
        response, body = server.request("GET", "/api/d/PERDA-1999-0001", cookie=session,
                                        headers={"Accept-Language": language})
        answer = json.loads(body)
        check(response.status == 404, f"{language}: API 404 answered {response.status}")
        check(answer.get("error") == "not_found", f"{language}: API error code {answer}")
        check(answer.get("message", "").startswith(words), f"{language}: API message {answer}")
    for language, words in (("en", "sign in, or send"), ("id", "masuk, atau kirim")):
        response, body = server.request("GET", "/api/board", headers={"Accept-Language": language})
        answer = json.loads(body)
        check(response.status == 401 and answer.get("error") == "unauthorized" and
              answer.get("message", "").startswith(words), f"{language}: API 401 {answer}")


def stored_choice(server):
    # sari's browser asks for Indonesian; she picks English in the footer.
    first, _ = server.sign_in("sari")
    response, page = server.request("GET", "/?lang=en", cookie=first,
                                    headers={"Accept-Language": "id"})
    check(response.status == 200 and html_lang(page) == "en", "?lang=en while signed in")
    server.request("POST", "/logout", {"csrf": server.csrf_of(first)}, cookie=first,
                   origin=f"http://127.0.0.1:{server.port}")
    # Another device: no language cookie, an Indonesian browser; her choice follows her.
    second, _ = server.sign_in("sari")
    check(second != first, "a new session")
    response, page = server.request("GET", "/", cookie=second, headers={"Accept-Language": "id"})
    check(html_lang(page) == "en" and response.getheader("Content-Language") == "en",
          f"the stored choice did not follow sari: lang={html_lang(page)}")
    # Someone else on the same server still gets what their browser asks for.
    other, _ = server.sign_in("budi")
    _, page = server.request("GET", "/", cookie=other, headers={"Accept-Language": "id"})
    check(html_lang(page) == "id", "budi, who chose nothing, follows his browser")
    # Choosing again replaces it.
    server.request("GET", "/?lang=id", cookie=second)
    _, page = server.request("GET", "/queue", cookie=second, headers={"Accept-Language": "en"})
    check(html_lang(page) == "id", "the second choice (id) was not kept")


def typed_dates(server, session):
    # The board's as-of date and the statistics' period accept the Indonesian way of writing.
    response, page = server.request("GET", "/?asof=15/02/2021", cookie=session,
                                    headers={"Accept-Language": "id"})
    check(response.status == 200 and "Senin, 15 Februari 2021" in page,
          f"as-of 15/02/2021: {response.status} {page[-300:] if response.status != 200 else ''}")
    response, page = server.request("GET", "/statistik?from=01/01/2021&to=28/02/2021",
                                    cookie=session, headers={"Accept-Language": "id"})
    check(response.status == 200 and "Jumat, 1 Januari 2021" in page,
          f"statistics period 01/01/2021: {response.status}")
    response, page = server.request("GET", "/?asof=31/02/2021", cookie=session,
                                    headers={"Accept-Language": "en"})
    check(response.status == 400 and "expected DD/MM/YYYY or YYYY-MM-DD" in page,
          f"as-of 31/02/2021 is no date: {response.status}")


def main(binary, source):
    server = Server(binary, source)
    try:
        session, _ = server.sign_in("gubernur")
        error_pages(server, session)
        api_errors(server, session)
        stored_choice(server)
        typed_dates(server, session)
    finally:
        server.stop()
    print("ok")


if __name__ == "__main__":
    try:
        main(*sys.argv[1:3])
    except Failure as e:
        print(f"FAILED: {e}")
        sys.exit(1)
