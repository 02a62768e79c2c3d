package dialect

import "testing"

func TestStorage(t *testing.T) {
	tests := []struct {
		typ, affinity string
		boolean, ok   bool
	}{
		{"varchar(5)", "TEXT", false, true},
		{"STRING", "TEXT", false, true},
		{"character varying(20)", "TEXT", false, true},
		{"int64", "INTEGER", false, true},
		{"NUMBER", "INTEGER", false, true}, // Snowflake's NUMBER(38,0)
		{"number(10, 2)", "REAL", false, true},
		{"numeric(12,0)", "INTEGER", false, true},
		{"numeric", "REAL", false, true},
		{"double precision", "REAL", false, true},
		{"boolean", "INTEGER", true, true},
		{"date", "TEXT", false, true},
		{"timestamp without time zone", "TEXT", false, true},
		{"geography", "", false, false},
	}
	for _, tc := range tests {
		aff, b, ok := Storage(tc.typ)
		if aff != tc.affinity || b != tc.boolean || ok != tc.ok {
			t.Errorf("Storage(%q) = %q, %v, %v; want %q, %v, %v", tc.typ, aff, b, ok, tc.affinity, tc.boolean, tc.ok)
		}
	}
}

// A column declared interval is an INTERVAL where the dialect has one.
func TestStaticTypeInterval(t *testing.T) {
	for d, want := range map[Dialect]string{DuckDB: TypeInterval, BigQuery: TypeInterval, Snowflake: "", SQLite: ""} {
		if got := StaticType(d, " INTERVAL "); got != want {
			t.Errorf("StaticType(%s, interval) = %q; want %q", d, got, want)
		}
	}
}

// A DuckDB column declared VARCHAR (or TEXT, STRING, CHAR) is text.
func TestStaticTypeText(t *testing.T) {
	for typ, want := range map[string]string{"varchar": TypeText, " VARCHAR(10) ": TypeText, "text": TypeText, "string": TypeText, "char(2)": TypeText, "blob": ""} {
		if got := StaticType(DuckDB, typ); got != want {
			t.Errorf("StaticType(duckdb, %q) = %q; want %q", typ, got, want)
		}
	}
	if got := StaticType(Snowflake, "varchar"); got != "" {
		t.Errorf("StaticType(snowflake, varchar) = %q; want none", got)
	}
}

// A Snowflake column declared NUMBER(p, s) with s > 0 (or DECIMAL, NUMERIC)
// has that scale; NUMBER, NUMBER(p), NUMBER(p, 0) and the integer types are
// integers.
func TestStaticTypeSnowflakeNumber(t *testing.T) {
	for typ, want := range map[string]string{
		"number(12,2)":   "DECIMAL:2",
		"NUMBER (10, 4)": "DECIMAL:4",
		"decimal(38,6)":  "DECIMAL:6",
		"numeric(5,1)":   "DECIMAL:1",
		"number":         typeNumber + "INTEGER",
		"number(12)":     typeNumber + "INTEGER",
		"number(12,0)":   typeNumber + "INTEGER",
		"decimal":        typeNumber + "INTEGER",
		"bigint":         typeNumber + "INTEGER",
		"float":          "",
		"varchar(10)":    "",
		"number(38,37)":  "",
		"timestamp_ntz":  StaticType(Snowflake, "timestamp_ntz"),
	} {
		if got := StaticType(Snowflake, typ); got != want {
			t.Errorf("StaticType(snowflake, %q) = %q; want %q", typ, got, want)
		}
	}
}
