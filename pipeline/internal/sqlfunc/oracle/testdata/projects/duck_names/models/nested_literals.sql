-- lists, structs and lambdas as DuckDB names them: [a, b] is list_value(a, b),
-- {'k': v} struct_pack(k := v), lambda x: e (lambda x: e)
select [id, 1], [], {'n': name, 'p a': price}, ARRAY[id], [[id], [2]],
  list_transform([id, 2], lambda x: x + 1), list_filter([1, 2], lambda x, i: x > i), list_reduce([1, 2, 3], lambda a, b: a * b)
from {{ ref('items') }}
