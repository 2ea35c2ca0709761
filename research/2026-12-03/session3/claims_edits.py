"""Issue 19 (editorial pass): the claims audit made consistent with the chapters. Edits four cards,
groups the claims that were split from one error (new column same_error_as), and logs every
published value changed in data/corrections.csv. Run once from the repository root."""

import csv
import json
from pathlib import Path

DATA = Path("data")
TODAY = "2026-12-03"
EDITS = [
    ("c000_p05_s03_a", "corrected_value",
     "The asset movements documented after the fall were mainly Russia pulling troops and equipment back to Hmeimim/Tartus "
     "and out of Syria, and Israeli strikes on the former army's stockpiles, which Israel said hit most strategic stockpiles; "
     "how much was destroyed is not known from the sources searched for this report. No source describes rebel "
     "consolidation as what drove these movements.",
     "Editorial review (finding 1.2): the corrected value stated Israel's destruction of the stockpiles as fact; the card's own "
     "reasoning and the equipment chapter give it as Israel's claim."),
    ("c000_p05_s07_b", "verdict", "needs_context",
     "Editorial review (finding 1.5): the card said Russia supported no ongoing operations, but the withdrawal and Libya chapters "
     "record flights from Hmeimim to al-Khadim in Libya after the fall. The sentence is true in that Russia kept a presence; "
     "it lacks the context that the presence was shrinking."),
    ("c000_p05_s07_b", "corrected_value",
     "Russia kept a shrinking presence at Hmeimim and Tartus while withdrawing from the front lines and the interior and flying "
     "troops and equipment out; Hmeimim went on serving Russian cargo flights to Libya.",
     "Editorial review (finding 1.5): 'supported no ongoing operations' removed; the flights to Libya from Hmeimim are in the "
     "cited Reuters report of 14 December 2024 (Hindustan Times copy), now among the card's sources."),
    ("c000_p05_s07_b", "reasoning",
     "Reuters (four Syrian officials) and CNN (US and Western officials) describe a pullback and a large-scale withdrawal, and "
     "the Kremlin said the fate of the two coastal bases was undecided. A Syrian security official told Reuters that a Russian "
     "cargo plane left Hmeimim for Libya on 14 December 2024, with more departures expected: the base still served Russian "
     "operations beyond Syria. 'Support presence' is therefore not false, but it hides that the presence was shrinking.",
     "Editorial review (finding 1.5): reasoning rewritten with the new verdict."),
    ("c000_p05_s07_b", "source_ids", None,
     "Editorial review (finding 1.5): the Reuters report of the Hmeimim-Libya flight (Hindustan Times copy) added."),
    ("c000_p05_s09_a", "reasoning",
     "In both cases the lost equipment was mostly the client forces' own stock (Afghan ANDSF; Syrian army), supplied or funded "
     "by the patron. The DoD said US forces' own gear was retrograded or destroyed. The Russian equipment the sources follow "
     "was flown or shipped out, but no source gives what share of Russia's kit that was. Only a Ukrainian-intelligence claim "
     "says Russians abandoned some equipment at Khan Shaykhun.",
     "Editorial review (finding 1.1): 'Russia's forces largely evacuated their kit' claimed a share that the withdrawal chapter "
     "says no source gives."),
    ("c000_p05_s10_c", "verdict", "needs_context",
     "Editorial review (finding 3.10): judgement sentences are handled one way: a judgement is never rated correct, only "
     "supported or not, with its context (as c001_p10_s01_a)."),
    ("c000_p05_s10_c", "corrected_value",
     "An analytical judgement, not a measurable fact: the analysts cited call the fall a major setback for Russia, and Russia "
     "kept its air base at Hmeimim while it negotiated over Tartus.",
     "Editorial review (finding 3.10): the corrected value of a needs-context verdict."),
]
SAME_ERROR = {  # a later claim split from the same error -> the first claim carrying it
    "c000_p05_s02_a": "c000_p02_s01_b",  # the 12 December date, given twice
    "c001_p09_s01_b": "c001_p09_s01_a",  # the Theresa May paragraph, split in three
    "c001_p09_s02_a": "c001_p09_s01_a",
}
ADDED_SOURCE = "hindustantimes_20241214_hmeimim_cargo_libya"


def main() -> None:
    with open(DATA / "claims.csv", newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header, claims = list(reader.fieldnames), list(reader)
    with open(DATA / "corrections.csv", newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        corr_header, corrections = list(reader.fieldnames), list(reader)
    number = max(int(c["correction_id"].split("_")[1]) for c in corrections)
    by_id = {c["claim_id"]: c for c in claims}
    for claim_id, field, new, reason in EDITS:
        row = by_id[claim_id]
        if field == "source_ids":
            new = row["source_ids"] + ";" + ADDED_SOURCE
        old = row[field]
        row[field] = new
        number += 1
        kind = "verdict_changed" if field == "verdict" else ("sources_changed" if field == "source_ids" else "fact_changed")
        corrections.append({
            "correction_id": f"corr_{number:03d}", "date": TODAY, "kind": kind, "target_table": "claims",
            "target_id": claim_id, "field": field, "old_value": old, "new_value": new, "reason": reason,
            "source_ids": ADDED_SOURCE if field == "source_ids" else "",
        })
    if "same_error_as" not in header:
        header.append("same_error_as")
    for row in claims:
        row["same_error_as"] = SAME_ERROR.get(row["claim_id"], "")
    with open(DATA / "claims.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(claims)
    with open(DATA / "corrections.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, corr_header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(corrections)
    package = json.loads((DATA / "datapackage.json").read_text())
    for resource in package["resources"]:
        if resource["name"] == "claims" and not any(f["name"] == "same_error_as" for f in resource["schema"]["fields"]):
            resource["schema"]["fields"].append({
                "name": "same_error_as", "type": "string",
                "description": "For a claim split from the same error as an earlier claim (the same wrong date given twice, "
                "one paragraph split into several claims): the id of the first claim carrying that error. The audit counts "
                "distinct errors by it.",
                "constraints": {"pattern": "^c\\d{3}_p\\d{2}_s\\d{2}_[a-z]$"},
            })
            resource["schema"].setdefault("foreignKeys", []).append(
                {"fields": "same_error_as", "reference": {"resource": "claims", "fields": "claim_id"}})
    (DATA / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
