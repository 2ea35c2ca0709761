"""Apply fix folders (fixes, evidence added and dropped, new sources) to the CURRENT data, logging each changed value as a correction. merge2.py with the deliveries table; run as: python3 merge4.py PREFIX"""
import csv, io, os, re, sys, glob, collections
from pathlib import Path
MAIN = Path(os.environ.get('DATA', '/work/main/data')); ST = Path('/work/staging')
ID = {'events':'event_id','movements':'movement_id','estimates':'estimate_id','equipment':'equipment_id',
      'site_status':'status_id','sites':'place_id','places':'place_id','platforms':'platform_id','deliveries':'delivery_id'}
EVCOLS = 'evidence_id,fact_table,fact_id,fields,source_id,stance,basis,locator,as_given,rule,checked_by,check_date'.split(',')
def read(p):
    with open(p, newline='', encoding='utf-8') as fh:
        r = csv.DictReader(fh); return list(r.fieldnames), list(r)
def write(p, header, rows):
    buf = io.StringIO(); w = csv.DictWriter(buf, fieldnames=header, lineterminator='\n', extrasaction='ignore')
    w.writeheader(); w.writerows(rows); Path(p).write_text(buf.getvalue(), encoding='utf-8')
prefix = sys.argv[1] if len(sys.argv) > 1 else 'T_'
batches = sorted(d for d in ST.iterdir() if d.is_dir() and d.name.startswith(prefix))
problems = []; ALIAS = {}
def alias(ids): return ';'.join(dict.fromkeys(ALIAS.get(i, i) for i in ids.split(';') if i))
sh, sources = read(MAIN / 'sources.csv'); known = {s['source_id']: s for s in sources}
for b in batches:
    p = b / 'new_sources.csv'
    if not p.exists(): continue
    for s in read(p)[1]:
        if not s.get('source_id'): continue
        if s['source_id'] in known:
            if known[s['source_id']]['url'] != s['url']: problems.append(f'{b.name}: new source id clash {s["source_id"]}')
            continue
        same = [x['source_id'] for x in sources if s['url'] and x['url'] == s['url']]
        if same:
            ALIAS[s['source_id']] = same[0]; problems.append(f'{b.name}: url already registered: {s["source_id"]} -> {same[0]}'); continue
        if 'query:' not in s.get('notes', ''): problems.append(f'{b.name}: new source without query {s["source_id"]}')
        row = {k: s.get(k, '') for k in sh}; sources.append(row); known[row['source_id']] = row
tables = {t: read(MAIN / f'{t}.csv') for t in ID}
tables['sources'] = (sh, sources); tables['actors'] = read(MAIN / 'actors.csv')
IDX = dict(ID, sources='source_id', actors='actor_id')
ch, corrections = read(MAIN / 'corrections.csv'); n = len(corrections); applied = 0
for b in batches:
    p = b / 'fixes.csv'
    if not p.exists(): continue
    for f in read(p)[1]:
        t = f['fact_table']
        if t not in tables: problems.append(f'{b.name}: unknown table {t}'); continue
        header, rows = tables[t]
        row = next((r for r in rows if r[IDX[t]] == f['fact_id']), None)
        if row is None: problems.append(f'{b.name}: fix for unknown row {t}/{f["fact_id"]}'); continue
        col = f['column']
        if col not in header: problems.append(f'{b.name}: unknown column {t}.{col}'); continue
        if row[col] != f['old_value']:
            problems.append(f'{b.name}: {t}/{f["fact_id"]}.{col} old value differs (skipped): table {row[col][:80]!r} vs fix {f["old_value"][:80]!r}'); continue
        new = alias(f['new_value']) if col == 'source_ids' else f['new_value']
        if row[col] == new: continue
        old = row[col]; row[col] = new; n += 1; applied += 1
        corrections.append({'correction_id': f'corr_{n:03d}', 'date': '2026-12-03',
                            'kind': 'sources_changed' if col == 'source_ids' else 'fact_changed', 'target_table': t,
                            'target_id': f['fact_id'], 'field': col, 'old_value': old, 'new_value': new,
                            'reason': 'Strict re-verification: ' + re.sub(r'\s+', ' ', f['reason']).strip(), 'source_ids': ''})
for t, (h, rows) in tables.items(): write(MAIN / f'{t}.csv', h, rows)
write(MAIN / 'corrections.csv', ch, corrections)
eh, evidence = read(MAIN / 'evidence.csv')
drops = {r['evidence_id'] for b in batches if (b / 'drop_evidence.csv').exists() for r in read(b / 'drop_evidence.csv')[1]}
missing = drops - {e['evidence_id'] for e in evidence}
if missing: problems.append(f'drops of unknown evidence ids: {sorted(missing)[:10]}')
evidence = [e for e in evidence if e['evidence_id'] not in drops]
ids = {e['evidence_id'] for e in evidence}; added = []
for b in batches:
    p = b / 'evidence.csv'
    if not p.exists(): continue
    for e in read(p)[1]:
        if not e.get('fact_table'): continue
        e = {k: (e.get(k) or '').strip() for k in EVCOLS}
        e['source_id'] = ALIAS.get(e['source_id'], e['source_id'])
        if e['stance'] != 'derived' and not e['basis']: e['basis'] = 'not_stated'
        e['fields'] = ';'.join(x.strip() for x in e['fields'].replace(',', ';').split(';') if x.strip())
        base = f"{e['fact_id']}..{e['source_id'] or 'derived'}"; k = 1; eid = base
        while eid in ids: k += 1; eid = f'{base}_{k}'
        e['evidence_id'] = eid; ids.add(eid); added.append(e)
# A new derived row for a field replaces older derived rows for that field of that fact.
newd = {(e['fact_id'], f) for e in added if e['stance'] == 'derived' for f in e['fields'].split(';')}
kept = []
for e in evidence:
    if e['stance'] == 'derived':
        fields = [f for f in e['fields'].split(';') if (e['fact_id'], f) not in newd]
        if not fields: continue
        e['fields'] = ';'.join(fields)
    kept.append(e)
evidence = kept + added
for e in evidence:
    f = e['fields'].split(';')
    if e['fact_table'] == 'site_status' and e['stance'] in ('states', 'implies') and ('site_status' in f or 'basis' in f) and 'place_id' not in f:
        e['fields'] = ';'.join(['place_id'] + f)
evidence.sort(key=lambda e: (list(ID).index(e['fact_table']), e['fact_id'], e['evidence_id']))
write(MAIN / 'evidence.csv', EVCOLS, evidence)
cited = set()
for p in glob.glob(str(MAIN / '*.csv')):
    if p.endswith('sources.csv'): continue
    h, rows = read(p)
    for col in ('source_ids', 'source_id'):
        if col in h:
            for r in rows: cited.update(x for x in r[col].split(';') if x)
sh, sources = read(MAIN / 'sources.csv')
gone = [s['source_id'] for s in sources if s['source_id'] not in cited and s['source_type'] != 'seed_article']
write(MAIN / 'sources.csv', sh, [s for s in sources if s['source_id'] in cited or s['source_type'] == 'seed_article'])
print(f'{applied} fixes applied, {len(drops)} evidence rows dropped, {len(added)} added, {len(evidence)} in all; sources removed: {gone}')
print('\n'.join(problems))
