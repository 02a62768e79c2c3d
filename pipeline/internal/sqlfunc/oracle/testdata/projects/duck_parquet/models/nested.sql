select * from read_parquet('data/nested.parquet')
