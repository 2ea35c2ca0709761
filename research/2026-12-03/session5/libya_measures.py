"""Session 5 data edits for the Libya personnel figure (editorial review, items 1 and 2), each logged in
data/corrections.csv through session 4's csvedit helpers.

- estimates gains an optional column, period_start: the first day of the period that a flow or a change
  covers, where a source gives it (datapackage.json documents it; the measure enum gains 'change').
- est_202405_express_regulars_1500: the Express says 1,500 regular troops had recently joined the Wagner
  force: a flow of arrivals, not a count of all present (measure: arrivals).
- est_202405_intel_800_1800: the New York Parrot gives a rise from 800 to 1,800 between February and May
  2024: a change over a period, not a range of uncertainty (measure: change, period_start 2024-02-01).
- est_202204_ft_remaining_5000: the FT's own text gives no nationality for the 5,000 mercenaries; only the
  Moscow Times summary calls them Wagner: whose they are is left empty, as the column does where the
  sources do not say.
Run once from the repository root: python research/2026-12-03/session5/libya_measures.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "session4"))
import csvedit as E  # noqa: E402

TODAY = "2026-12-03"
CHECKER = "editor-session5"


def add_column(table, column, after):
    h, rows = E.read(table)
    if column in h:
        return
    i = h.index(after) + 1
    h.insert(i, column)
    for r in rows:
        r.insert(i, "")
    E.write(table, h, rows)


add_column("estimates", "period_start", "as_of_precision")

E.set_value(
    "estimates",
    "est_202405_express_regulars_1500",
    "measure",
    "arrivals",
    "Editorial review (session 5): the Express says 1,500 regular Russian troops had recently joined the Wagner "
    "force, a flow of arrivals, not a count of everyone present; the row is no longer counted among the "
    "estimates of people present.",
    "express_20240521_minbar;express_2024_libyaobserver_harchaoui",
)
E.set_value(
    "estimates",
    "est_202405_intel_800_1800",
    "measure",
    "change",
    "Editorial review (session 5): the source gives a rise from 800 (February 2024) to 1,800 (May 2024), a "
    "change over a period, not a range of uncertainty; value_low and value_high are the two ends of the "
    "change, and the row is no longer counted among the estimates of people present.",
    "wilson_202502_newyorkparrot",
)
E.set_value(
    "estimates",
    "est_202405_intel_800_1800",
    "period_start",
    "2024-02-01",
    "Editorial review (session 5): the start of the period the change covers, February 2024, stored as the "
    "month's first day (month precision, as as_of).",
    "wilson_202502_newyorkparrot",
)
E.set_value(
    "estimates",
    "est_202204_ft_remaining_5000",
    "actor_id",
    "",
    "Editorial review (session 5): the FT's own text says about 5,000 mercenaries remain on Moscow's behalf "
    "and gives no nationality (about 1,000 Syrians were among those withdrawn); only the Moscow Times summary "
    "calls them Wagner. The original is preferred: whose they are is left empty, and the subject records "
    "who said what.",
    "ft_20220428_wagner_withdrawal;ft_20220428_wagner_withdrawal_text",
)

EVIDENCE = [
    {
        "evidence_id": "est_202405_express_regulars_1500..derived_4",
        "fact_table": "estimates",
        "fact_id": "est_202405_express_regulars_1500",
        "fields": "measure",
        "stance": "derived",
        "rule": "the sources say the 1,500 regular troops joined the Wagner force recently: a flow of arrivals over "
        "the weeks before the article, not a count of all present",
    },
    {
        "evidence_id": "est_202405_intel_800_1800..derived_4",
        "fact_table": "estimates",
        "fact_id": "est_202405_intel_800_1800",
        "fields": "measure;period_start",
        "stance": "derived",
        "rule": "the source gives a rise from 800 to 1,800 between February and May 2024: a change, 800 at the "
        "start (February 2024, stored as its first day) and 1,800 at the end (May 2024)",
    },
    {
        "evidence_id": "est_202204_ft_remaining_5000..derived_4",
        "fact_table": "estimates",
        "fact_id": "est_202204_ft_remaining_5000",
        "fields": "actor_id",
        "stance": "derived",
        "rule": "the FT's text gives no nationality for the mercenaries who remain; the Moscow Times summary's "
        "'Wagner' is the summary's word, not the original's: left empty, as where the sources do not say",
    },
]
h, rows = E.read("evidence")
have = {r[0] for r in rows}
for ev in EVIDENCE:
    if ev["evidence_id"] not in have:
        E.add_row("evidence", ev | {"checked_by": CHECKER, "check_date": TODAY})
