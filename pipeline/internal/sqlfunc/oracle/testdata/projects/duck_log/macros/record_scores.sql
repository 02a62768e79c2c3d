{% macro record_scores(relation) %}
  {% set rows = [[1, 0.1, 2.675], [2, 0.7, 1.005], [3, 1.3, 100]] %}
  {% for row in rows %}
    {% do run_query("insert into " ~ relation ~ " values (" ~ row[0] ~ ", " ~ row[1] ~ ", " ~ row[2] ~ ", " ~ row[2] ~ ")") %}
  {% endfor %}
{% endmacro %}
