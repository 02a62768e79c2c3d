package dialect

import (
	"strings"
	"testing"
)

// hierarchy is the recursive CTE a Snowflake hierarchical query over src,
// named a, runs as: anchor and step the hidden columns of the first level
// and of the next, start the first level's WHERE, cond the CONNECT BY
// conditions, line CONNECT's line.
func hierarchy(src, a, anchor, start, step, cond, line string) string {
	return "(WITH RECURSIVE _nexus_src1 AS MATERIALIZED (SELECT *, row_number() OVER () AS _nexus_rid FROM " + src + "), " +
		"_nexus_h1 AS (SELECT " + a + ".*, 1 AS _nexus_level, ',' || " + a + "._nexus_rid || ',' AS _nexus_rids" + anchor +
		" FROM _nexus_src1 AS " + a + start + " UNION ALL SELECT " + a + ".*, _nexus_prior._nexus_level + 1, _nexus_prior._nexus_rids || " +
		a + "._nexus_rid || ','" + step + " FROM _nexus_src1 AS " + a + " JOIN _nexus_h1 AS _nexus_prior ON (" + cond + ") AND CASE WHEN (" +
		strings.ReplaceAll(cond, "\n", "") + ") AND instr(_nexus_prior._nexus_rids, ',' || " + a + "._nexus_rid || ',') > 0 THEN error_raised('CONNECT BY at line " + line +
		": a row is its own ancestor (a cycle in the hierarchy), so the hierarchy has no end; break the cycle in the data') ELSE 1 END) SELECT * FROM _nexus_h1) AS " + a
}

// pathPiece is one level's text of SYS_CONNECT_BY_PATH(x, sep) at line.
func pathPiece(x, sep, line string) string {
	return "CASE WHEN (" + x + ") IS NULL THEN error_raised('SYS_CONNECT_BY_PATH at line " + line +
		": a NULL value on the path, whose text Snowflake does not document; give it one, as coalesce(x, '''')') ELSE (" + sep + ") || (" + x + ") END"
}

// Snowflake's hierarchical queries run as a recursive CTE in place of the
// FROM item, keeping its name and every line.
func TestConnectBy(t *testing.T) {
	expectTranslated(t, snowflake, "select id, a, level from t start with a is null connect by a = prior id",
		"select id, a, _nexus_level AS level from "+hierarchy("t", "t", "", " WHERE (a is null )", "", "t.a = _nexus_prior.id", "1"))
	// PRIOR on either side; START WITH after CONNECT BY; WHERE after the hierarchy
	expectTranslated(t, snowflake, "select id from t connect by prior id = a start with id = 1 where id > 0",
		"select id from "+hierarchy("t", "t", "", " WHERE (id = 1)", "", "_nexus_prior.id = t.a", "1")+"  where id > 0")
	// every line stays: the CTE's text ends where each clause ends
	expectTranslated(t, snowflake, "select id, a, b from t\n  start with a is null\n  connect by a = prior id\n  order by level",
		"select id, a, b from "+hierarchy("t", "t", "", "\n  WHERE (a is null\n  )", "", "t.a = _nexus_prior.id", "3")+"\n  order by _nexus_level NULLS LAST")
	// after WHERE (Oracle's order) the clauses print with the FROM item,
	// WHERE filtering the hierarchy's rows; their line breaks stay
	expectTranslated(t, snowflake, "select id from t\nwhere level = 2\n  connect by a = prior id, id > 0\n start with a is null",
		"select id from "+hierarchy("t", "t", "", " WHERE (a is null)", "", "t.a = _nexus_prior.id) AND (t.id > 0", "3")+"\nwhere _nexus_level = 2\n  \n ")
	// without START WITH every row is a first level; the conditions may be
	// separated by commas; LEVEL in CONNECT BY is the next level's
	expectTranslated(t, snowflake, "select id from t e connect by e.a = prior e.id, level <= 3",
		"select id from "+hierarchy("t", "e", "", "", "", "e.a = _nexus_prior.id) AND ((_nexus_prior._nexus_level + 1) <= 3", "1"))
	// CONNECT_BY_ROOT and SYS_CONNECT_BY_PATH are hidden columns, the path
	// built from the first level down; * is the FROM item's columns alone
	expectTranslated(t, snowflake, "select *, connect_by_root id as root, sys_connect_by_path(b, '/') as path from t start with a is null connect by a = prior id",
		"select id, a, b, _nexus_root1 as root, _nexus_path1 as path from "+hierarchy("t", "t",
			", (id) AS _nexus_root1, "+pathPiece("b", "'/'", "1")+" AS _nexus_path1", " WHERE (a is null )",
			", _nexus_prior._nexus_root1, _nexus_prior._nexus_path1 || "+pathPiece("t.b", "'/'", "1"), "t.a = _nexus_prior.id", "1"))
	// a number of a known scale on the path has its digits
	expectTranslated(t, snowflake, "with c as (select 1 as id, null as up, 1.50 as amt) select sys_connect_by_path(amt, '/') as p from c connect by up = prior id",
		"with c as (select 1 as id, null as up, 1.50 as amt) select _nexus_path1 as p from "+hierarchy("c", "c",
			", "+pathPiece("decimal_text(amt, 2)", "'/'", "1")+" AS _nexus_path1", "",
			", _nexus_prior._nexus_path1 || "+pathPiece("decimal_text(c.amt, 2)", "'/'", "1"), "c.up = _nexus_prior.id", "1"))
	// a subquery or a CTE, with or without a name; AND in CONNECT BY
	expectTranslated(t, snowflake, "with c as (select 1 as id, null as up) select id, level from c start with up is null connect by up = prior id and id < 10 order by id",
		"with c as (select 1 as id, null as up) select id, _nexus_level AS level from "+hierarchy("c", "c", "", " WHERE (up is null )", "", "c.up = _nexus_prior.id and c.id < 10", "1")+" order by id NULLS LAST")
	expectTranslated(t, snowflake, "select x from (select 1 as x, 2 as y) start with y = 2 connect by y = prior x",
		"select x from "+hierarchy("(select 1 as x, 2 as y)", "_nexus_hier", "", " WHERE (y = 2 )", "", "_nexus_hier.y = _nexus_prior.x", "1"))
	// elsewhere the words are names
	expectTranslated(t, snowflake, "select start, connect, level, prior from t", "select start, connect, level, prior from t")
}

