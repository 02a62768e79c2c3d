select * from read_parquet('data/nested_time.parquet')
