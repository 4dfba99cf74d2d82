"""Turns bench/run's results.tsv into the ratio table (stdout) and bench/RESULTS.md."""
import sys

results_path, markdown_path = sys.argv[1], sys.argv[2]
note = sys.argv[3] if len(sys.argv) > 3 else ""
values = {}
for line in open(results_path):
    key, _, value = line.rstrip("\n").partition("\t")
    values[key] = value


def num(key):
    try:
        return float(values[key])
    except (KeyError, ValueError):
        return None


def ratio(a, b):
    return a / b if a is not None and b not in (None, 0) else None


def fmt(x, digits=2):
    return "—" if x is None else f"{x:.{digits}f}"


targets = []  # (what, measured text, target text, met?)


def target_ratio(what, a, b, limit, at_least=False):
    r = ratio(a, b)
    met = None if r is None else (r >= limit if at_least else r <= limit)
    sign = "≥" if at_least else "≤"
    targets.append((what, f"{fmt(r)}×  ({fmt(a, 1)} / {fmt(b, 1)})", f"{sign} {limit}×", met))


def target_abs(what, value, unit, limit):
    met = None if value is None else value <= limit
    targets.append((what, f"{fmt(value, 1)} {unit}", f"≤ {limit} {unit}", met))


for label, name in (("rsa", "RSA-2048"), ("ec", "ECDSA P-256")):
    t = num(f"single.{label}.nohttp.tlsprobe.median_ms")
    target_ratio(f"{name} --no-http, one anchor: tlsprobe / floor (median ms)", t, num(f"single.{label}.nohttp.floor.median_ms"), 1.15)
    target_ratio(f"{name} --no-http, one anchor: tlsprobe / s_client", t, num(f"single.{label}.nohttp.s_client.median_ms"), 1.1)
    target_ratio(f"{name} with HTTP: tlsprobe / curl", num(f"single.{label}.http.tlsprobe.median_ms"), num(f"single.{label}.http.curl.median_ms"), 1.0)
target_ratio("system store, --no-http: tlsprobe / s_client (default store)", num("system.nohttp.tlsprobe.median_ms"), num("system.nohttp.s_client.median_ms"), 0.25)
target_ratio("system store, with HTTP: tlsprobe / curl (default store)", num("system.http.tlsprobe.median_ms"), num("system.http.curl.median_ms"), 0.2)
single_rss = max((num(f"single.{l}.{m}.tlsprobe.rss_kb") or 0) for l in ("rsa", "ec") for m in ("nohttp", "http")) / 1024
target_abs("peak RSS, one probe (worst of the four)", single_rss or None, "MB", 12)
fleet_rows = [k[len("fleet."):-len(".probes_per_s")] for k in values if k.startswith("fleet.tlsprobe_j") and k.endswith(".probes_per_s")]
best = max(fleet_rows, key=lambda row: num(f"fleet.{row}.probes_per_s") or 0) if fleet_rows else None
if best:
    rate = num(f"fleet.{best}.probes_per_s")
    target_ratio(f"fleet probes/s: tlsprobe ({best[9:]}) / floor 8 threads", rate, num("fleet.floor_t8.probes_per_s"), 0.85, at_least=True)
    target_ratio("fleet probes/s: tlsprobe / xargs -P8 s_client", rate, num("fleet.xargs_s_client.probes_per_s"), 2.5, at_least=True)
    target_ratio("fleet probes/s: tlsprobe / curl --parallel", rate, num("fleet.curl_parallel.probes_per_s"), 1.3, at_least=True)
    target_ratio("fleet client CPU ms/probe: tlsprobe / floor 8 threads", num(f"fleet.{best}.cpu_ms_per_probe"), num("fleet.floor_t8.cpu_ms_per_probe"), 1.25)
    fleet_rss = max(num(f"fleet.{row}.rss_kb") or 0 for row in fleet_rows)
    many_rss = num("growth.targets_many.rss_kb") or 0
    target_abs("peak RSS, fleet run (worst)", max(fleet_rss, many_rss) / 1024 or None, "MB", 20)
a, b = num("growth.san3000.median_ms"), num("growth.rsa.median_ms")
target_abs("3,000-name (80 KB) leaf: extra time vs a normal leaf", None if a is None or b is None else a - b, "ms", 6)
a, b = num("growth.san3000.tlsprobe.rss_kb"), num("growth.rsa.tlsprobe.rss_kb")
target_abs("3,000-name (80 KB) leaf: extra RSS vs a normal leaf", None if a is None or b is None else (a - b) / 1024, "MB", 1)
a, b = num("growth.targets_many.rss_kb"), num("growth.targets10.rss_kb")
target_abs(f"RSS growth, {values.get('meta.many', '?')} targets vs 10", None if a is None or b is None else (a - b) / 1024, "MB", 1)


def mark(met):
    return "?" if met is None else ("met" if met else "NOT met")


lines = ["| target | measured | goal | |", "|---|---|---|---|"]
lines += [f"| {what} | {measured} | {goal} | {mark(met)} |" for what, measured, goal, met in targets]
ratio_table = "\n".join(lines)


