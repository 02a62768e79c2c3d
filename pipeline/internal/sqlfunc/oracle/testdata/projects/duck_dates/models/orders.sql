select * from (values
    (1, timestamp '2020-02-29 13:45:10', 1582983910),
    (2, timestamp '2021-01-03 11:59:59', 1609675199),
    (3, timestamp '2019-12-30 00:00:00', 1577664000)
) as t(order_id, ordered_at, ordered_epoch)
