#!/usr/bin/env python3
"""Captures the first ClientHello a client sends, as hex of the TLS record(s), for a client
profile of `tlsprobe clients` (then scripts/hello-to-recipe.py turns it into a HelloRecipe).
Listens on 127.0.0.1 only, answers nothing, closes after one hello.

    scripts/capture-client-hello.py 40001 curl.hex &
    curl https://example.com:40001/ --resolve example.com:40001:127.0.0.1
"""
import socket
import sys


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(1)
    listener.settimeout(30)
    connection, _ = listener.accept()
    connection.settimeout(5)
    data = b""
    try:
        while len(data) < 5 or len(data) < 5 + int.from_bytes(data[3:5], "big"):
            chunk = connection.recv(65536)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    with open(path, "w") as out:
        out.write(data.hex())
    connection.close()


main()
