select
    ti + 1 as ti1, si * 2 as si2, i // 2 as i_half, bi + 1 as bi1, uti + 1 as uti1, ubi // 2 as ubi_half,
    f * 2 as f2, d / 3 as d3, dec2 * 3 as dec2x3, dec4 + 1 as dec4p1, dec38 + 0.5 as dec38p,
    not b as nb, length(s) as s_len, s || '!' as s_bang, s = '' as s_empty,
    dt + 1 as dt_next, extract(hour from tm) as tm_hour, date_trunc('hour', ts) as ts_hour,
    tstz + interval 1 day as tstz_next, epoch_ms(tsms) as tsms_epoch
from parquet_scan('data/typed.parquet')
