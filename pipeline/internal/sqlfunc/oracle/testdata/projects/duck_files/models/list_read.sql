-- a list of files, read in the list's order
select order_id, amount, placed from read_csv(['lake/monthly/2024-02.csv', 'lake/monthly/2024-01.csv'])
