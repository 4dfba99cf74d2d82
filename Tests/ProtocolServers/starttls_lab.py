#!/usr/bin/env python3
"""Stand-in servers for tlsprobe's protocol tests (Tests/TLSProbeProtocolTests/RawServerTests).

Each mode is a small server on 127.0.0.1, port chosen by the OS, that behaves the way a real
server does in one case the real daemons cannot be made to show: STARTTLS not offered, refused,
the wrong protocol, data injected after the go-ahead, silence, an endless reply, and the
protocols without a Debian server light enough for CI (FTP AUTH TLS, XMPP, LDAP StartTLS).
TLS after an upgrade is Python's ssl module (OpenSSL) with the certificate the test made.

Usage: starttls_lab.py CHAIN KEY PORTFILE
Writes "mode port" lines to PORTFILE once every listener is up, then serves until killed.
"""
import socket
import ssl
import sys
import threading

CHAIN, KEY, PORTFILE = sys.argv[1:4]
CONTEXT = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
CONTEXT.load_cert_chain(CHAIN, KEY)


def read_line(conn, limit=4096):
    data = b""
    while not data.endswith(b"\n") and len(data) < limit:
        chunk = conn.recv(1)
        if not chunk:
            break
        data += chunk
    return data


def read_until(conn, marker, limit=65536):
    data = b""
    while marker not in data and len(data) < limit:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def tls(conn):
    return CONTEXT.wrap_socket(conn, server_side=True)


def smtp_greet_ehlo(conn, capabilities):
    conn.sendall(b"220 lab.test ESMTP stand-in\r\n")
    read_line(conn)
    lines = [b"lab.test"] + capabilities
    reply = b"".join(b"250-" + line + b"\r\n" for line in lines[:-1]) + b"250 " + lines[-1] + b"\r\n"
    conn.sendall(reply)


def smtp_no_starttls(conn):
    smtp_greet_ehlo(conn, [b"PIPELINING", b"SIZE 10240000", b"AUTH PLAIN LOGIN"])
    read_line(conn)


def smtp_refuse(conn):
    smtp_greet_ehlo(conn, [b"PIPELINING", b"STARTTLS"])
    read_line(conn)
    conn.sendall(b"454 4.7.0 TLS not available due to temporary reason\r\n")
    read_line(conn)


def smtp_inject(conn):
    smtp_greet_ehlo(conn, [b"STARTTLS"])
    read_line(conn)
    # The go-ahead and a forged reply in one segment: what an injecting middlebox produces.
    conn.sendall(b"220 2.0.0 Ready to start TLS\r\n250 injected reply\r\n")
    conn.recv(4096)


def smtp_flood(conn):
    try:
        for _ in range(20000):
            conn.sendall(b"220-" + b"x" * 70 + b"\r\n")
    except OSError:
        pass


def silent(conn):
    conn.recv(4096)


def imap_greeting(conn):
    conn.sendall(b"* OK [CAPABILITY IMAP4rev1 STARTTLS] stand-in IMAP ready\r\n")
    conn.recv(4096)


def imap_refuse(conn):
    conn.sendall(b"* OK stand-in IMAP ready\r\n")
    read_line(conn)
    conn.sendall(b"* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\na1 OK done\r\n")
    read_line(conn)
    conn.sendall(b"a2 NO [UNAVAILABLE] TLS is broken here\r\n")
    read_line(conn)


def pop3_refuse(conn):
    conn.sendall(b"+OK stand-in POP3 ready\r\n")
    read_line(conn)
    conn.sendall(b"+OK\r\nUSER\r\nSTLS\r\n.\r\n")
    read_line(conn)
    conn.sendall(b"-ERR TLS not available\r\n")
    read_line(conn)


