select id, label, weight, note from read_json('data/parts/*.json')
