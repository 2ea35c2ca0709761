"""Record in the registry that the 22 URLs were re-found by their recorded query (REFIND/result.csv)."""
import csv, io, os
from pathlib import Path
MAIN = Path(os.environ.get('DATA', '/work/main/data'))
res = {r['source_id']: r for r in csv.DictReader(open('/work/staging/REFIND/result.csv', encoding='utf-8'))}
with open(MAIN / 'sources.csv', newline='', encoding='utf-8') as fh:
    r = csv.DictReader(fh); header = r.fieldnames; rows = list(r)
n = 0
for row in rows:
    x = res.get(row['source_id'])
    if x and x['refound'] == 'yes' and x['url'] == row['url'] and 're-found' not in row['notes']:
        q = x['query_that_returned_it']
        assert q.strip().lower() in row['notes'].lower(), row['source_id']
        row['notes'] = row['notes'].rstrip() + ' (re-found by this query on 2026-12-03, second session)'; n += 1
buf = io.StringIO(); w = csv.DictWriter(buf, fieldnames=header, lineterminator='\n'); w.writeheader(); w.writerows(rows)
(MAIN / 'sources.csv').write_text(buf.getvalue(), encoding='utf-8'); print('re-found notes:', n)
