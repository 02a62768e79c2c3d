select *, region || '!' as shout, filename like '%region=%' as from_folder
from read_parquet('data/hive_text/*/*.parquet', filename = true)
