-- a CSV file of the project read by read_csv in the model itself
select r.reason, r.returned_on - interval 3 day as noticed_on, count(*) over () as returns
from read_csv('lake/returned_orders.csv') r
