select user_id, count(*) as events, max(occurred_at) as last_seen
from 'data/events.parquet'
group by user_id
