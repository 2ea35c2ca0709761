"""Session 5 context edits (Montreux, air corridor, EU airspace ban): new sources, events and
evidence; changes to published rows logged in data/corrections.csv. Run once.
Follow-up (same session, self-check against the search excerpts): the EU summary names the Decision and von der Leyen's proposal
separately, one ItaMilRadar locator is recounted, and a derived row dates the requests to Egypt to 2023."""
import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "data"
TODAY = "2026-12-03"
CHECKER = "writer-s5ctx-selfcheck"


def read(table):
    with open(DATA / f"{table}.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(DATA / f"{table}.csv", newline="") as f:
        header = next(csv.reader(f))
    return header, rows


def write(table, header, rows):
    with open(DATA / f"{table}.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def append(table, new_rows):
    header, rows = read(table)
    key = header[0]
    have = {r[key] for r in rows}
    for r in new_rows:
        assert r[key] not in have, r[key]
        rows.append({h: r.get(h, "") for h in header})
    write(table, header, rows)


# ------------------------------------------------------------------ sources
Q1 = "Turkey closes Bosphorus Dardanelles warships Montreux Convention"
Q19 = "Cavusoglu straits closure does not apply to commercial vessels Montreux warships returning to base Reuters"
Q5 = "Montreux Convention Article 19 belligerent warships return to their base"
Q2 = "Turkey closes airspace to Russian military planes flying to Syria"
Q35 = "Russian state military aircraft overflight NATO airspace closed Libya flights Turkey only corridor"
Q50 = "itamilradar Ankara's ambiguous attitude Russian Air Force Il-76MD Turkish airspace"
Q16 = "Egypt rebuffs US requests to block Russian military flights airspace Syria Wall Street Journal"
Q4 = "Council Regulation 2022/334 prohibition Russian air carriers overfly territory of the Union"

SOURCES = [
    dict(source_id="cyprusmail_20220228_reuters_straits", title="Turkey warns countries not to pass warships through straits",
         title_kind="as_published", publisher="Cyprus Mail", original_publisher="Reuters",
         url="https://cyprus-mail.com/2022/02/28/turkey-warns-countries-not-to-pass-warships-through-straits/",
         date_published="2022-02-28", date_published_precision="day", source_type="wire", reliability="high",
         notes=f"Reuters story (byline Reuters News Service) carried by Cyprus Mail; Cavusoglu via Anadolu; the Convention summary is Reuters' own. query: {Q19}"),
    dict(source_id="anewspk_20220301_afp_straits", title="Turkey prevents warships from transiting the Bosphorus and the Dardanelles",
         title_kind="from_url", publisher="ANews (asia.anews.pk)", original_publisher="AFP",
         url="https://www.asia.anews.pk/2022/03/01/turkey-prevents-warships-from-transiting-the-bosphorus-and-the-dardanelles/",
         date_published="2022-03-01", date_published_precision="day", source_type="wire", reliability="medium",
         notes=f"Copy of an AFP story (dateline Ankara, AFP) on a minor site; date from the URL; the merchant-shipping rule is AFP's own explanation. query: {Q1}"),
    dict(source_id="almayadeen_2022_straits_may_close", title="Turkey: We may close the Bosphorus and Dardanelles Straits to warships",
         title_kind="as_published", publisher="Al Mayadeen English", original_publisher="",
         url="https://english.almayadeen.net/news/politics/turkey:-we-may-close-the-bosphorus-and-dardanelles-straits-t",
         date_published="", date_published_precision="undated", source_type="news", reliability="medium",
         notes=f"No date shown on the stored copy; the text says Cavusoglu spoke on a Friday, quoting Hurriyet, before the closure. query: {Q1} (also returned by: {Q19})"),
    dict(source_id="cilnus_2022_oral_article19",
         title="To Close or Not to Close the Turkish Straits under Article 19 of the 1936 Montreux Convention Regarding the Regime of the Straits",
         title_kind="as_published", publisher="Centre for International Law, National University of Singapore", original_publisher="",
         url="https://cil.nus.edu.sg/to-close-or-not-to-close-the-turkish-straits-under-article-19-of-the-1936-montreux-convention-regarding-the-regime-of-the-straits",
         date_published="", date_published_precision="undated", source_type="analysis", reliability="high",
         notes=f"Legal analysis by Niluefer Oral quoting Article 19; no date shown (a revised version on Voelkerrechtsblog is dated 4 Mar 2022). query: {Q5}"),
    dict(source_id="itamilradar_20220423_airspace_troops_only", title="Turkish air space closed (only) to planes carrying troops from Russia to Syria",
         title_kind="as_published", publisher="Itamilradar", original_publisher="",
         url="https://itamilradar.com/2022/04/23/turkish-air-space-closed-only-to-planes-carrying-troops-from-russia-to-syria",
         date_published="2022-04-23", date_published_precision="day", source_type="osint", reliability="medium",
         notes=f"Flight-tracking blog relaying TRT Haber's quote, with its own reading of the ban's scope; date from the URL. query: {Q35}"),
    dict(source_id="i24news_20220423_airspace_syria", title="Turkey closes airspace to Russian planes flying to Syria: minister",
         title_kind="from_url", publisher="i24NEWS", original_publisher="",
         url="https://www.i24news.tv/en/news/middle-east/levant-turkey/1650735858-turkey-closes-airspace-to-russian-planes-flying-to-syria-minister",
         date_published="2022-04-23", date_published_precision="day", source_type="news", reliability="medium",
         notes=f"Page dated 23 Apr 2022; Cavusoglu quoted via Turkish reporters on his plane; the text matches the story The Media Line attributes to AFP, but this copy names no agency. query: {Q2}"),
    dict(source_id="themedialine_2022_afp_airspace", title="Turkey closes airspace to Russian planes flying to Syria, FM announces",
         title_kind="from_url", publisher="The Media Line", original_publisher="AFP",
         url="https://themedialine.org/mideast-daily-news/turkey-closes-airspace-to-russian-planes-flying-to-syria-fm-announces/?utm_source=rss&utm_medium=rss&utm_campaign=turkey-closes-airspace-to-russian-planes-flying-to-syria-fm-announces",
         date_published="", date_published_precision="undated", source_type="news", reliability="medium",
         notes=f"Daily news brief citing Turkish media and AFP; no date shown. query: {Q2}"),
    dict(source_id="itamilradar_20230501_turkish_attitude", title="The \u201cstrange\u201d Turkish attitude continues",
         title_kind="as_published", publisher="Itamilradar", original_publisher="",
         url="https://www.itamilradar.com/2023/05/01/the-strange-turkish-attitude-continues/?amp=1",
         date_published="2023-05-01", date_published_precision="day", source_type="osint", reliability="medium",
         notes=f"Flight-tracking blog; the statement on Turkish airspace is its own reading; date from the URL. query: {Q50}"),
    dict(source_id="urdupoint_20230512_sputnik_wsj_egypt", title="Egypt Rebuffs US Requests To Block Russian Military Flights",
         title_kind="from_url", publisher="UrduPoint", original_publisher="Sputnik; The Wall Street Journal",
         url="https://www.urdupoint.com/en/world/egypt-rebuffs-us-requests-to-block-russian-mi-1690724.html",
         date_published="2023-05-12", date_published_precision="day", source_type="news", reliability="medium",
         notes=f"Sputnik copy (Washington, 12 May 2023) summarising a WSJ report of that Friday that cites unnamed American and Egyptian officials; the WSJ original was not returned; 'only remaining route' is Sputnik's wording. query: {Q16}"),
    dict(source_id="globaltradealert_2022_eu_russian_carriers_ban", title="EU: Russian carriers banned from EU airspace",
         title_kind="from_url", publisher="Global Trade Alert", original_publisher="",
         url="https://www.globaltradealert.org/state-act/62287/eu-russian-carriers-banned-from-eu-airspace",
         date_published="", date_published_precision="undated", source_type="reference", reliability="high",
         notes=f"Trade-policy database entry citing the Official Journal (Regulation (EU) 2022/334 of 28 Feb 2022) and the Commission statement of 27 Feb 2022; inception date 28 Feb 2022; no publication date shown. query: {Q4}"),
    dict(source_id="wikisource_2022_council_decision_2022_335", title="COUNCIL DECISION (CFSP) 2022/335",
         title_kind="as_published", publisher="Wikisource", original_publisher="Council of the European Union",
         url="https://en.wikisource.org./wiki/COUNCIL_DECISION_(CFSP)_2022/335",
         date_published="", date_published_precision="undated", source_type="official", reliability="medium",
         notes=f"Mirror of the EU legal text (recitals read); URL copied exactly as returned, with the dot after .org; the act's date is not shown in the text read. query: {Q4}"),
    dict(source_id="tgcom24_202202_eu_russian_flights_stop", title="Ue, stop a tutti voli russi tranne emergenza e umanitari",
         title_kind="from_url", publisher="TGCOM24 (Mediaset)", original_publisher="",
         url="https://www.tgcom24.mediaset.it/mondo/ue-stop-a-tutti-voli-russi-tranne-emergenza-e-umanitari_46693141-202202k.shtml",
         date_published="2022-02-01", date_published_precision="month", source_type="news", reliability="medium",
         notes=f"Italian; paraphrases the Regulation published in the Official Journal; month from the URL. query: {Q4}"),
]
for s in SOURCES:
    s["date_accessed"] = TODAY

# ------------------------------------------------------------------ actors
ACTORS = [
    dict(actor_id="eu_council", name="Council of the European Union", actor_kind="organisation",
         description="EU body of member states' ministers that adopts the EU's sanctions regulations and decisions",
         source_ids="globaltradealert_2022_eu_russian_carriers_ban;wikisource_2022_council_decision_2022_335"),
]

# ------------------------------------------------------------------ events (new)
EVENTS = [
    dict(event_id="ev_20220228_eu_airspace_ban", date="2022-02-28", date_precision="day", date_reported="2022-02-28",
         event_type="other", actor_id="eu_council", other_actor_id="russia",
         summary=("On 28 Feb 2022 the Council of the EU adopted Regulation (EU) 2022/334, amending Regulation 833/2014, with a "
                  "companion Decision: aircraft operated by Russian air carriers, Russian-registered aircraft, and aircraft owned, "
                  "chartered or otherwise controlled by Russian persons may not land in, take off from or overfly EU territory, "
                  "except for emergency landings and humanitarian flights. Commission President von der Leyen had announced the "
                  "closure on 27 Feb. The legal text as found names no military or state aircraft."),
         status="confirmed", chapter="withdrawal",
         source_ids="globaltradealert_2022_eu_russian_carriers_ban;wikisource_2022_council_decision_2022_335;tgcom24_202202_eu_russian_flights_stop"),
    dict(event_id="ev_20220101_us_overflight_limits_wsj", date="2022-01-01", date_precision="year", date_reported="2023-05-12",
         event_type="diplomacy", actor_id="united_states", other_actor_id="russia",
         summary=("The Wall Street Journal reported on 12 May 2023 (in a Sputnik copy), citing unnamed American and Egyptian "
                  "officials, that after the 2022 invasion of Ukraine the US got Iraq, Turkey and Jordan to limit access for at least "
                  "some Russian military planes, so that Russian aircraft flew about 2,000 miles more to reach the bases in Syria; "
                  "Egypt had not answered US requests in February and March 2023 to close its airspace to Russian military flights."),
         status="reported", chapter="withdrawal", source_ids="urdupoint_20230512_sputnik_wsj_egypt"),
    dict(event_id="ev_20251126_turkey_overflight_exception", date="2025-11-26", date_precision="day", date_reported="2025-11-26",
         event_type="other", actor_id="turkey", other_actor_id="russia",
         summary=("Reporting a Russian Air Force Il-62M that flew from Russia over the Black Sea and the length of Turkey to eastern "
                  "Libya on 26 Nov 2025, the tracking blog ItaMilRadar said Turkey was the only NATO member still routinely granting "
                  "overflight to Russian military aircraft, the other members having closed their airspace to Russian state and "
                  "military traffic, and that the flight kept out of European NATO airspace. In May 2023 the same blog had said Turkish "
                  "airspace stayed open to Russian military aircraft except for flights to Syria. Both are the blog's own reading."),
         status="reported", chapter="libya",
         source_ids="itamilradar_20251126_turkish_airspace;itamilradar_20230501_turkish_attitude"),
]


def ev(fact_id, source_id, fields, stance, basis, locator, as_given, rule="", table="events", n=""):
    key = source_id or "derived"
    return dict(evidence_id=f"{fact_id}..{key}{n}", fact_table=table, fact_id=fact_id, fields=fields, source_id=source_id,
                stance=stance, basis=basis, locator=locator, as_given=as_given, rule=rule, checked_by=CHECKER, check_date=TODAY)


STRAITS = "ev_20220227_turkey_straits_closed"
AIR = "ev_20220423_turkey_airspace_closed"
EU = "ev_20220228_eu_airspace_ban"
WSJ = "ev_20220101_us_overflight_limits_wsj"
NATO = "ev_20251126_turkey_overflight_exception"

EVIDENCE = [
    # (a) the Straits: what the closure covers
    ev(STRAITS, "cyprusmail_20220228_reuters_straits", "summary", "states", "official_on_record", "paragraphs 1-3 (byline Reuters, page date 28 Feb 2022)",
       "Cavusoglu reported Monday: Black Sea and other states warned not to pass warships through the two straits; Convention lets Turkey limit naval transit in wartime, exempting ships returning to their registered base (Reuters' own summary)"),
    ev(STRAITS, "anewspk_20220301_afp_straits", "summary", "states", "official_on_record", "paragraphs 1-4 (dateline Ankara, AFP)",
       "Turkey barring warships from both straits under the treaty (Cavusoglu, Monday); the Convention governs free passage of commercial ships in peacetime and lets Turkey stop warships if threatened (AFP's own explanation)"),
    ev(STRAITS, "almayadeen_2022_straits_may_close", "summary", "states", "official_on_record", "paragraphs 2-4",
       "Cavusoglu (via Hurriyet), on a Friday before the closure: Turkey may close the straits to Russian warships but Russia keeps the right to bring its fleet back to base; the Convention lets trade ships pass freely (outlet's own)"),
    ev(STRAITS, "cilnus_2022_oral_article19", "summary", "states", "analyst_assessment", "first section and the section on Article 19 (quoted text)",
       "Article 19: with Turkey not belligerent, warships have passage under Articles 10-18, but belligerent powers' warships may not pass save in listed cases; Turkey said it could not stop Russian warships returning to their bases; closure to Russian warships announced 27 Feb"),
    # (b) the airspace decision: scope as each outlet gives it
    ev(AIR, "i24news_20220423_airspace_syria", "date;date_reported;actor_id;other_actor_id;summary", "states", "official_on_record", "paragraphs 1-6; page date 23 Apr 2022",
       "Cavusoglu quoted Saturday by Turkish media: closed to Russian military and even civilian planes flying to Syria; they had until April, asked in March; told Lavrov, who told Putin; a day or two later Putin ordered no more flights; ban for three months"),
    ev(AIR, "themedialine_2022_afp_airspace", "summary", "states", "official_on_record", "brief, sentences 1-5",
       "closed to Russian planes flying to Syria, civilian and military (Turkish media); AFP reported the decision went to Lavrov, who told Putin, and the ban would last three months; Cavusoglu said the planes carry troops"),
    ev(AIR, "itamilradar_20220423_airspace_troops_only", "summary", "states", "reporter_observation", "paragraphs 1-4 and 6",
       "TRT Haber quoting Cavusoglu: closed to military and civilian planes carrying troops from Russia to Syria; blog: unclear whether arms flights are covered; its understanding is the ban covers Syria operations only, not flights to other destinations"),
    # (c) the EU ban
    ev(EU, "globaltradealert_2022_eu_russian_carriers_ban", "date;date_reported;actor_id;other_actor_id;summary", "states", "official_on_record", "entry text, paragraphs 1-4, and the two documents it cites",
       "Regulation (EU) 2022/334 of 28 Feb 2022, amending Regulation 833/2014, bars Russian air carriers from landing in, taking off from or overflying EU territory; von der Leyen's statement of 27 Feb: all Russian-owned, -registered or -controlled aircraft"),
    ev(EU, "wikisource_2022_council_decision_2022_335", "actor_id;summary", "states", "official_on_record", "recitals 5 and 7",
       "Council of the EU: member states to deny landing, take-off and overflight to aircraft operated by Russian air carriers, Russian-registered aircraft, and non-Russian-registered aircraft owned, chartered or controlled by Russian persons; no military or state aircraft named in the text read"),
    ev(EU, "tgcom24_202202_eu_russian_flights_stop", "summary", "states", "official_on_record", "paragraph 1",
       "Regulation in the Official Journal: no take-off, landing or overflight for aircraft operated by Russian carriers, registered in Russia, or owned, chartered or controlled by Russians; not applicable to emergency landings or humanitarian purposes"),
    ev(EU, "", "status", "derived", "", "", "confirmed",
       "the act's own text (Wikisource mirror of the Council Decision) and two independent outlets that cite the Official Journal (Global Trade Alert; TGCOM24): confirmed"),
    # (d) the WSJ report
    ev(WSJ, "urdupoint_20230512_sputnik_wsj_egypt", "date;date_reported;actor_id;other_actor_id;summary", "states", "anonymous_officials", "dateline (Washington, 12 May 2023) and paragraphs 1-4",
       "WSJ, Friday, citing American and Egyptian officials: since 2022 the US got Iraq, Turkey and Jordan to limit access for at least some Russian military planes, adding 2,000 miles to reach Syria; US officials asked Egypt in February and March to close its airspace; Cairo did not respond"),
    ev(WSJ, "", "status", "derived", "", "", "reported",
       "unnamed officials, through one outlet (the WSJ), read in a Sputnik copy: reported"),
    ev(WSJ, "", "date", "derived", "", "", "2022 (year)",
       "the copy dates the restrictions to after the start of the invasion in 2022 and gives no month: the year only", n="_2"),
    # (e) Turkey as the NATO exception
    ev(NATO, "itamilradar_20251126_turkish_airspace", "date;date_reported;actor_id;other_actor_id;summary", "states", "tracking", "paragraphs 1-4",
       "26 Nov 2025: Russian AF Il-62M RA-86572 from Russia over the Black Sea and the whole of Turkey to eastern Libya; Turkey the only NATO member still allowing routine overflight to Russian military aircraft, the others closed to Russian state and military traffic; flight bypassed European NATO airspace"),
    ev(NATO, "itamilradar_20230501_turkish_attitude", "summary", "states", "tracking", "paragraphs 1-2",
       "1 May 2023: tracking a Russian AF Il-96 Moscow to Casablanca over the eastern Mediterranean; Turkish airspace still open to Russian military aircraft except flights to Syria; Turkey the only NATO member doing so"),
    ev(NATO, "", "status", "derived", "", "", "reported",
       "a single tracking blog's own reading of NATO members' airspace policies (two posts by the same outlet, not independent): reported"),
]

# ------------------------------------------------------------------ changes to published rows
NEW_STRAITS_SENTENCE = (
    " As Reuters and a legal commentary explain the Convention, with Turkey not at war Article 19 bars the warships of "
    "belligerent powers, but warships returning to their base may pass; AFP and Al Mayadeen add that it leaves commercial "
    "shipping free passage (AFP: in peacetime)."
)
NEW_STRAITS_SOURCES = ["cyprusmail_20220228_reuters_straits", "anewspk_20220301_afp_straits", "almayadeen_2022_straits_may_close", "cilnus_2022_oral_article19"]
NEW_AIR_SOURCES = ["i24news_20220423_airspace_syria", "themedialine_2022_afp_airspace", "itamilradar_20220423_airspace_troops_only"]


def main():
    append("sources", SOURCES)
    append("actors", ACTORS)
    append("events", EVENTS)
    append("evidence", EVIDENCE)

    header, rows = read("events")
    ch, corrections = read("corrections")
    n = max(int(r["correction_id"].split("_")[1]) for r in corrections)

    def log(kind, target, field, old, new, reason, source_ids=""):
        nonlocal n
        n += 1
        corrections.append(dict(correction_id=f"corr_{n:03d}", date=TODAY, kind=kind, target_table="events", target_id=target,
                                field=field, old_value=old, new_value=new, reason=reason, source_ids=source_ids))

    for r in rows:
        if r["event_id"] == STRAITS:
            old = r["summary"]
            assert "Rzeczpospolita)." in old
            r["summary"] = old + NEW_STRAITS_SENTENCE
            log("fact_changed", STRAITS, "summary", old, r["summary"],
                "Editorial review (context on the Montreux Convention): the summary now says what the closure covers, warships of the warring states with a return-to-base exemption, and that commercial shipping keeps free passage, as the outlets explain the Convention.",
                ";".join(NEW_STRAITS_SOURCES))
            old_s = r["source_ids"]
            r["source_ids"] = ";".join(old_s.split(";") + NEW_STRAITS_SOURCES)
            log("sources_changed", STRAITS, "source_ids", old_s, r["source_ids"],
                "Adds the Reuters and AFP copies, Al Mayadeen and a legal commentary on Article 19, which back the added sentence on what the closure covers.",
                ";".join(NEW_STRAITS_SOURCES))
        if r["event_id"] == AIR:
            old = r["summary"]
            a = "or to military and even civilian planes (Sabah via Sputnik)."
            b = "in a copy of a story datelined Istanbul (original outlet not named) he added"
            c = " The statement proves what Turkey said"
            assert a in old and b in old and c in old
            new = old.replace(a, "or to military and even civilian planes flying to Syria (Sabah via Sputnik; i24NEWS; AFP as The Media Line relays it).")
            new = new.replace(b, "in a copy of a story datelined Istanbul (original outlet not named) and on i24NEWS he added")
            new = new.replace(c, " ItaMilRadar read the ban as limited to flights for Syria, not to other destinations, and said it was unclear whether arms flights were covered." + c)
            r["summary"] = new
            log("fact_changed", AIR, "summary", old, new,
                "Editorial review (scope of the airspace decision): the broader wording is also AFP's (via The Media Line) and i24NEWS's, and a tracking blog read the ban as covering flights for Syria only; both now recorded with who said what.",
                ";".join(NEW_AIR_SOURCES))
            old_s = r["source_ids"]
            r["source_ids"] = ";".join(old_s.split(";") + NEW_AIR_SOURCES)
            log("sources_changed", AIR, "source_ids", old_s, r["source_ids"],
                "Adds i24NEWS, The Media Line (AFP) and ItaMilRadar, which back the scope of the ban as each gives it.",
                ";".join(NEW_AIR_SOURCES))
    write("events", header, rows)
    write("corrections", ch, corrections)


if __name__ == "__main__":
    main()
