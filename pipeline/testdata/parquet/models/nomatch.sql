select * from read_parquet('data/none/*.parquet')
