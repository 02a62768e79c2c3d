select * from read_parquet('data/mixed/*.parquet')
