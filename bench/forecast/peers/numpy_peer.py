"""numpy peer of the forecast benchmark: the same model files, the same semantics, idiomatic numpy.

Usage: python3 numpy_peer.py MODEL.json ITERATIONS SEED
Prints one JSON object: the outputs, and computeMs (the time after numpy is imported and the file
read, up to the outputs). Semantics follow docs/forecast-model.md for the features the benchmark
models use (lognormal, PERT, triangular, uniform; finish-to-start and not-before; gates with
windows, one rework round and approval windows; decision delay with a political hazard).
"""
import json
import sys
import time

import numpy as np

Z90 = 1.6448536269514722
PERCENTILES = list(range(5, 100, 5))
HORIZON = 36_600


def draw(rng, spec, n):
    kind = spec["kind"]
    if kind == "lognormal":
        lo, hi = np.log(spec["p5Days"]), np.log(spec["p95Days"])
        return rng.lognormal((lo + hi) / 2, (hi - lo) / (2 * Z90), n)
    if kind == "pert":
        a, m, b, lam = spec["minDays"], spec["modeDays"], spec["maxDays"], spec.get("lambda", 4)
        alpha = 1 + lam * (m - a) / (b - a)
        beta = 1 + lam * (b - m) / (b - a)
        return a + (b - a) * rng.beta(alpha, beta, n)
    if kind == "triangular":
        return rng.triangular(spec["minDays"], spec["modeDays"], spec["maxDays"], n)
    if kind == "uniform":
        return rng.uniform(spec["minDays"], spec["maxDays"], n)
    if kind == "fixed":
        return np.full(n, float(spec["days"]))
    if kind == "met":
        return np.zeros(n)
    raise ValueError(kind)


def calendar(as_of, months):
    days = np.datetime64(as_of) + np.arange(HORIZON + 1)
    month = days.astype("datetime64[M]").astype(int) % 12 + 1
    index = np.where(np.isin(month, months), np.arange(HORIZON + 1), HORIZON)
    return np.minimum.accumulate(index[::-1])[::-1]


def wait(table, t):
    if table is None:
        return t
    day = np.floor(t).astype(np.int64)
    inside = day < HORIZON
    opened = np.where(inside, table[np.minimum(day, HORIZON)], day)
    return np.where(inside & (opened > day), opened.astype(float), t)


def rankdata(x):
    """Average ranks 1…n (ties share their mean rank), as scipy.stats.rankdata does."""
    sorter = np.argsort(x, kind="stable")
    inverse = np.empty(sorter.size, dtype=np.intp)
    inverse[sorter] = np.arange(sorter.size)
    xs = x[sorter]
    obs = np.r_[True, xs[1:] != xs[:-1]]
    dense = obs.cumsum()[inverse]
    count = np.r_[np.nonzero(obs)[0], len(obs)]
    return 0.5 * (count[dense] + count[dense - 1] + 1)


