"""Session 5, review M finding 1: Tartus's standing status is dated to what its evidence shows. AFP's line of
28 January 2026 shows only that Russia still had the base; the drawdown was last observed a year earlier. The
row becomes 'held, no use documented' (a status added for this), so no older observation is carried forward."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from csvedit import read, set_value, write  # noqa: E402

WHY = ("Review M (session 5): AFP's line of 28 Jan 2026 says only that Russia still had Tartus; the drawdown was last "
       "observed on 27 Jan 2025 and no use is documented since, so the row reads 'held, no use documented' rather than "
       "carrying the older observation forward to AFP's date.")
set_value("site_status", "st_20260128_tartus_held", "site_status", "held", WHY)
h, rows = read("evidence")
for r in rows:
    if r[0] == "st_20260128_tartus_held..derived_2":
        r[h.index("as_given")] = "held"
        r[h.index("rule")] = ("held: AFP shows Russia still had Tartus (in its own voice); the last observation there "
                              "(st_20250129_tartus, imagery, 27 Jan 2025) showed it drawn down and no later row documents "
                              "naval use, so the row says the base was held with no use documented, not that it was drawn "
                              "down at AFP's date (the SOHR truck convoy from Hmeimim to Tartus in October 2025 is not naval use)")
write("evidence", h, rows)
