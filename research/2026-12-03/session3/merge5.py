"""(Session 3 copy of merge3.py, for R8/V8 only.) Merge researched rows (R folders) into data/, after their second verifier's fixes (V folders).

Usage: python merge3.py  (DATA env var = target data folder; default /work/main/data)
Rows: the researcher's rows with the verifier's fixes applied (new rows: no corrections entry).
Evidence: the verifier's own evidence.csv where a verifier checked the folder, else the author's.
A fix whose new_value is DROP (column _row) removes the row.
"""
import csv, io, os, re, sys, collections
from pathlib import Path
MAIN = Path(os.environ.get('DATA', '/work/main/data')); ST = Path('/work/staging')
ID = {'events':'event_id','movements':'movement_id','estimates':'estimate_id','equipment':'equipment_id',
      'site_status':'status_id','deliveries':'delivery_id'}
EVCOLS = 'evidence_id,fact_table,fact_id,fields,source_id,stance,basis,locator,as_given,rule,checked_by,check_date'.split(',')
PLAN = [('V8_verify_africa_corps', ['R8_africa_corps'])]  # session 3: the Wagner-to-Africa-Corps rows
SKIP_ROWS = set(os.environ.get('SKIP_ROWS', '').split(',')) - {''}
def read(p):
    with open(p, newline='', encoding='utf-8-sig') as fh:
        r = csv.DictReader(fh); return list(r.fieldnames or []), list(r)
def write(p, header, rows):
    buf = io.StringIO(); w = csv.DictWriter(buf, fieldnames=header, lineterminator='\n', extrasaction='ignore')
    w.writeheader(); w.writerows(rows); Path(p).write_text(buf.getvalue(), encoding='utf-8')
problems = []; ALIAS = {}
sh, sources = read(MAIN / 'sources.csv'); known = {s['source_id']: s for s in sources}
def add_sources(p, who):
    if not p.exists(): return
    for s in read(p)[1]:
        if not s.get('source_id'): continue
        if s['source_id'] in known:
            if known[s['source_id']]['url'] != s['url']: problems.append(f'{who}: source id clash {s["source_id"]}')
            continue
        same = [x['source_id'] for x in sources if s['url'] and x['url'] == s['url']]
        if same: ALIAS[s['source_id']] = same[0]; continue
        if 'query:' not in s.get('notes', ''): problems.append(f'{who}: new source without query {s["source_id"]}')
        row = {k: s.get(k, '') for k in sh}; row['date_accessed'] = row['date_accessed'] or '2026-12-03'
        if re.fullmatch(r'\d{4}-\d{2}', row['date_published']):
            row['date_published'] += '-01'; row['date_published_precision'] = 'month'
        elif re.fullmatch(r'\d{4}', row['date_published']):
            row['date_published'] += '-01-01'; row['date_published_precision'] = 'year'
        sources.append(row); known[row['source_id']] = row
