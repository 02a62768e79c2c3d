select * from read_parquet('data/nested.parquet', hive_partitioning = true)
