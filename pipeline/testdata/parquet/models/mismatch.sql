select * from read_parquet('data/mismatch/*/*.parquet', hive_partitioning = true)
