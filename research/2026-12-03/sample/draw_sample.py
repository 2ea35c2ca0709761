"""Draw the issue-15 acceptance sample: 40 fact rows, uniformly at random over every fact table.

Run from the repository root: python research/2026-12-03/sample/draw_sample.py
The seed is fixed and recorded so that anyone can redraw the same 40 rows from the same data.
"""
import csv
import json
import random
from pathlib import Path

SEED = 20261203_2  # session 2 of 3 December 2026; chosen before looking at any row
SAMPLE_SIZE = 40
ROOT = Path(__file__).resolve().parents[3]
package = json.loads((ROOT / "data/datapackage.json").read_text())
population = []
for resource in package["resources"]:
    schema = resource["schema"]
    if "x-keyFields" not in schema:
        continue
    key = schema["primaryKey"]
    with open(ROOT / "data" / resource["path"], newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            population.append((resource["name"], row[key]))
population.sort()
sample = random.Random(SEED).sample(population, SAMPLE_SIZE)
out = Path(__file__).with_name("sample.csv")
with open(out, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["sample_no", "fact_table", "fact_id"])
    for number, (table, fact_id) in enumerate(sample, 1):
        writer.writerow([number, table, fact_id])
print(f"{len(population)} fact rows; wrote {out}")
