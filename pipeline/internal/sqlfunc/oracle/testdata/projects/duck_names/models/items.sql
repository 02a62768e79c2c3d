select * from (values (1, 'Ann', 2.50, date '2024-01-05'), (2, 'bob', 4.25, date '2024-02-10'), (3, null, 1.00, null)) as v(id, name, price, sold_on)