def ftp(conn):
    conn.sendall(b"220 stand-in FTP ready\r\n")
    read_line(conn)  # FEAT
    conn.sendall(b"211-Features:\r\n AUTH TLS\r\n PBSZ\r\n PROT\r\n UTF8\r\n211 End\r\n")
    read_line(conn)  # AUTH TLS
    conn.sendall(b"234 Proceed with negotiation.\r\n")
    secure = tls(conn)
    read_line(secure)  # FEAT
    secure.sendall(b"211-Features:\r\n PBSZ\r\n PROT\r\n UTF8\r\n211 End\r\n")
    read_line(secure)


def ftp_no_auth(conn):
    conn.sendall(b"220 stand-in FTP ready\r\n")
    read_line(conn)
    conn.sendall(b"211-Features:\r\n MDTM\r\n SIZE\r\n211 End\r\n")
    read_line(conn)
    conn.sendall(b"500 AUTH not understood\r\n")
    read_line(conn)


STREAM = (b"<?xml version='1.0'?><stream:stream from='localhost' id='s1' version='1.0' "
          b"xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>")


def xmpp(conn):
    read_until(conn, b">")
    conn.sendall(STREAM + b"<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>")
    read_until(conn, b"/>")
    conn.sendall(b"<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
    secure = tls(conn)
    read_until(secure, b">")
    secure.sendall(STREAM + b"<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                   b"<mechanism>SCRAM-SHA-1</mechanism><mechanism>PLAIN</mechanism></mechanisms></stream:features>")
    secure.recv(4096)


def xmpp_no_tls(conn):
    read_until(conn, b">")
    conn.sendall(STREAM + b"<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                 b"<mechanism>PLAIN</mechanism></mechanisms></stream:features>")
    conn.recv(4096)


def ldap_response(message_id, result, value=None):
    body = b"\x0a\x01" + bytes([result]) + b"\x04\x00\x04\x00"
    if value is not None:
        body += b"\x8b" + bytes([len(value)]) + value
    op = b"\x78" + bytes([len(body)]) + body
    inner = b"\x02\x01" + bytes([message_id]) + op
    return b"\x30" + bytes([len(inner)]) + inner


def read_ber(conn):
    head = conn.recv(2)
    if len(head) < 2:
        return b""
    length = head[1]
    if length & 0x80:
        extra = conn.recv(length & 0x7F)
        length = int.from_bytes(extra, "big")
    data = b""
    while len(data) < length:
        chunk = conn.recv(length - len(data))
        if not chunk:
            break
        data += chunk
    return data


def ldap(conn):
    read_ber(conn)
    conn.sendall(ldap_response(1, 0))
    secure = tls(conn)
    read_ber(secure)
    secure.sendall(ldap_response(1, 0, b""))
    secure.recv(4096)


def ldap_unsupported(conn):
    read_ber(conn)
    conn.sendall(ldap_response(1, 2))
    conn.recv(4096)


def tls_http(conn):
    """Implicit TLS, then an HTTP server's answer to whatever arrives (MQTT, a WebSocket upgrade)."""
    secure = tls(conn)
    secure.recv(4096)
    secure.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


def tls_only(conn):
    """Implicit TLS: answers a plaintext SSLRequest or StartTLS request with a TLS alert."""
    try:
        tls(conn)
    except (ssl.SSLError, OSError):
        pass


def smtp_ehlo_rejected(conn):
    conn.sendall(b"220 lab.test ESMTP stand-in\r\n")
    read_line(conn)
    conn.sendall(b"500 5.5.1 EHLO not recognised\r\n")
    read_line(conn)


def smtp_stall_after_ehlo(conn):
    conn.sendall(b"220 lab.test ESMTP stand-in\r\n")
    read_line(conn)
    conn.recv(4096)


def smtp_close_after_ehlo(conn):
    conn.sendall(b"220 lab.test ESMTP stand-in\r\n")
    read_line(conn)


def smtp_still_offers(conn):
    """Upgrades, then still lists STARTTLS over TLS (RFC 3207 says it must not)."""
    smtp_greet_ehlo(conn, [b"STARTTLS"])
    read_line(conn)
    conn.sendall(b"220 2.0.0 Ready to start TLS\r\n")
    secure = tls(conn)
    read_line(secure)
    secure.sendall(b"250-lab.test\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n")
    read_line(secure)


def tls_silent(conn):
    secure = tls(conn)
    secure.recv(4096)
    threading.Event().wait(8)


def tls_flood(conn):
    secure = tls(conn)
    try:
        for _ in range(5000):
            secure.sendall(b"220-" + b"y" * 70 + b"\r\n")
    except (OSError, ssl.SSLError):
        pass


def tls_smtp_refuse(conn):
    secure = tls(conn)
    secure.sendall(b"554 5.7.1 no service for you\r\n")
    read_line(secure)


def websocket_answer(conn, accept_ok, subprotocol):
    import base64
    import hashlib
    secure = tls(conn)
    request = read_until(secure, b"\r\n\r\n").decode("latin-1")
    key = ""
    for line in request.split("\r\n"):
        if line.lower().startswith("sec-websocket-key:"):
            key = line.split(":", 1)[1].strip()
    accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()).decode()
    if not accept_ok:
        accept = base64.b64encode(hashlib.sha1(b"not the key").digest()).decode()
    reply = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n"
    if subprotocol:
        reply += "Sec-WebSocket-Protocol: " + subprotocol + "\r\n"
    secure.sendall((reply + "\r\n").encode())
    secure.recv(4096)


def ws_bad_accept(conn):
    websocket_answer(conn, accept_ok=False, subprotocol=None)


def ws_no_subprotocol(conn):
    websocket_answer(conn, accept_ok=True, subprotocol=None)


def ftps(conn):
    """Implicit TLS (port 990 style): the greeting comes over TLS."""
    secure = tls(conn)
    secure.sendall(b"220 stand-in FTPS ready\r\n")
    read_line(secure)
    secure.sendall(b"211-Features:\r\n PBSZ\r\n PROT\r\n211 End\r\n")
    read_line(secure)


def ldaps(conn):
    secure = tls(conn)
    read_ber(secure)
    secure.sendall(ldap_response(1, 0, b"dn:cn=anonymous"))
    secure.recv(4096)


MODES = {
    "smtp-no-starttls": smtp_no_starttls, "smtp-refuse": smtp_refuse, "smtp-inject": smtp_inject,
    "smtp-flood": smtp_flood, "silent": silent, "imap-greeting": imap_greeting, "imap-refuse": imap_refuse,
    "pop3-refuse": pop3_refuse, "ftp": ftp, "ftp-no-auth": ftp_no_auth, "xmpp": xmpp, "xmpp-no-tls": xmpp_no_tls,
    "ldap": ldap, "ldap-unsupported": ldap_unsupported, "tls-http": tls_http, "tls-only": tls_only,
    "smtp-ehlo-rejected": smtp_ehlo_rejected, "smtp-stall-after-ehlo": smtp_stall_after_ehlo,
    "smtp-close-after-ehlo": smtp_close_after_ehlo, "smtp-still-offers": smtp_still_offers,
    "tls-silent": tls_silent, "tls-flood": tls_flood, "tls-smtp-refuse": tls_smtp_refuse,
    "ws-bad-accept": ws_bad_accept, "ws-no-subprotocol": ws_no_subprotocol, "ftps": ftps, "ldaps": ldaps,
}


def handle(mode, conn):
    conn.settimeout(10)
    try:
        MODES[mode](conn)
    except (OSError, ssl.SSLError):
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass


def serve(mode, listener):
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=handle, args=(mode, conn), daemon=True).start()


def main():
    lines = []
    for mode in MODES:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        lines.append(f"{mode} {listener.getsockname()[1]}")
        threading.Thread(target=serve, args=(mode, listener), daemon=True).start()
    with open(PORTFILE + ".tmp", "w") as out:
        out.write("\n".join(lines) + "\n")
    import os
    os.rename(PORTFILE + ".tmp", PORTFILE)
    threading.Event().wait()


if __name__ == "__main__":
    main()
