#!/bin/bash
# Rebuild data/ from the committed tables plus this session's staged work, in a fixed order.
set -e
cd /work/main
git checkout e477340 -- data/sources.csv data/events.csv data/movements.csv data/estimates.csv data/equipment.csv \
  data/site_status.csv data/actors.csv data/places.csv data/evidence.csv data/corrections.csv data/sites.csv data/platforms.csv
printf 'delivery_id,date,date_end,date_precision,date_reported,lever,from_actor_id,to_actor_id,place_id,quantity_low,quantity_best,quantity_high,quantity_unit,how_known,description,status,claimed_by,linked_event_ids,link,source_ids\n' > data/deliveries.csv
python3 /work/staging/refind_notes.py
python3 /work/staging/additions_sample2.py
python3 /work/staging/merge2.py W_
SKIP_ROWS="${SKIP_ROWS:-dl_20250516_dpworld_tartus_mou,dl_20250713_dpworld_tartus_concession}" python3 /work/staging/merge3.py
[ -f /work/staging/postfix.py ] && python3 /work/staging/postfix.py
true
