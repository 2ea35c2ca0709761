"""Issue 19, after the first fresh review of the PDF: judgements rated one way (never correct), one card
re-rated for resting on one anonymous official, the distinct-error grouping limited to claims that repeat
the same error, and one corrected value cut back to what its card's sources state. Every published value
changed is logged in data/corrections.csv. Run once from the repository root."""

import csv
from pathlib import Path

DATA = Path("data")
TODAY = "2026-12-03"
JUDGEMENT = "Fresh editorial review: a judgement (of significance, motive, cause or likeness) is never rated correct; the sources support it, so it needs context."
EDITS = [
    ("c001_p03_s02_b", "verdict", "needs_context", JUDGEMENT),
    ("c001_p03_s02_b", "corrected_value",
     "A judgement the sources support: Reuters called Tartus Russia's only Mediterranean repair and replenishment hub and Syria "
     "a staging post for contractors going to and from Africa; 'vital' is the article's word.", JUDGEMENT),
    ("c001_p06_s02_b", "verdict", "needs_context", JUDGEMENT),
    ("c001_p06_s02_b", "corrected_value",
     "The sources describe Syria's bases as Russia's stopover for its operations in Africa; how 'major' is a judgement.", JUDGEMENT),
    ("c001_p03_s03_a", "verdict", "needs_context", JUDGEMENT),
    ("c001_p03_s03_a", "corrected_value",
     "Assad was ousted, and the Kremlin said on 9 Dec 2024 that it was premature to talk about the bases' future; that the "
     "ouster made it uncertain is a causal judgement the sources share.", JUDGEMENT),
    ("c000_p05_s02_b", "verdict", "needs_context", JUDGEMENT),
    ("c000_p05_s02_b", "corrected_value",
     "A comparison the analysis cited makes; Kabul fell to the Taliban on 15 Aug 2021, about three years and four months earlier.",
     JUDGEMENT),
    ("c000_p01_s01_b", "verdict", "needs_context",
     "Fresh editorial review: the expectation of more flights rests on one unnamed Syrian official, and CNN's count of flights "
     "to al-Khadim does not say where they took off; the same official's account needs context in c001_p02_s02_a."),
    ("c000_p01_s01_b", "corrected_value",
     "One unnamed Syrian security official told Reuters that more Russian departures from Hmeimim were expected; CNN counted "
     "cargo flights to al-Khadim without saying where they took off, and a RUSI fellow spoke of a spike in Russian landings in Libya.",
     "Fresh editorial review: the corrected value of the new verdict."),
    ("c000_p05_s10_c", "corrected_value",
     "An analytical judgement, not a measurable fact, which the analysts cited share.",
     "Fresh editorial review: the corrected value said Russia kept Hmeimim while negotiating over Tartus; the chapters put both "
     "bases under negotiation, and the card's sources do not speak to the bases."),
]
UNGROUP = {"c001_p09_s01_b", "c001_p09_s02_a"}  # a period error and a non-existent ministry: errors of their own


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
        old, row[field] = row[field], new
        number += 1
        corrections.append({
            "correction_id": f"corr_{number:03d}", "date": TODAY,
            "kind": "verdict_changed" if field == "verdict" else "fact_changed", "target_table": "claims",
            "target_id": claim_id, "field": field, "old_value": old, "new_value": new, "reason": reason, "source_ids": "",
        })
    for claim_id in UNGROUP:
        by_id[claim_id]["same_error_as"] = ""
    for name, head, rows in (("claims.csv", header, claims), ("corrections.csv", corr_header, corrections)):
        with open(DATA / name, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, head, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    main()
