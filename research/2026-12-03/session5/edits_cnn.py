"""Session 5, review L finding 2: CNN's flight count in one wording. The summaries of CNN's analysis put the
daily flights' origin at Hmeimim; the CNN text found gives no origin. Logged in data/corrections.csv."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from csvedit import read, set_value  # noqa: E402

WHY = ("Review of session 5 (CNN's flight count, one wording throughout): the origin of the daily flights is the "
       "summaries' account of CNN's analysis; the CNN text found does not give it.")
h, rows = read("sites")
role = [r for r in rows if r[0] == "al_khadim_air_base"][0][h.index("role")]
old = "after Assad's fall it received Russian military flights from Syria (several a day from mid-December 2024 per a CNN-based report; an An-124 from Latakia on 26 Dec 2024)"
new = ("after Assad's fall it received Russian military flights from Syria (an An-124 from Latakia on 26 Dec 2024; "
       "summaries of CNN's flight tracking speak of daily flights from Hmeimim from mid-December 2024, an origin the "
       "CNN text found does not give)")
assert old in role
set_value("sites", "al_khadim_air_base", "role", role.replace(old, new), WHY)
h, rows = read("movements")
desc = [r for r in rows if r[0] == "mv_20241215_hmeimim_khadim_daily"][0][h.index("description")]
set_value("movements", "mv_20241215_hmeimim_khadim_daily", "description",
          desc.rstrip(".") + "; the origin is the summaries' account: the CNN text found counts flights to al-Khadim without saying where they took off.",
          WHY)
