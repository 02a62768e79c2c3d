select a + 1 as a1, not b as nb from {{ ref('as_psv') }}
