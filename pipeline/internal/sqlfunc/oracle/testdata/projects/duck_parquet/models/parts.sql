select id, v, v = '' as empty from read_parquet('data/part/*.parquet')