def main():
    model = json.load(open(sys.argv[1]))
    n = int(sys.argv[2])
    seed = int(sys.argv[3])
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    nodes = model["nodes"]
    ids = {node["id"]: k for k, node in enumerate(nodes)}
    as_of = model["asOf"]
    finish = np.zeros((len(nodes), n))
    cause = np.full((len(nodes), n), -1, dtype=np.int64)
    inputs = {}
    tables = {}

    def table_of(months):
        if months is None:
            return None
        key = tuple(sorted(months))
        if key not in tables:
            tables[key] = calendar(as_of, list(key))
        return tables[key]

    depended = set()
    for node in nodes:
        depended.update(node.get("dependsOn", []))
    order = list(range(len(nodes)))  # the benchmark's nodes are listed dependencies first
    for k in order:
        node = nodes[k]
        work = draw(rng, node["duration"], n)
        inputs[f"{node['id']}:duration"] = work
        deps = [ids[d] for d in node.get("dependsOn", [])]
        if deps:
            stacked = finish[deps]
            which = np.argmax(stacked, axis=0)
            latest = stacked[which, np.arange(n)]
            dep_index = np.array(deps)[which]
            if node.get("dependency", "finish-to-start") == "not-before":
                own = work >= latest
                finish[k] = np.where(own, work, latest)
                cause[k] = np.where(own, -1, dep_index)
            else:
                finish[k] = latest + work
                cause[k] = dep_index
        else:
            finish[k] = work
        gate = node.get("gate")
        if gate:
            v = draw(rng, gate["verification"], n)
            fail = rng.random(n) < gate.get("failureProbability", 0)
            rework = draw(rng, gate.get("rework", {"kind": "fixed", "days": 0}), n)
            inputs[f"{node['id']}:verification"] = v
            inputs[f"{node['id']}:rework"] = np.where(fail, rework, 0.0)
            vt, at = table_of(gate.get("verificationMonths")), table_of(gate.get("approvalMonths"))
            t = wait(vt, finish[k]) + v
            t = np.where(fail, wait(vt, t + rework) + v, t)
            finish[k] = wait(at, t)

    decision = model.get("decision", {})
    after = [ids[a] for a in decision.get("after", [])] or [k for k, node in enumerate(nodes) if node["id"] not in depended]
    stacked = finish[after]
    which = np.argmax(stacked, axis=0)
    ready = stacked[which, np.arange(n)]
    start = np.array(after)[which]
    delay = draw(rng, decision.get("delay", {"kind": "fixed", "days": 0}), n)
    inputs["decision:delay"] = delay
    political = decision.get("political")
    waited = np.zeros(n)
    if political and political["kind"] == "hazard":
        periods = rng.geometric(political["probabilityPerPeriod"], n) - 1
        waited = periods * political["periodDays"]
        inputs["decision:political"] = periods.astype(float)
    final = ready + waited + delay

    # Criticality: follow the latest input back from the decision.
    critical = np.zeros(len(nodes))
    is_ftS = np.array([node.get("dependency", "finish-to-start") != "not-before" for node in nodes])
    gated = np.array([bool(node.get("gate")) for node in nodes])
    current = start.copy()
    columns = np.arange(n)
    while current.size:
        c = cause[current, columns]
        counted = (c == -1) | is_ftS[current] | gated[current]
        critical += np.bincount(current[counted], minlength=len(nodes))
        keep = c >= 0
        current, columns = c[keep], columns[keep]
    decision_critical = float(np.mean(final > ready))

    ordered = np.sort(final)
    quantiles = np.quantile(ordered, [p / 100 for p in PERCENTILES])
    s_curve = np.quantile(ordered, np.arange(101) / 100)
    dates = [d if isinstance(d, str) else d["date"] for d in model.get("dates", [])]
    probabilities = []
    for d in dates:
        day = (np.datetime64(d) - np.datetime64(as_of)).astype(int) + 1
        p = np.searchsorted(ordered, day, side="left") / n
        probabilities.append({"date": d, "probability": float(p), "standardError": float(np.sqrt(p * (1 - p) / n))})
    histogram = np.histogram(final, bins=40)
    node_quantiles = np.quantile(finish, [p / 100 for p in PERCENTILES], axis=1)
    final_ranks = rankdata(final)
    sensitivity = {}
    for key, values in inputs.items():
        if np.all(values == values[0]):
            continue
        ranks = rankdata(values)
        rho = float(np.corrcoef(ranks, final_ranks)[0, 1])
        low = final[ranks <= 0.1 * n]
        high = final[ranks >= 0.9 * n]
        sensitivity[key] = {"rankCorrelation": rho, "low": float(low.mean()) if low.size else None, "high": float(high.mean()) if high.size else None}
    compute_ms = (time.perf_counter() - started) * 1000
    json.dump(
        {
            "computeMs": compute_ms,
            "mean": float(final.mean()),
            "quantiles": dict(zip(map(str, PERCENTILES), map(float, quantiles))),
            "sCurvePoints": len(s_curve),
            "histogramBins": len(histogram[0]),
            "probabilities": probabilities,
            "nodeP50": [float(x) for x in node_quantiles[PERCENTILES.index(50)]],
            "criticality": [float(x) / n for x in critical],
            "decisionCriticality": decision_critical,
            "sensitivity": sensitivity,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
