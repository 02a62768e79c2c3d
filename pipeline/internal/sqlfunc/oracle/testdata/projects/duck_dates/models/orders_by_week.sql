select
    o.order_id,
    d.week_start_date,
    d.iso_week_of_year,
    d.day_of_week_name,
    {{ dbt_date.day_of_week('o.ordered_at', isoweek=false) }} as day_of_week,
    {{ dbt_date.iso_week_start('o.ordered_at') }} as iso_week_start,
    {{ dbt_date.to_unixtimestamp('o.ordered_at') }} = o.ordered_epoch as epoch_matches,
    {{ dbt_date.from_unixtimestamp('o.ordered_epoch') }} as from_epoch,
    {{ dbt_date.round_timestamp('o.ordered_at') }} as nearest_day,
    {{ dbt_date.convert_timezone('o.ordered_at') }} as ordered_at_la,
    {{ dbt_date.convert_timezone('o.ordered_at', 'Asia/Tokyo', 'America/New_York') }} as ordered_at_tokyo,
    {{ dbt_date.n_days_ago(3, 'd.date_day') }} as three_days_before,
    {{ dbt_date.month_name('d.date_day') }} as month_short
from {{ ref('orders') }} as o
join {{ ref('dim_date') }} as d on d.date_day = cast(o.ordered_at as date)
