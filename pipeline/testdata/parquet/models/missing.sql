select * from read_parquet('data/missing.parquet')
