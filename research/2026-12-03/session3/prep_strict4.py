"""Prepare the batches of the fourth strict pass (issue 15): every fact row that no strict pass and
no acceptance sample has re-checked, split into batch folders under /work/staging/S4_strict_N.
Each folder gets input_<table>.csv, input_sources.csv and current_evidence.csv."""

import glob
import json
import os

import pandas as pd

STAGING = "/work/staging"
checked = set()
for path in glob.glob(f"{STAGING}/S3_strict_*/input_*.csv"):
    if "sources" not in path and "evidence" not in path:
        checked |= set(pd.read_csv(path, dtype=str).iloc[:, 0])
for path in glob.glob("research/2026-12-03/sample/sample*.csv"):
    checked |= set(pd.read_csv(path, dtype=str).fact_id)

package = json.load(open("data/datapackage.json"))
tables = {}
for resource in package["resources"]:
    schema = resource["schema"]
    if "x-keyFields" in schema:
        frame = pd.read_csv("data/" + resource["path"], dtype=str).fillna("")
        key = schema["primaryKey"]
        tables[resource["name"]] = (key, frame[~frame[key].isin(checked)])

events = tables["events"][1]
estimates = tables["estimates"][1]
half_events, half_estimates = len(events) // 2, len(estimates) // 2
BATCHES = {
    1: {"events": events.iloc[:half_events]},
    2: {"events": events.iloc[half_events:]},
    3: {"estimates": estimates.iloc[:half_estimates], "deliveries": tables["deliveries"][1]},
    4: {"estimates": estimates.iloc[half_estimates:], "sites": tables["sites"][1], "platforms": tables["platforms"][1],
        "equipment": tables["equipment"][1]},
    5: {"movements": tables["movements"][1]},
    6: {"places": tables["places"][1]},
    8: {"site_status": tables["site_status"][1]},
}
sources = pd.read_csv("data/sources.csv", dtype=str).fillna("")
evidence = pd.read_csv("data/evidence.csv", dtype=str).fillna("")
for number, parts in BATCHES.items():
    folder = f"{STAGING}/S4_strict_{number}"
    os.makedirs(folder, exist_ok=True)
    ids, source_ids = set(), set()
    for table, frame in parts.items():
        frame.to_csv(f"{folder}/input_{table}.csv", index=False)
        ids |= set(frame[tables[table][0]])
        for cell in frame["source_ids"]:
            source_ids |= {s for s in cell.split(";") if s}
    sources[sources.source_id.isin(source_ids)].to_csv(f"{folder}/input_sources.csv", index=False)
    evidence[evidence.fact_id.isin(ids)].to_csv(f"{folder}/current_evidence.csv", index=False)
    print(number, {t: len(f) for t, f in parts.items()}, len(source_ids), "sources")
