"""Add the actors the fourth strict pass proposed (S4_strict_7/new_actors.csv) to data/actors.csv,
each with the registry sources that name it. Skips an id already present."""

import csv
import sys

proposed = sys.argv[1] if len(sys.argv) > 1 else "/work/staging/S4_strict_7/new_actors.csv"
with open("data/actors.csv", newline="", encoding="utf-8") as handle:
    reader = csv.DictReader(handle)
    header, actors = list(reader.fieldnames), list(reader)
known = {a["actor_id"] for a in actors}
with open(proposed, newline="", encoding="utf-8") as handle:
    new = [row for row in csv.DictReader(handle) if row["actor_id"] not in known]
with open("data/actors.csv", "w", newline="", encoding="utf-8") as handle:
    writer = csv.DictWriter(handle, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(actors + new)
print(f"{len(new)} actors added: {', '.join(a['actor_id'] for a in new)}")
