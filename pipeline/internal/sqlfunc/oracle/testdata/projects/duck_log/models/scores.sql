{{ config(post_hook="{{ record_scores(this) }}") }}

select
    cast(null as bigint) as id,
    cast(null as real) as weight,
    cast(null as numeric(5, 1)) as score,
    cast(null as double) as raw_score
where false
