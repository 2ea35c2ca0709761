"""Draw the fifth acceptance sample (issue 15), after the fourth sample's fixes and the third strict pass.

Same method as draw_sample.py, with a new seed fixed before looking at any row. Rows that a research
helper wrote this session and no second verifier has yet checked are left out of the population.
Run from the repository root: python research/2026-12-03/sample/draw_sample3.py <ids-to-exclude.txt>
"""
import csv
import json
import random
import sys
from pathlib import Path

SEED = 20261203_5
SAMPLE_SIZE = 40
ROOT = Path(__file__).resolve().parents[3]
excluded = set(Path(sys.argv[1]).read_text().split()) if len(sys.argv) > 1 else set()
package = json.loads((ROOT / "data/datapackage.json").read_text())
population = []
for resource in package["resources"]:
    schema = resource["schema"]
    if "x-keyFields" not in schema:
        continue
    key = schema["primaryKey"]
    with open(ROOT / "data" / resource["path"], newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row[key] not in excluded:
                population.append((resource["name"], row[key]))
population.sort()
sample = random.Random(SEED).sample(population, SAMPLE_SIZE)
out = Path(__file__).with_name("sample5.csv")
with open(out, "w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(["sample_no", "fact_table", "fact_id"])
    for number, (table, fact_id) in enumerate(sample, 1):
        writer.writerow([number, table, fact_id])
print(f"{len(population)} fact rows ({len(excluded)} excluded); wrote {out}")