// What has no faithful equivalent is refused where it is written.
func TestConnectByRefused(t *testing.T) {
	hint := " (write the hierarchy as a recursive CTE: with recursive h as (select ..., 1 as lvl from t where <start> union all select t..., h.lvl + 1 from t join h on t.parent_id = h.id) select ... from h)"
	expectRefused(t, snowflake, "select t.id from t join u on t.id = u.id\n  start with t.a is null\n  connect by t.a = prior t.id",
		"2:3: CONNECT BY (a hierarchical query) is not supported here: a join beside CONNECT BY (Snowflake joins first, then builds the hierarchy)"+hint)
	expectRefused(t, snowflake, "select id from t start with a is null connect by nocycle a = prior id",
		"1:50: CONNECT BY (a hierarchical query) is not supported here: NOCYCLE, which Snowflake's CONNECT BY does not document"+hint)
	expectRefused(t, snowflake, "select id from t connect by level <= 3",
		"1:18: CONNECT BY (a hierarchical query) is not supported here: CONNECT BY without PRIOR: a condition compares a column with PRIOR of another, PRIOR x being x of the row a level up"+hint)
	expectRefused(t, snowflake, "select id, connect_by_isleaf from t connect by a = prior id",
		"1:12: CONNECT BY (a hierarchical query) is not supported here: CONNECT_BY_ISLEAF, which Snowflake's CONNECT BY does not document"+hint)
	expectRefused(t, snowflake, "select id from t start with a is null",
		"1:18: CONNECT BY (a hierarchical query) is not supported here: START WITH needs CONNECT BY"+hint)
	expectRefused(t, snowflake, "select id from t connect by a = prior id connect by b = prior id",
		"1:42: CONNECT BY (a hierarchical query) is not supported here: START WITH or CONNECT BY is written twice"+hint)
	expectRefused(t, snowflake, "select x from table(flatten(input => parse_json('[1]'))) f connect by x = prior x",
		"1:15: CONNECT BY (a hierarchical query) is not supported here: CONNECT BY reads a table, a CTE or a subquery here"+hint)
	expectRefused(t, snowflake, "select id from t connect by a = prior id and exists (select 1 from u where u.id = prior t.id)",
		"1:83: CONNECT BY (a hierarchical query) is not supported here: PRIOR inside a subquery"+hint)
	// * of a table whose columns are not known
	expectRefused(t, snowflake, "select * from unknown_table connect by a = prior id",
		"1:8: SELECT * of a query with CONNECT BY cannot be expanded: relation unknown_table does not exist yet (list the columns to keep)")
	// the hierarchy's functions outside one
	expectRefused(t, snowflake, "select connect_by_root id, sys_connect_by_path(id, '/') from t",
		"1:8: CONNECT_BY_ROOT outside a query with CONNECT BY (it reads the hierarchy a CONNECT BY builds: SELECT ..., CONNECT_BY_ROOT x FROM t START WITH cond CONNECT BY c = PRIOR p)\n"+
			"1:28: SYS_CONNECT_BY_PATH outside a query with CONNECT BY (it reads the hierarchy a CONNECT BY builds: SELECT ..., CONNECT_BY_ROOT x FROM t START WITH cond CONNECT BY c = PRIOR p)")
}
