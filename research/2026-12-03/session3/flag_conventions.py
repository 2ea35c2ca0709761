"""Flag rows for the convention audit of the fourth strict pass (issue 15), by rule, over every fact
table: quotation marks in data text; statement events (the actor must be the speaker); an
organisation (outlet, monitor, think tank) as actor of a non-statement event. Rows in the strict
batches 1-5 are left out (every field is re-checked there). Writes /work/staging/S4_strict_7/flags.csv and the batch inputs."""

import glob
import json
import os
import re

import pandas as pd

OUT = "/work/staging/S4_strict_7"
os.makedirs(OUT, exist_ok=True)
TEXT_COLUMNS = ["summary", "description", "notes", "subject", "estimator", "basis", "range_note", "earlier_context"]
actors = pd.read_csv("data/actors.csv", dtype=str).fillna("").set_index("actor_id")
sources = pd.read_csv("data/sources.csv", dtype=str).fillna("").set_index("source_id")
package = json.load(open("data/datapackage.json"))
flags = []
frames = {}
for resource in package["resources"]:
    schema = resource["schema"]
    if "x-keyFields" not in schema:
        continue
    table, key = resource["name"], schema["primaryKey"]
    frame = pd.read_csv("data/" + resource["path"], dtype=str).fillna("")
    frames[table] = (key, frame)
    for _, row in frame.iterrows():
        for column in TEXT_COLUMNS:
            if column in row and re.search(r"[\"“”]", row[column]):
                flags.append((table, row[key], column, "quotation marks: exact words of one named cited source, or paraphrase"))
        if table == "events" and row["event_type"] == "statement":
            flags.append((table, row[key], "actor_id", "statement event: actor is the speaker (or the body an on-record speaker speaks for)"))
        if table == "events" and row["event_type"] != "statement" and actors.get("actor_kind", {}).get(row["actor_id"]) == "organisation":
            flags.append((table, row[key], "actor_id", "organisation as actor of a non-statement event: did it act, or only report?"))
flagged = pd.DataFrame(flags, columns=["fact_table", "fact_id", "column", "rule"])
# Rows in the strict batches 1-5 are re-checked there, every field; leave them out here.
in_batches = set()
for path in glob.glob("/work/staging/S4_strict_[1-5]/input_*.csv"):
    if "sources" not in path:
        in_batches |= set(pd.read_csv(path, dtype=str).iloc[:, 0])
flagged = flagged[~flagged.fact_id.isin(in_batches)]
flagged.to_csv(f"{OUT}/flags.csv", index=False)
print(flagged.groupby(["fact_table", "column"]).size())
ids, source_ids = set(flagged.fact_id), set()
for table, (key, frame) in frames.items():
    part = frame[frame[key].isin(ids)]
    if len(part):
        part.to_csv(f"{OUT}/input_{table}.csv", index=False)
        for cell in part["source_ids"]:
            source_ids |= {s for s in cell.split(";") if s}
sources.reset_index()[sources.index.isin(source_ids)].to_csv(f"{OUT}/input_sources.csv", index=False)
evidence = pd.read_csv("data/evidence.csv", dtype=str).fillna("")
evidence[evidence.fact_id.isin(ids)].to_csv(f"{OUT}/current_evidence.csv", index=False)
print(len(ids), "rows;", len(source_ids), "sources")
