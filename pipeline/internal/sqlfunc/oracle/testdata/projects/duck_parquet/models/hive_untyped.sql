select *, yr || '-' || d as yr_d
from read_parquet('data/hive/*/*/*.parquet', hive_types_autocast = false, hive_partitioning = true)
