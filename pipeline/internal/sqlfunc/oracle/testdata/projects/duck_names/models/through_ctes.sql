-- items without aliases in a CTE and a FROM subquery, whose columns a
-- select * passes on to the model's: named as DuckDB names them there
with priced as (
  select id, case when price > 0 then price / 2 else 0 end, upper(name), id + 1
  from {{ ref('items') }}
),
final as (
  select p.*, p.id * 10
  from priced as p
)
select * from final
union all
select * from (select id, price, name, id * 2, 0 from {{ ref('items') }}) as sub
