package dialect

import (
	"strconv"
	"strings"
)

// Snowflake's declared types: a value keeps the precision and length its
// type declares, which Snowflake reports for a column made of it
// (DESCRIBE TABLE, INFORMATION_SCHEMA.COLUMNS, dbt's
// get_columns_in_relation): x::number(10,2) is NUMBER(10,2), a literal
// 1.50 NUMBER(3,2), x::varchar(16) VARCHAR(16), a seed's column declared
// decimal(5) in column_types NUMBER(5,0). The declared type travels as a
// BigQuery value's full type does (bigquery_types.go): through CTEs,
// subqueries and the columns of built relations, kept under
// FullTypePrefix + the column's name. Where it is not known the static
// type names the column, NUMBER(38,s) and VARCHAR(16777216).

// SnowflakeFullType is the type Snowflake reports for a column declared
// typ where the declaration gives a precision or a length: NUMBER(10,2)
// for number(10, 2), decimal(10,2) or numeric(10,2), NUMBER(5,0) for
// decimal(5), VARCHAR(16) for varchar(16), char(16), string(16) or
// text(16); "" for other types and for these without them.
func SnowflakeFullType(typ string) string {
	s := strings.ToLower(strings.TrimSpace(typ))
	word, args, ok := strings.Cut(s, "(")
	if !ok {
		return ""
	}
	args, ok = strings.CutSuffix(strings.TrimSpace(args), ")")
	if !ok {
		return ""
	}
	var nums []int
	for _, a := range strings.Split(args, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(a))
		if err != nil || n < 0 {
			return ""
		}
		nums = append(nums, n)
	}
	switch strings.Join(strings.Fields(word), " ") {
	case "number", "numeric", "decimal":
		if len(nums) == 1 {
			nums = append(nums, 0)
		}
		if len(nums) != 2 || nums[0] < 1 || nums[0] > 38 || nums[1] > nums[0] {
			return ""
		}
		return "NUMBER(" + strconv.Itoa(nums[0]) + "," + strconv.Itoa(nums[1]) + ")"
	case "varchar", "char", "character", "nchar", "nvarchar", "nvarchar2", "char varying", "character varying", "nchar varying", "string", "text":
		if len(nums) != 1 || nums[0] < 1 {
			return ""
		}
		return "VARCHAR(" + strconv.Itoa(nums[0]) + ")"
	}
	return ""
}

// SnowflakeVarcharLength is the length of a Snowflake full type
// VARCHAR(n), false for other types.
func SnowflakeVarcharLength(full string) (int, bool) {
	s, ok := strings.CutPrefix(full, "VARCHAR(")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(s, ")"))
	return n, err == nil
}

// snowflakeNumber reads full type NUMBER(p,s).
func snowflakeNumber(full string) (p, s int, ok bool) {
	inner, ok := strings.CutPrefix(full, "NUMBER(")
	if !ok {
		return 0, 0, false
	}
	a, b, ok := strings.Cut(strings.TrimSuffix(inner, ")"), ",")
	if !ok {
		return 0, 0, false
	}
	p, err1 := strconv.Atoi(a)
	s, err2 := strconv.Atoi(b)
	return p, s, err1 == nil && err2 == nil
}

// mergeSnowflakeFull is the declared type of a column whose rows have
// declared types a and b (a UNION, VALUES): the NUMBER holding both,
// as many digits before and after the point as either has (at most 38),
// the longer VARCHAR; "" where they are of different kinds.
func mergeSnowflakeFull(a, b string) string {
	if pa, sa, ok := snowflakeNumber(a); ok {
		if pb, sb, ok := snowflakeNumber(b); ok {
			s := max(sa, sb)
			p := min(max(pa-sa, pb-sb)+s, 38)
			return "NUMBER(" + strconv.Itoa(p) + "," + strconv.Itoa(s) + ")"
		}
		return ""
	}
	if la, ok := SnowflakeVarcharLength(a); ok {
		if lb, ok := SnowflakeVarcharLength(b); ok {
			return "VARCHAR(" + strconv.Itoa(max(la, lb)) + ")"
		}
	}
	return ""
}

// snowflakeFull is the declared type of n in Snowflake: of a cast to a
// type with a precision or a length, of a number literal with a point, of
// a column whose declared type is known; "" otherwise.
func (t *translator) snowflakeFull(n *node) string {
	switch n.kind {
	case nParen, nItem:
		if n.x != nil {
			return t.snowflakeFull(n.x)
		}
	case nLit:
		if typ := t.decimalLiteral(n); typ != "" {
			return literalNumberType(t.toks[n.start].text)
		}
	case nUnary:
		if (n.name == "-" || n.name == "+") && n.x != nil && n.x.kind == nLit {
			return t.snowflakeFull(n.x)
		}
	case nName:
		if len(n.parts) == 1 {
			if e := t.lateralAlias(n, t.sc); e != nil {
				return t.snowflakeFull(e.x)
			}
		}
		return t.column(n).full
	case nCast:
		if n.y == nil || n.z != nil {
			return ""
		}
		return SnowflakeFullType(joinText(t.toks[n.y.start:n.y.end]))
	}
	return ""
}

// literalNumberType is Snowflake's type of number literal text with a
// point: its digits, leading zeros aside, and those after the point,
// 1.50 NUMBER(3,2), 0.5 NUMBER(1,1).
func literalNumberType(text string) string {
	whole, frac, _ := strings.Cut(text, ".")
	whole = strings.TrimLeft(whole, "0")
	p, s := len(whole)+len(frac), len(frac)
	if p < 1 || p > 38 {
		return ""
	}
	return "NUMBER(" + strconv.Itoa(p) + "," + strconv.Itoa(s) + ")"
}
