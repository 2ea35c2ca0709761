"""Ids the sample-2 fixes need: places for 'somewhere in <country>' (a proxy point whose name says so), an
actor for 'opposition fighters, faction not named', and the detection value 'not_stated' (datapackage.json).
Each new place copies its proxy's coordinates and the evidence for them, plus a derived row for the name."""
import csv, io, os
from pathlib import Path
MAIN = Path(os.environ.get('DATA', '/work/main/data'))
def read(n):
    with open(MAIN / n, newline='', encoding='utf-8') as fh:
        r = csv.DictReader(fh); return r.fieldnames, list(r)
def write(n, h, rows):
    buf = io.StringIO(); w = csv.DictWriter(buf, fieldnames=h, lineterminator='\n'); w.writeheader(); w.writerows(rows)
    (MAIN / n).write_text(buf.getvalue(), encoding='utf-8')
UNSPECIFIED = {  # new place -> (proxy place, name)
    'russia_unspecified': ('moscow', 'Russia, airfield not specified (coordinates of Moscow as proxy)'),
    'syria_unspecified': ('hmeimim_air_base', 'Syria, place not specified (coordinates of Hmeimim as proxy)'),
    'mali_unspecified': ('bamako', 'Mali, airfield not specified (coordinates of Bamako as proxy)'),
    'niger_unspecified': ('niamey', 'Niger, place not specified (coordinates of Niamey as proxy)'),
    'belarus_unspecified': ('minsk', 'Belarus, airfield not specified (coordinates of Minsk as proxy)'),
}
ph, places = read('places.csv'); eh, ev = read('evidence.csv')
have = {p['place_id'] for p in places}
for pid, (proxy, name) in UNSPECIFIED.items():
    if pid in have: continue
    base = next(p for p in places if p['place_id'] == proxy)
    coord_ev = [e for e in ev if e['fact_table'] == 'places' and e['fact_id'] == proxy and e['stance'] in ('states', 'implies')
                and {'lat', 'lon'} & set(e['fields'].split(';'))]
    places.append(dict(base, place_id=pid, name=name, place_type='region', geo_precision='country',
                       source_ids=';'.join(dict.fromkeys(e['source_id'] for e in coord_ev))))
    for e in coord_ev:
        ev.append(dict(e, evidence_id=f"{pid}..{e['source_id']}", fact_id=pid, fields='lat;lon',
                       as_given=f"{e['as_given']} (the coordinates of {base['name']}, used as the proxy point)"))
    ev.append(dict(evidence_id=f'{pid}..derived', fact_table='places', fact_id=pid, fields='name', source_id='', stance='derived',
                   basis='', locator='', as_given='', checked_by='editor-session2', check_date='2026-12-03',
                   rule=f"a point for a place in {name.split(',')[0]} that the sources do not name: the coordinates of {base['name']}, and the name says so"))
write('places.csv', ph, places)
ah, actors = read('actors.csv')
if not any(a['actor_id'] == 'syrian_armed_opposition' for a in actors):
    actors.append(dict(actor_id='syrian_armed_opposition', name='Syrian armed opposition (faction not named by the source)',
                       actor_kind='armed_group', description='Opposition fighters or forces, as sources describe them without naming a faction',
                       source_ids='defensemirror_202412_nayrab_mig23_l39'))
if not any(a['actor_id'] == 'mehr_news' for a in actors):
    actors.append(dict(actor_id='mehr_news', name='Mehr News Agency', actor_kind='organisation',
                       description='News agency whose report, citing unnamed Syrian sources, is the only source of a claim in the data',
                       source_ids='mehrnews_20241225_sdf_air_defence'))
for a in (dict(actor_id='conflict_tr', name='@ConflictTR (X account)', actor_kind='organisation',
                description='X account credited by the source with a report and photos of air-defence systems seized in Syria',
                source_ids='k4s_20241201_militarnyi_pantsir_kuweires'),
          dict(actor_id='jalel_harchaoui', name='Jalel Harchaoui (RUSI)', actor_kind='person',
                description='Analyst featured by RUSI, quoted on the Africa Corps', source_ids='rusi_2024_harchaoui_africa_corps'),
          dict(actor_id='joe_wilson', name='Joe Wilson (US Representative)', actor_kind='person',
                description='US congressman who warned Haftar publicly on social media', source_ids='wilson_202502_newyorkparrot'),
          dict(actor_id='corbeau_news', name='Corbeau News Centrafrique', actor_kind='organisation',
                description='Central African news outlet whose report of Wagner moving aircraft from Libya to the CAR others relayed',
                source_ids='cnc_20230515_marsad_car')):
    if not any(x['actor_id'] == a['actor_id'] for x in actors):
        actors.append(a)
write('actors.csv', ah, actors)
write('evidence.csv', eh, ev)
print('additions done')
