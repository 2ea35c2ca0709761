"""Split an acceptance sample into two verifier folders (rows 1-20, 21-40) with the rows, the
registry rows of their sources and the authors' evidence as hints. Run from the repository root:
    python research/2026-12-03/session3/prep_sample.py SAMPLE.csv FOLDER1 FOLDER2"""

import json
import os
import sys

import pandas as pd

sample = pd.read_csv(sys.argv[1], dtype=str)
package = json.load(open("data/datapackage.json"))
keys = {r["name"]: (r["path"], r["schema"]["primaryKey"]) for r in package["resources"]}
sources = pd.read_csv("data/sources.csv", dtype=str).fillna("")
evidence = pd.read_csv("data/evidence.csv", dtype=str).fillna("")
for folder, part in ((sys.argv[2], sample.iloc[:20]), (sys.argv[3], sample.iloc[20:])):
    os.makedirs(folder, exist_ok=True)
    part.to_csv(f"{folder}/rows.csv", index=False)
    cited = set()
    for table, rows in part.groupby("fact_table"):
        path, key = keys[table]
        frame = pd.read_csv(f"data/{path}", dtype=str).fillna("")
        chosen = frame[frame[key].isin(rows["fact_id"])]
        chosen.to_csv(f"{folder}/input_{table}.csv", index=False)
        for cell in chosen["source_ids"]:
            cited |= {s for s in cell.split(";") if s}
    sources[sources["source_id"].isin(cited)].to_csv(f"{folder}/input_sources.csv", index=False)
    hints = evidence[evidence["fact_id"].isin(part["fact_id"])]
    hints.drop(columns=["checked_by", "check_date"]).to_csv(f"{folder}/evidence_hints.csv", index=False)
    print(folder, len(part), "rows,", len(cited), "sources,", len(hints), "hints")
