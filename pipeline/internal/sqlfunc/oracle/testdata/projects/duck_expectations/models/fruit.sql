select * from (values
    (1, 10, 'apple', 'a', 1, 0, date '2024-03-01', timestamp '2024-03-01 08:00:00'),
    (2, 20, 'banana', 'a', 2, 2, date '2024-03-02', timestamp '2024-03-02 09:30:00'),
    (3, null, 'cherry pie', 'b', 3, 1, date '2024-03-04', null),
    (4, 40, null, 'b', 4, 5, date '2024-03-05', timestamp '2024-03-05 23:59:59'),
    (5, 50, 'Apple', 'b', 5, 5, date '2024-03-05', timestamp '2024-03-06 00:00:00')
) as t(id, v, s, g, a, b, d, ts)
