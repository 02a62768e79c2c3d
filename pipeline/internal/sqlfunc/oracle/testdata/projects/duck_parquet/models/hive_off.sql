select * from read_parquet('data/hive/*/*/*.parquet', hive_partitioning = false)
