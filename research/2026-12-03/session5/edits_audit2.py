"""Session 5: the attribution rule stated on the card it decides (review K: 'wrong' for the Russian officials,
'unverifiable' for Theresa May); cards ordered by their place in the articles."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from csvedit import read, set_value, write  # noqa: E402

h, rows = read("claims")
old = [r for r in rows if r[0] == "c000_p05_s04_a"][0][h.index("reasoning")]
set_value(
    "claims", "c000_p05_s04_a", "reasoning",
    old + " The sources name who made the report, and the Russian officials on record in those days said nothing of the "
    "kind, so the attribution is wrong. Where the sources show only that someone else said a thing, and nothing either "
    "way from the person named, the verdict is unverifiable instead (the Theresa May claim in the second article).",
    "Review of session 5: the card states the rule that separates a wrong attribution from an unverifiable one.",
)
h, rows = read("claims")
write("claims", h, sorted(rows, key=lambda r: r[0]))
