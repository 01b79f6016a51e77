"""Read infolens run directories into pandas: run.json and trajectory.jsonl.

The trajectory is JSON Lines, one record per (epoch, layer, measure); see the project's README. Like the
Java reader, this tolerates fields it does not know and a cut-off last line (a run still writing),
and refuses records of a newer schema.
"""
import json
import math
import os
import warnings

import pandas as pd

SCHEMA = 2  # the newest trajectory schema these notebooks read (TrajectoryRecord.SCHEMA); they read schema 1 too

# Schema 1 wrote every value under values_bits, bits or not. These are the units infolens' own measures
# declare for the values that are not bits (schema 2 records carry their units themselves).
SCHEMA1_UNITS = {
    ("training", "loss"): "number", ("training", "probe_accuracy"): "number",
    ("effective-features", "F"): "count", ("effective-features", "ratio"): "number",
    ("effective-rank", "effective_rank"): "count", ("participation-ratio", "participation_ratio"): "count",
    ("twonn", "twonn_dimension"): "count",
    ("weight-condition", "sigma_max"): "number", ("weight-condition", "sigma_min"): "number",
    ("weight-condition", "condition"): "number",
    ("gradient-snr", "snr"): "number", ("gradient-snr", "meanNorm"): "number", ("gradient-snr", "stdNorm"): "number",
}


def read_records(run_dir):
    """The records of RUN/trajectory.jsonl as a list of dicts."""
    path = os.path.join(run_dir, "trajectory.jsonl")
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path}: no trajectory (not a run directory, or no epoch recorded yet)")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    records = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError:
            if i == len(lines) - 1:  # no newline after it: cut off mid-write
                warnings.warn(f"{path}: line {i + 1} is cut off and was skipped")
                continue
            raise ValueError(f"{path}: line {i + 1} is not a valid trajectory record")
        if r.get("schema", 0) > SCHEMA:
            raise ValueError(f"{path}: line {i + 1} is trajectory schema {r['schema']}, newer than this notebook reads ({SCHEMA})")
        records.append(r)
    if not records:
        raise ValueError(f"{path} has no complete record")
    return records


def read_run(run_dir):
    """(run.json as a dict or None, long DataFrame of values).

    One row per (record, value): run, epoch, layer, layer_index, width, measure, label, status,
    value_name, value, unit ("bits", "nats", "count" or "number"), low, high (the interval, when the
    record has one; else the value). Schema-1 records (values_bits) get the units their measures declare.
    Records that are not ok (errors, skipped epochs) have one row with value NaN.
    """
    provenance = None
    run_json = os.path.join(run_dir, "run.json")
    if os.path.exists(run_json):
        with open(run_json, encoding="utf-8") as f:
            provenance = json.load(f)
    rows = []
    for r in read_records(run_dir):
        base = dict(run=r.get("run"), epoch=r["epoch"], layer=r["layer"]["name"], layer_index=r["layer"]["index"],
                    width=r["layer"]["width"], measure=r["measure"], label=r.get("label", r["measure"]), status=r["status"],
                    n=r.get("n"), message=r.get("message"))
        if r["schema"] == 1:
            values = r.get("values_bits") or {}
            units = {name: SCHEMA1_UNITS.get((r["measure"], name), "bits") for name in values}
        else:
            values = r.get("values") or {}
            units = r.get("units") or {}
        intervals = r.get("intervals") or {}
        if not values:
            rows.append(dict(base, value_name=None, value=math.nan, unit=None, low=math.nan, high=math.nan))
        for name, value in values.items():
            interval = intervals.get(name) or {}
            rows.append(dict(base, value_name=name, value=value, unit=units[name], low=interval.get("low", value),
                             high=interval.get("high", value)))
    return provenance, pd.DataFrame(rows)


def plane_labels(values, provenance=None):
    """Labels whose ok records give both I(X;T) and I(T;Y): in run.json's measure order when given
    (two-pass measures write their records last), then in order of appearance."""
    ok = values[values.status == "ok"]
    order = [m["label"] for m in (provenance or {}).get("measures", [])]
    labels = []
    for label in order + [l for l in ok.label.unique() if l not in order]:
        names = set(ok[ok.label == label].value_name)
        if {"I_XT", "I_TY"} <= names:
            labels.append(label)
    return labels


def plane(values, label):
    """One row per (epoch, layer) with columns I_XT and I_TY (and their intervals) for one label."""
    ok = values[(values.status == "ok") & (values.label == label) & values.value_name.isin(["I_XT", "I_TY"])]
    wide = ok.pivot_table(index=["epoch", "layer_index", "layer"], columns="value_name", values=["value", "low", "high"])
    wide.columns = [name if stat == "value" else f"{name}_{stat}" for stat, name in wide.columns]
    return wide.reset_index().sort_values(["epoch", "layer_index"])


def draw_plane(ax, values, label, title=None):
    """The information plane of one label on a matplotlib axis: colour = epoch (log), a line per epoch across the layers."""
    import matplotlib.colors as colors
    import matplotlib.pyplot as plt

    p = plane(values, label)
    norm = colors.LogNorm(vmin=max(p.epoch.min(), 1), vmax=max(p.epoch.max(), 2))
    cmap = plt.get_cmap("viridis")
    for epoch, g in p.groupby("epoch"):
        ax.plot(g.I_XT, g.I_TY, color=cmap(norm(max(epoch, 1))), alpha=0.25, linewidth=0.8)
    points = ax.scatter(p.I_XT, p.I_TY, c=p.epoch.clip(lower=1), cmap=cmap, norm=norm, s=18, edgecolors="k", linewidths=0.2, zorder=3)
    last = p[p.epoch == p.epoch.max()]
    for _, row in last.iterrows():
        ax.annotate(row.layer, (row.I_XT, row.I_TY), textcoords="offset points", xytext=(4, 4), fontsize=9)
    ax.set_xlabel("I(X;T) [bits]")
    ax.set_ylabel("I(T;Y) [bits]")
    ax.set_title(title or label)
    ax.grid(alpha=0.3)
    return points
