select * from read_parquet(['data/part/2024-02.parquet', 'data/part/2024-01.parquet'])
