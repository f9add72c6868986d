"""`regflow serve --tls-cert --tls-key`: HTTPS with a certificate made for the test, the session
cookie marked Secure, the Origin check on the https scheme, and plain HTTP refused.
Usage: tls_test.py REGFLOW_BINARY SOURCE_DIR"""

import os
import socket
import ssl
import subprocess
import sys
import tempfile

from server import Failure, Server


def check(condition, what):
    if not condition:
        raise Failure(what)


def main(binary, source):
    keys = tempfile.TemporaryDirectory(prefix="regflow-tls-test-")
    cert, key = os.path.join(keys.name, "cert.pem"), os.path.join(keys.name, "key.pem")
    made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                           "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                           "-keyout", key, "-out", cert], capture_output=True, text=True)
    check(made.returncode == 0, f"openssl could not make a test certificate: {made.stderr}")
    context = ssl.create_default_context(cafile=cert)
    server = Server(binary, source, extra=("--tls-cert", cert, "--tls-key", key), tls_context=context)
    try:
        check(f"https://127.0.0.1:{server.port}" in server.banner, server.banner)
        response, page = server.request("GET", "/login")
        check(response.status == 200 and "Masuk" in page, f"GET /login over TLS: {response.status}")
        cookie, csrf = server.login_form()
        response, _ = server.request("POST", "/login", {"name": "sari", "password": "babel-2021", "csrf": csrf},
                                     cookie=cookie, origin=f"https://127.0.0.1:{server.port}")
        set_cookie = response.getheader("Set-Cookie") or ""
        check(response.status == 303 and "Secure" in set_cookie and "HttpOnly" in set_cookie,
              f"sign-in over TLS: {response.status} {set_cookie}")
        session = set_cookie.split(";")[0]
        response, page = server.request("GET", "/", cookie=session)
        check(response.status == 200 and "Papan" in page, "the board over TLS")
        response, _ = server.request("POST", "/logout", {"csrf": server.csrf_of(session)}, cookie=session,
                                     origin=f"http://127.0.0.1:{server.port}")
        check(response.status == 403, "an http:// Origin is not this https server")
        # Plain HTTP on the TLS port gets no HTTP answer, and the server carries on.
        s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        s.sendall(b"GET /login HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = b""
        try:
            answer = s.recv(100)
        except (socket.timeout, ConnectionResetError):
            pass
        s.close()
        check(not answer.startswith(b"HTTP/1.1 200"), f"plain HTTP answered on the TLS port: {answer!r}")
        response, _ = server.request("GET", "/login")
        check(response.status == 200, "the server carries on after a plain-HTTP client")
    finally:
        code = server.stop()
    check(code == 0, f"exit {code}")
    bad = subprocess.run([binary, "--db", server.db, "serve", "--listen", "127.0.0.1:0", "--tls-cert",
                          os.path.join(keys.name, "missing.pem"), "--tls-key", key],
                         capture_output=True, text=True, env=server.env, timeout=60)
    check(bad.returncode == 1 and "--tls-cert" in bad.stderr and "PEM certificate" in bad.stderr,
          f"a missing certificate: {bad.returncode} {bad.stderr}")
    print("ok: TLS")


if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2])
    except Failure as e:
        print(f"FAILED: {e}")
        sys.exit(1)
