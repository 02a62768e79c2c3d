select * from read_parquet('data/typed.parquet')
