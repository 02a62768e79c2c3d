-- booleans and numbers as DuckDB's CSV sniffer reads them: t, f, yes and no
-- are booleans, y and n text; spaces around an integer are dropped; a plus
-- sign or a leading zero keeps a column text
select code, active, not verified as unverified, answer, qty + 1 as qty1, price * 2 as price2, sku, signed
from read_csv('lake/flags.csv')
