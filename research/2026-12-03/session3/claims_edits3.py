"""Issue 19, after the second fresh review (review_B.md): one claim re-rated where its verdict rested
on one reading of "at the time", one where the cargo is reported only, and one corrected value brought
into line with the withdrawal chapter. Every published value changed is logged. Run once."""

import csv
from pathlib import Path

DATA = Path("data")
TODAY = "2026-12-03"
B = "Second fresh editorial review: "
EDITS = [
    ("c001_p09_s01_b", "verdict", "needs_context",
     B + "the claim is wrong only if 'at the time' means December 2024; read as the time of the 2018 warning it holds. "
     "A sentence that turns on such a reading needs context, not a verdict of wrong."),
    ("c001_p09_s01_b", "corrected_value",
     "Theresa May was prime minister when the reported warning was made (October 2018) and left office on 24 July 2019; "
     "she was not prime minister in December 2024, the time the article otherwise describes.",
     B + "the corrected value of the new verdict."),
    ("c001_p04_s01_b", "verdict", "needs_context",
     B + "the flights to al-Khadim are documented, but what they carried rests on unnamed officials and an officer's "
     "account, and the NYT says the cargo was not independently confirmed; the same point is needs context in c000_p05_s04_b."),
    ("c001_p04_s01_b", "corrected_value",
     "Russian cargo planes flew to al-Khadim, east of Benghazi, in December 2024; that they carried equipment rests on "
     "unnamed officials and an officer at the base, and the cargo was not independently confirmed.",
     B + "the corrected value of the new verdict."),
    ("c000_p05_s10_b", "corrected_value",
     "No source counts thousands of Russian armoured vehicles or aircraft lost. The equipment at issue belonged to the Syrian "
     "state (largely Soviet/Russian-supplied over decades); it was destroyed or captured in proportions no source gives, "
     "Israel claims to have destroyed much of it after 8 Dec 2024, and the sources count few items one by one. Russia's own "
     "forces pulled back to the coast and shipped or flew out what the sources can follow, and kept Hmeimim and Tartus; no "
     "source gives what share left. The analysis argued Russia's blow was qualitatively greater without such a count.",
     B + "'moved their equipment out' read as if Russia's forces had left; the withdrawal chapter says they drew down and "
     "kept the two bases, and that no share can be given."),
]


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
    for name, head, rows in (("claims.csv", header, claims), ("corrections.csv", corr_header, corrections)):
        with open(DATA / name, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, head, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    main()
