package dialect

import "strings"

// DuckDBVersion is what DuckDB's version() answers: the DuckDB release the
// oracle checks the DuckDB dialect against (pipeline/internal/sqlfunc/oracle).
const DuckDBVersion = "v2.0.0"

// Session is what Snowflake's session functions answer: the database,
// schema, user, role and warehouse of the profile's target, the
// connection a dbt run opens. An empty one answers NULL, as Snowflake does
// with no database, schema or warehouse in use.
type Session struct {
	Database, Schema, User, Role, Warehouse string
	// Account is the profile's account identifier: orgname-account_name,
	// or a legacy account locator (xy12345 or xy12345.us-east-2.aws).
	Account string
}

// accountParts are the organization, account name and account locator
// an account identifier gives: orgname-account_name names the first two
// (Snowflake's preferred identifier), a locator (xy12345, or with its
// region xy12345.us-east-2.aws) the third; "" for what it does not say.
func accountParts(account string) (org, name, locator string) {
	account = strings.TrimSpace(account)
	if account == "" {
		return "", "", ""
	}
	if first, _, hasRegion := strings.Cut(account, "."); hasRegion {
		return "", "", first
	}
	if o, n, ok := strings.Cut(account, "-"); ok && o != "" && n != "" {
		return o, n, ""
	}
	return "", "", account
}

// rewriteSessionCall writes Snowflake's CURRENT_DATABASE(),
// CURRENT_SCHEMA(), CURRENT_USER(), CURRENT_ROLE(), CURRENT_WAREHOUSE(),
// CURRENT_ORGANIZATION_NAME(), CURRENT_ACCOUNT_NAME() and CURRENT_ACCOUNT()
// as the target's value, in upper case: Snowflake stores an unquoted name
// so, and a profile's names are unquoted.
//
// DuckDB's current_database() is the target's database as written: the
// catalog dbt-duckdb attaches, its path's file name by default (memory
// without a target, as DuckDB's in-memory database). Its current_schema()
// is main whatever the target's schema: dbt-duckdb writes every relation
// with its schema and never changes the connection's, DuckDB's main.
// version() is the DuckDB release the engine's DuckDB functions are
// checked against (the oracle's).
func (t *translator) rewriteSessionCall(n *node) bool {
	if t.d == DuckDB && n.name == "current_setting" && len(n.list) == 1 && n.x == nil && len(n.parts) <= 1 {
		// the session's zone is UTC, as dbt-duckdb's sessions are here
		if a := n.list[0]; a.kind == nString && strings.EqualFold(strings.Trim(t.toks[a.start].text, "'"), "timezone") {
			n.print = printAs("'UTC'")
		} else {
			t.refuse(n.tok, refCurrentSetting)
		}
		return true
	}
	if len(n.list) != 0 || n.x != nil {
		return false
	}
	if t.d == DuckDB && len(n.parts) <= 1 {
		switch n.name {
		case "current_database", "current_catalog":
			db := t.opts.Session.Database
			if db == "" {
				db = "memory"
			}
			n.print = printAs(sqlString(db))
			return true
		case "current_schema":
			n.print = printAs("'main'")
			return true
		case "version":
			n.print = printAs(sqlString(DuckDBVersion))
			return true
		}
		return false
	}
	if t.d != Snowflake {
		return false
	}
	s := t.opts.Session
	var v string
	switch n.name {
	case "current_database":
		v = s.Database
	case "current_schema":
		v = s.Schema
	case "current_user":
		v = s.User
	case "current_role":
		v = s.Role
	case "current_warehouse":
		v = s.Warehouse
	case "current_organization_name":
		v, _, _ = accountParts(s.Account)
	case "current_account_name":
		_, v, _ = accountParts(s.Account)
	case "current_account":
		_, _, v = accountParts(s.Account)
	default:
		return false
	}
	lit := "NULL"
	if v != "" {
		lit = sqlString(strings.ToUpper(v))
	}
	n.print = printAs(lit)
	return true
}
