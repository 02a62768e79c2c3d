select
    * exclude (ended_at, status) replace (upper(plan) as plan),
    strptime(started_at, '%Y-%m-%d')::date as started_on,
    try_cast(ended_at as date) as ended_on,
    status,
    mrr * 12 as arr,
    mrr / nullif(seats, 0) as mrr_per_seat,
    seats // 5 as seat_packs
from {{ source('app_raw', 'subscriptions') }}
