"""Session 5, review L finding 11: one-sided statements kept apart from the facts they sit beside.
- The Doha meeting stays confirmed; what Lavrov said there about the ships leaving Tartus becomes its own
  statement row (said on record: it proves he said it, not that the departure was routine).
- The Assad-Lavrentiev row is what the Syrian presidency said of the meeting: a statement (said on record)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from csvedit import add_row, read, set_value  # noqa: E402

WHY = ("Review of session 5: a party's statement is kept apart from the fact it sits beside; the meeting is confirmed, "
       "what was said there is said on record.")
set_value("events", "ev_20241207_doha_astana", "summary",
          "The Russian, Turkish and Iranian foreign ministers met in the Astana format in Doha and called for an end to "
          "fighting and a political process under UNSC Resolution 2254.", WHY)
add_row("events", dict(
    event_id="ev_20241207_lavrov_tartus_routine", date="2024-12-07", date_precision="day", event_type="statement",
    place_id="doha", actor_id="russia", summary="In Doha, Lavrov called the departure of Russian ships from Tartus routine.",
    status="confirmed", chapter="collapse", source_ids="devdiscourse_20241207_doha_astana",
))
add_row("evidence", dict(
    evidence_id="ev_20241207_lavrov_tartus_routine..devdiscourse_20241207_doha_astana", fact_table="events",
    fact_id="ev_20241207_lavrov_tartus_routine", fields="date;place_id;actor_id;summary",
    source_id="devdiscourse_20241207_doha_astana", stance="states", basis="official_on_record",
    locator="paragraphs 1-3 (Reuters rewrite)", as_given="Lavrov in Doha; Tartus redeployment called routine",
    checked_by="", check_date="",
))
add_row("evidence", dict(
    evidence_id="ev_20241207_lavrov_tartus_routine..derived", fact_table="events",
    fact_id="ev_20241207_lavrov_tartus_routine", fields="status", stance="derived", as_given="confirmed",
    rule="a named minister on record (Lavrov, in a Reuters rewrite): confirmed that he said it, shown as said on record; "
    "whether the departure was routine is his word",
    checked_by="", check_date="",
))
set_value("events", "ev_20240626_assad_lavrentiev_turkey", "event_type", "statement",
          "Review of session 5: the row is what the Syrian presidency said of the meeting (Assad's words, and the envoy's "
          "as the Syrian account gives them), so it is a statement, shown as said on record.")
