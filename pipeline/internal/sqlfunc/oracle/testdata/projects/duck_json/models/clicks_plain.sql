select * from read_json('data/clicks/*/*/*.ndjson', hive_partitioning = false, format = 'newline_delimited')
