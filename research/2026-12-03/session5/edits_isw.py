"""Session 5, review M finding 2: ISW's January 2025 count is nine round trips; as a movement from Syria to
al-Khadim it is at least 9 flights (the return legs do not go to Libya)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from csvedit import read, set_value, write  # noqa: E402

WHY = ("Review M (session 5): the row is the movement from Syria to al-Khadim; nine round trips are nine such "
       "flights, and counting both legs doubled it.")
set_value("movements", "mv_20250101_il76_syria_khadim_isw", "count_low", "9", WHY)
h, rows = read("movements")
d = [r for r in rows if r[0] == "mv_20250101_il76_syria_khadim_isw"][0][h.index("description")]
old = "Count given here as at least 18 flights, two legs per round trip."
assert old in d
set_value("movements", "mv_20250101_il76_syria_khadim_isw", "description",
          d.replace(old, "Count given here as at least 9 flights from Syria to al-Khadim, one per round trip (the return legs are not flights to Libya)."), WHY)
h, rows = read("evidence")
for r in rows:
    if r[0] == "mv_20250101_il76_syria_khadim_isw..derived_2":
        r[h.index("as_given")] = "at least 9 flights"
        r[h.index("rule")] = ("At least nine round trips between Syria and al-Khadim = at least 9 flights from Syria to "
                              "al-Khadim, the direction this row records (each return leg is a flight back to Syria).")
write("evidence", h, rows)
