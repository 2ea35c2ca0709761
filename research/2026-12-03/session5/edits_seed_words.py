"""Session 5, review L finding 14: the printed report calls the two articles "articles under test", never
"seeds" (a word from the project's build). Each changed cell logged in data/corrections.csv."""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from csvedit import read, set_value  # noqa: E402

WHY = "Review of session 5: the printed report names the two articles as articles under test, not by a build word."
set_value("sources", "seed_000", "title", read("sources")[1][0][1].replace("Seed article 000", "Article under test 1"), WHY)
h, rows = read("sources")
t1 = [r for r in rows if r[0] == "seed_001"][0][h.index("title")]
set_value("sources", "seed_001", "title", t1.replace("Seed article 001", "Article under test 2"), WHY)
p1 = [r for r in rows if r[0] == "seed_001"][0][h.index("publisher")]
set_value("sources", "seed_001", "publisher", p1.replace("(seed article)", "(article under test)"), WHY)

WORDS = [
    (r"\bThe seed article\b", "The article"), (r"\bthe seed article\b", "the article"),
    (r"\bThe seed's\b", "The article's"), (r"\bthe seed's\b", "the article's"),
    (r"\bThe seed\b", "The article"), (r"\bthe seed\b", "the article"),
    (r"\bseed articles\b", "articles under test"),
]
h, rows = read("claims")
for r in rows:
    for field in ("claim", "corrected_value", "reasoning"):
        old = r[h.index(field)]
        new = old
        for pattern, word in WORDS:
            new = re.sub(pattern, word, new)
        if new != old:
            set_value("claims", r[0], field, new, WHY)
h, rows = read("claims")
left = [(r[0], f) for r in rows for f in ("claim", "corrected_value", "reasoning") if re.search(r"\bseeds?\b", r[h.index(f)], re.I)]
print("left:", left)
