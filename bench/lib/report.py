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


import os

# "Before" figures (issue 17's starting point), measured once with the same scripts; see the file.
baseline = {}
baseline_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "baseline.tsv")
if os.path.exists(baseline_path):
    for line in open(baseline_path):
        if line.strip() and not line.startswith("#"):
            key, _, value = line.rstrip("\n").partition("\t")
            baseline[key] = float(value)


def cg(key):
    return num(f"{key}.instructions_m")


# Issue 17's targets, in its order.
target_ratio("one --no-http probe (RSA): instructions, tlsprobe / floor (callgrind, M)", cg("cg.probe.tlsprobe"), cg("cg.probe.floor"), 1.3)
for label, name in (("rsa", "RSA-2048"), ("ec", "ECDSA P-256")):
    t = num(f"single.{label}.nohttp.tlsprobe.median_ms")
    target_ratio(f"{name} --no-http: wall, tlsprobe / floor (median ms)", t, num(f"single.{label}.nohttp.floor.median_ms"), 1.15)
    target_ratio(f"{name} --no-http: wall, tlsprobe / s_client (median ms)", t, num(f"single.{label}.nohttp.s_client.median_ms"), 1.0)
    target_ratio(f"{name} with HTTP: wall, tlsprobe / curl (median ms)", num(f"single.{label}.http.tlsprobe.median_ms"), num(f"single.{label}.http.curl.median_ms"), 1.0)
target_abs("tlsprobe --version: instructions (callgrind)", cg("cg.version.tlsprobe"), "M", 3)
single_rss = max((num(f"single.{l}.{m}.tlsprobe.rss_kb") or 0) for l in ("rsa", "ec") for m in ("nohttp", "http")) / 1024
target_abs("peak RSS, one probe (worst of the four)", single_rss or None, "MB", 10)
fleet_rows = [k[len("fleet."):-len(".probes_per_s")] for k in values if k.startswith("fleet.tlsprobe_j") and k.endswith(".probes_per_s")]
fleet_rss = max((num(f"fleet.{row}.rss_kb") or 0 for row in fleet_rows), default=0)
many_rss = num("growth.targets_many.rss_kb") or 0
target_abs(f"peak RSS, fleet runs (worst, incl. {values.get('meta.many', '?')} targets)", max(fleet_rss, many_rss) / 1024 or None, "MB", 20)
size = num("binary.tlsprobe_installed.bytes")
target_abs(f"release binary as installed (strip --strip-all; {fmt((num('binary.tlsprobe.bytes') or 0) / 1048576, 1)} MB as built)", size / 1048576 if size else None, "MB", 20)
best = max(fleet_rows, key=lambda row: num(f"fleet.{row}.probes_per_s") or 0) if fleet_rows else None
if best:
    rate = num(f"fleet.{best}.probes_per_s")
    target_ratio(f"fleet of {values.get('meta.fleet')}: probes/s, tlsprobe ({best[9:]}) / floor 8 threads", rate, num("fleet.floor_t8.probes_per_s"), 0.9, at_least=True)
    target_ratio("fleet: client CPU ms/probe, tlsprobe / floor 8 threads", num(f"fleet.{best}.cpu_ms_per_probe"), num("fleet.floor_t8.cpu_ms_per_probe"), 1.2)
marginal = lambda who: None if cg(f"cg.fleet11.{who}") is None or cg(f"cg.fleet1.{who}") is None else (cg(f"cg.fleet11.{who}") - cg(f"cg.fleet1.{who}")) / 10
target_ratio("fleet: instructions per further probe, tlsprobe / floor (callgrind, M)", marginal("tlsprobe"), marginal("floor"), 1.2)
# Nothing else slower: against the "before" figures.
for key, what in (("cg.system.tlsprobe", "system store (~140 roots), --no-http"), ("cg.san3000.tlsprobe", "3,000-name (80 KB) leaf, --no-http"),
                  ("cg.explain.tlsprobe", "explain -0x2700")):
    target_ratio(f"{what}: instructions, now / before (callgrind, M)", cg(key), baseline.get(f"{key}.instructions_m"), 1.0)
a, b = num("growth.san3000.median_ms"), num("growth.rsa.median_ms")
target_abs("3,000-name (80 KB) leaf: extra wall time vs a normal leaf", None if a is None or b is None else a - b, "ms", 6)


def callgrind_table():
    rows = ["| case | tlsprobe now (M) | before (M) | floor (M) | now / floor |", "|---|---|---|---|---|"]
    for key, what in (("probe", "one probe, --no-http"), ("http", "one probe with HTTP"), ("version", "--version"),
                      ("fleet1", "fleet run, 1 target"), ("fleet11", "fleet run, 11 targets"), ("explain", "explain -0x2700"),
                      ("system", "system store, --no-http"), ("san3000", "80 KB leaf, --no-http")):
        now, floor = cg(f"cg.{key}.tlsprobe"), cg(f"cg.{key}.floor")
        rows.append(f"| {what} | {fmt(now)} | {fmt(baseline.get(f'cg.{key}.tlsprobe.instructions_m'))} | {fmt(floor)} | {fmt(ratio(now, floor))} |")
    m_now, m_floor = marginal("tlsprobe"), marginal("floor")
    rows.append(f"| each further fleet probe | {fmt(m_now)} | {fmt(baseline.get('cg.marginal.tlsprobe.instructions_m'))} | {fmt(m_floor)} | {fmt(ratio(m_now, m_floor))} |")
    return "\n".join(rows)


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
print("\nRatios against issue 17's targets (one run; wall times on a shared machine are noisy, instruction counts are not):\n")
print(ratio_table)
with open(markdown_path, "w") as out:
    out.write(f"# tlsprobe benchmark results\n\n{note}\n\nProduced by `bench/run` (see its header). Machine and versions:\n\n{meta}\n\n")
    out.write(f"## Targets of issue 17 (ratios from this run)\n\n{ratio_table}\n\n")
    out.write(f"## Instructions (callgrind, millions; whole process, all threads)\n\n{callgrind_table()}\n\n")
    out.write(f"## Single probe and start-up (wall time over {values.get('meta.runs')} runs)\n\n{single_table()}\n\n")
    out.write("System store: a copy of the system roots plus the bench roots. Peers get `SSL_CERT_FILE` (the bundle) and "
              "`SSL_CERT_DIR` as their defaults would; tlsprobe gets only `SSL_CERT_DIR` (its default: the hashed "
              "directory, looked up lazily); `tlsprobe_bundle` shows tlsprobe honouring `SSL_CERT_FILE`.\n\n")
    out.write(f"## Fleet ({values.get('meta.fleet')} probes of the RSA server; mode: {values.get('meta.fleet_mode')})\n\n{fleet_table()}\n\n")
    out.write(f"Capacity: {capacity}\n\n")
    out.write(f"## Growth: big leaves (DER KB: {values.get('meta.leaf_kb')})\n\n{growth_table()}\n\n")
    out.write("<details><summary>raw results</summary>\n\n```\n" + open(results_path).read() + "```\n</details>\n")
print(f"\nwrote {markdown_path}")
