#!/usr/bin/env python3
"""Turns a captured ClientHello (hex of the TLS record, as scripts/capture-client-hello.py writes
it or as testssl.sh's etc/client-simulation.txt lists it in `handshakebytes`) into the
`HelloRecipe` literal a client profile holds. Review the output before committing it: GREASE
values are dropped, SNI/ALPN bodies are rebuilt from the target, key shares are regenerated.

    scripts/hello-to-recipe.py FILE.hex          # or: - (stdin)
"""
import sys

TYPED = {0, 5, 10, 11, 13, 16, 18, 21, 22, 23, 35, 43, 45, 51, 65281}

def grease(v): return (v & 0x0F0F) == 0x0A0A

def main():
    text = (sys.stdin.read() if sys.argv[1] == '-' else open(sys.argv[1]).read()).strip()
    data = bytes.fromhex(text)
    if data[0] == 0x16: data = data[5:]
    assert data[0] == 1, "not a ClientHello"
    p = 4
    legacy = int.from_bytes(data[p:p+2], 'big'); p += 2 + 32
    p += 1 + data[p]
    n = int.from_bytes(data[p:p+2], 'big'); p += 2
    suites = [int.from_bytes(data[p+i:p+i+2], 'big') for i in range(0, n, 2)]; p += n
    p += 1 + data[p]
    end = p + 2 + int.from_bytes(data[p:p+2], 'big'); p += 2
    exts, groups, shares, schemes, versions, alpn, points, psk, raw = [], [], [], [], [], [], [0], [1], {}
    padded = False
    while p < end:
        t = int.from_bytes(data[p:p+2], 'big'); l = int.from_bytes(data[p+2:p+4], 'big'); b = data[p+4:p+4+l]; p += 4 + l
        if grease(t): continue
        if t == 21: padded = True; continue
        exts.append(t)
        if t == 10: groups = [int.from_bytes(b[i:i+2], 'big') for i in range(2, len(b), 2)]
        elif t == 13: schemes = [int.from_bytes(b[i:i+2], 'big') for i in range(2, len(b), 2)]
        elif t == 43: versions = [int.from_bytes(b[i:i+2], 'big') for i in range(1, len(b), 2)]
        elif t == 11: points = list(b[1:])
        elif t == 45: psk = list(b[1:])
        elif t == 16:
            q = 2
            while q < len(b): alpn.append(b[q+1:q+1+b[q]].decode()); q += 1 + b[q]
        elif t == 51:
            q = 2
            while q < len(b):
                g = int.from_bytes(b[q:q+2], 'big'); shares.append(g); q += 4 + int.from_bytes(b[q+2:q+4], 'big')
        elif t not in TYPED: raw[t] = b.hex()
    if not versions:
        versions = [v for v in (0x0303, 0x0302, 0x0301, 0x0300) if v <= legacy]
    h = lambda xs: ", ".join("0x%04X" % x for x in xs if not grease(x))
    print("HelloRecipe(")
    print("    versions: [%s]," % h(versions))
    print("    suites: [%s]," % h(suites))
    print("    groups: [%s]," % h(groups))
    print("    keyShares: [%s]," % h(shares))
    print("    signatureSchemes: [%s]," % h(schemes))
    print("    extensions: [%s]," % ", ".join(str(e) for e in exts))
    if alpn: print("    alpn: [%s]," % ", ".join('"%s"' % a for a in alpn))
    if points != [0]: print("    pointFormats: [%s]," % ", ".join(str(x) for x in points))
    if psk != [1]: print("    pskModes: [%s]," % ", ".join(str(x) for x in psk))
    if padded: print("    padsTo512: true,")
    if raw: print("    rawBodies: [%s]," % ", ".join("%d: [%s]" % (k, ", ".join("0x%02X" % x for x in bytes.fromhex(v))) for k, v in raw.items()))
    print(")")

main()