def alias(ids): return ';'.join(dict.fromkeys(ALIAS.get(i, i) for i in ids.split(';') if i))
ah, actors = read(MAIN / 'actors.csv'); akn = {a['actor_id'] for a in actors}
ph, places = read(MAIN / 'places.csv'); pkn = {p['place_id'] for p in places}
tables = {t: read(MAIN / f'{t}.csv') for t in ID}
eh, evidence = read(MAIN / 'evidence.csv'); evids = {e['evidence_id'] for e in evidence}
summary = collections.Counter()
for verifier, folders in PLAN:
    vdir = ST / verifier if verifier else None
    verified = vdir is not None and (vdir / 'report.md').exists() and (vdir / 'evidence.csv').exists() and len(read(vdir / 'evidence.csv')[1]) > 0
    if not verified and os.environ.get('ONLY_VERIFIED'):
        print(f'skipped (not yet verified): {folders}'); continue
    for f in folders:
        add_sources(ST / f / 'new_sources.csv', f)
    if vdir is not None: add_sources(vdir / 'new_sources.csv', verifier)
    new_rows = {}
    for f in folders:
        for t in ID:
            p = ST / f / f'{t}.csv'
            if not p.exists(): continue
            for r in read(p)[1]:
                if r[ID[t]] in SKIP_ROWS: continue
                new_rows[(t, r[ID[t]])] = r
        for extra, (h, rows, kn, key) in {'new_actors.csv': (ah, actors, akn, 'actor_id'), 'new_places.csv': (ph, places, pkn, 'place_id')}.items():
            p = ST / f / extra
            if p.exists():
                for a in read(p)[1]:
                    if a.get(key) and a[key] not in kn:
                        rows.append({k: a.get(k, '') for k in h}); kn.add(a[key])
    dropped = set()
    if verified and (vdir / 'fixes.csv').exists():
        for fx in read(vdir / 'fixes.csv')[1]:
            k = (fx['fact_table'], fx['fact_id'])
            if k not in new_rows:
                # a fix to an actor or a row outside the new rows
                if fx['fact_table'] == 'sources' and fx['fact_id'] in known and fx['column'] in known[fx['fact_id']]:
                    known[fx['fact_id']][fx['column']] = fx['new_value']; continue
                if fx['fact_table'] == 'actors':
                    a = next((a for a in actors if a['actor_id'] == fx['fact_id']), None)
                    if a is not None and fx['column'] in a: a[fx['column']] = fx['new_value']; continue
                problems.append(f'{verifier}: fix for unknown row {k}'); continue
            if fx['column'] in ('_row', 'row', '*') or fx['new_value'].strip().upper() in ('DROP', 'DROP ROW', '(DROP ROW)'):
                dropped.add(k); continue
            row = new_rows[k]
            if fx['column'] not in row: problems.append(f'{verifier}: unknown column {k} {fx["column"]}'); continue
            if row[fx['column']] != fx['old_value']:
                problems.append(f'{verifier}: old value differs {k}.{fx["column"]}: {row[fx["column"]][:60]!r} vs {fx["old_value"][:60]!r} (applied anyway)')
            row[fx['column']] = fx['new_value']; summary['fixes'] += 1
    for k in dropped: new_rows.pop(k, None); summary['dropped'] += 1
    for (t, i), r in new_rows.items():
        r['source_ids'] = alias(r['source_ids'])
        h, rows = tables[t]
        if any(x[ID[t]] == i for x in rows): problems.append(f'{i} already in {t}'); continue
        rows.append({c: r.get(c, '') for c in h}); summary[t] += 1
    evsrc = [vdir / 'evidence.csv'] if verified else [ST / f / 'evidence.csv' for f in folders]
    keep = {k for k in new_rows}
    for p in evsrc:
        if not p.exists(): continue
        for e in read(p)[1]:
            k = (e['fact_table'], e['fact_id'])
            if k not in keep: continue
            e['source_id'] = ALIAS.get(e.get('source_id', ''), e.get('source_id', ''))
            base = f"{e['fact_id']}..{e['source_id'] or 'derived'}"; eid = base; n = 1
            while eid in evids: n += 1; eid = f'{base}_{n}'
            evids.add(eid); e['evidence_id'] = eid; evidence.append({c: e.get(c, '') for c in eh}); summary['evidence'] += 1
    if verified:
        # Fields the verifier left without an evidence row (but did not change) keep the author's rows for them.
        changed = set()
        if (vdir / 'fixes.csv').exists():
            changed = {(f['fact_table'], f['fact_id'], f['column']) for f in read(vdir / 'fixes.csv')[1]}
        have = {(e['fact_table'], e['fact_id'], f) for e in evidence if e['stance'] != 'disagrees' for f in e['fields'].split(';')}
        for f in folders:
            p = ST / f / 'evidence.csv'
            if not p.exists(): continue
            for e in read(p)[1]:
                k = (e['fact_table'], e['fact_id'])
                if k not in keep or e['stance'] == 'disagrees': continue
                fields = [x for x in e['fields'].split(';') if x and (k[0], k[1], x) not in have and (k[0], k[1], x) not in changed]
                if not fields: continue
                e = dict(e, fields=';'.join(fields), source_id=ALIAS.get(e.get('source_id', ''), e.get('source_id', '')))
                base = f"{e['fact_id']}..{e['source_id'] or 'derived'}"; eid = base; n = 1
                while eid in evids: n += 1; eid = f'{base}_{n}'
                evids.add(eid); e['evidence_id'] = eid; evidence.append({c: e.get(c, '') for c in eh}); summary['author_fallback'] += 1
                have.update((k[0], k[1], x) for x in fields)
    summary['verified_folders' if verified else 'unverified_folders'] += len(folders)
for t, (h, rows) in tables.items(): write(MAIN / f'{t}.csv', h, rows)
write(MAIN / 'sources.csv', sh, sources); write(MAIN / 'actors.csv', ah, actors); write(MAIN / 'places.csv', ph, places)
write(MAIN / 'evidence.csv', eh, evidence)
print(dict(summary)); print('\n'.join(problems))
