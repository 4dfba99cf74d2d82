"""Python's ssl with the defaults a program gets (ssl.create_default_context), for the
client-matrix oracle tests: connects, completes the handshake, prints one line.

    python3 python_tls_client.py HOST PORT SERVERNAME CAFILE|- TIMEOUT_MS
    outcome=connected version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384
    outcome=failed error=<ssl's text>
"""
import socket
import ssl
import sys

host, port, name, cafile, timeout = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]) / 1000
context = ssl.create_default_context(cafile=None if cafile == "-" else cafile)
try:
    with socket.create_connection((host, port), timeout=timeout) as sock:
        with context.wrap_socket(sock, server_hostname=name) as tls:
            print("outcome=connected version=%s cipher=%s" % (tls.version(), tls.cipher()[0]))
except (ssl.SSLError, ssl.CertificateError, OSError) as error:
    print("outcome=failed error=%s" % str(error).replace("\n", " "))
