-- one file's text makes the column VARCHAR for every file
select order_id, amount, amount || '!' as shout from read_csv('lake/mixed/*.csv')
