-- the region= folders are a column, and each row's file another
select id, n, region, filename, n * 10 as n10 from read_csv('lake/by_region/*/*.csv', filename = true)
