select * from parquet_scan('data/nanos.parquet')