def single_table():
    rows = ["| case | tool | min ms | median ms | peak RSS MB |", "|---|---|---|---|---|"]
    for group in ("single.rsa.nohttp", "single.rsa.http", "single.ec.nohttp", "single.ec.http", "system.nohttp", "system.http", "startup"):
        tools = sorted({k[len(group) + 1:].split(".")[0] for k in values if k.startswith(group + ".")})
        for tool in tools:
            rss = num(f"{group}.{tool}.rss_kb")
            failed = " (FAILED check)" if f"{group}.{tool}.failed" in values else ""
            rows.append(f"| {group} | {tool}{failed} | {fmt(num(f'{group}.{tool}.min_ms'))} | {fmt(num(f'{group}.{tool}.median_ms'))} | {fmt(rss / 1024 if rss else None, 1)} |")
    return "\n".join(rows)


def fleet_table():
    rows = ["| run | probes/s | client CPU ms/probe | peak RSS MB | wall s | exit |", "|---|---|---|---|---|---|"]
    keys = sorted({k.split(".")[1] for k in values if k.startswith("fleet.")})
    keys += ["targets10", "targets_many"]
    for key in keys:
        prefix = f"fleet.{key}" if key.startswith(("tlsprobe", "floor", "xargs", "curl")) else f"growth.{key}"
        rss = num(f"{prefix}.rss_kb")
        name = key if key != "targets_many" else f"tlsprobe, {values.get('meta.many')} targets (growth)"
        name = name if key != "targets10" else "tlsprobe, 10 targets (growth)"
        rows.append(f"| {name} | {fmt(num(prefix + '.probes_per_s'), 1)} | {fmt(num(prefix + '.cpu_ms_per_probe'), 3)} | {fmt(rss / 1024 if rss else None, 1)} | {values.get(prefix + '.wall_s', '—')} | {values.get(prefix + '.status', '—')} |")
    return "\n".join(rows)


def growth_table():
    rows = ["| leaf | tlsprobe median ms | tlsprobe RSS MB | tlsprobe exit, diagnoses | floor median ms | floor RSS MB | floor exit |", "|---|---|---|---|---|---|---|"]
    for name in ("rsa", "san1000", "san3000", "san8000"):
        t_rss, f_rss = num(f"growth.{name}.tlsprobe.rss_kb"), num(f"growth.{name}.floor.rss_kb")
        rows.append(f"| {name} | {fmt(num(f'growth.{name}.median_ms'))} | {fmt(t_rss / 1024 if t_rss else None, 1)} | "
                    f"{values.get(f'growth.{name}.tlsprobe.exit', '—')}: {values.get(f'growth.{name}.tlsprobe.diagnoses', '—')} | "
                    f"{fmt(num(f'growth.floor_{name}.median_ms'))} | {fmt(f_rss / 1024 if f_rss else None, 1)} | {values.get(f'growth.{name}.floor.exit', '—')} |")
    return "\n".join(rows)


capacity = (f"`openssl s_time -new` against the RSA server: {values.get('capacity.s_time_per_s', '—')} handshakes/s. "
            f"`openssl speed`: RSA-2048 sign {values.get('capacity.rsa_sign_ms', '—')} ms, verify {values.get('capacity.rsa_verify_ms', '—')} ms; "
            f"ECDSA P-256 verify {values.get('capacity.ecdsa_verify_ms', '—')} ms; X25519 {values.get('capacity.x25519_ms', '—')} ms → "
            f"client crypto per TLS 1.3 handshake ≈ {values.get('capacity.client_crypto_rsa_ms', '—')} ms (RSA server), "
            f"{values.get('capacity.client_crypto_ec_ms', '—')} ms (ECDSA server).")

meta = "\n".join(f"- {k[5:]}: {v}" for k, v in values.items() if k.startswith("meta."))
print("\nRatios against issue 8's targets (medians):\n")
print(ratio_table)
with open(markdown_path, "w") as out:
    out.write(f"# tlsprobe benchmark results\n\n{note}\n\nProduced by `bench/run` (see its header). Machine and versions:\n\n{meta}\n\n")
    out.write(f"## Targets (ratios from this run)\n\n{ratio_table}\n\n")
    out.write(f"## Single probe and start-up (wall time over {values.get('meta.runs')} runs)\n\n{single_table()}\n\n")
    out.write("System store: a copy of the system roots plus the bench roots. Peers get `SSL_CERT_FILE` (the bundle) and "
              "`SSL_CERT_DIR` as their defaults would; tlsprobe gets only `SSL_CERT_DIR` (its default: the hashed "
              "directory, looked up lazily); `tlsprobe_bundle` shows tlsprobe honouring `SSL_CERT_FILE`.\n\n")
    out.write(f"## Fleet ({values.get('meta.fleet')} probes of the RSA server; mode: {values.get('meta.fleet_mode')})\n\n{fleet_table()}\n\n")
    out.write(f"Capacity: {capacity}\n\n")
    out.write(f"## Growth: big leaves (DER KB: {values.get('meta.leaf_kb')})\n\n{growth_table()}\n\n")
    out.write("<details><summary>raw results</summary>\n\n```\n" + open(results_path).read() + "```\n</details>\n")
print(f"\nwrote {markdown_path}")
