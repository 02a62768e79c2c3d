select * from read_parquet('data/nested.parquet', union_by_name = true)
