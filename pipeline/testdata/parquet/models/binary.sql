select * from 'data/binary.parquet'
