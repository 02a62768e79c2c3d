{{ config(post_hook=[
    "insert into {{ this }} values (1, 2.5, 1.234, 6.4, '2024-03-01 10:00:00', '2024-03-01', 'true', 12.50)",
    "insert into {{ this }} (load_id, rows_loaded, share) select 2, 7.5, 0.125",
    "insert into {{ this }} (load_id, loaded_on, note) values (3, '2024-03-02 23:59:59', 4.10)",
    "insert into {{ this }} select load_id + 10, rows_loaded * 1.5, share / 3, ratio * 3, loaded_at, loaded_on, not ok, note || '!' from {{ this }} where load_id < 3",
]) }}

select
    cast(null as integer) as load_id,
    cast(null as integer) as rows_loaded,
    cast(null as decimal(10, 2)) as share,
    cast(null as float) as ratio,
    cast(null as timestamp) as loaded_at,
    cast(null as date) as loaded_on,
    cast(null as boolean) as ok,
    cast(null as varchar) as note
where false
