"""Session 5, review O finding 5: the 'large share' claim is rated as the report's position allows. The share cannot
be established from the sources searched, so a verdict that the impression is false cannot stand; the withdrawal
itself rests on unnamed officials, and the article states it without attribution: needs context."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from csvedit import read, set_value, write  # noqa: E402

WHY = ("Review O (session 5): the report holds that the share cannot be established, so 'misleading' (a false "
       "impression) is stronger than its own position; the withdrawal is reported by unnamed officials and the article "
       "gives it without attribution, as the parallel first-article claim rated needs context.")
set_value("claims", "c001_p01_s01_a", "verdict", "needs_context", WHY)
h, rows = read("corrections")
rows[-1][2] = "verdict_changed"
write("corrections", h, rows)
r = [x for x in read("claims")[1] if x[0] == "c001_p01_s01_a"][0]
h = read("claims")[0]
old = r[h.index("reasoning")]
set_value("claims", "c001_p01_s01_a", "reasoning", old +
          " That a withdrawal began is reported; whether it took a large share cannot be established either way, so the claim "
          "needs context rather than being misleading.", WHY)
