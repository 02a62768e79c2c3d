package dialect

import "strings"

// Session is what Snowflake's session functions answer: the database,
// schema, user, role and warehouse of the profile's target, the
// connection a dbt run opens. An empty one answers NULL, as Snowflake does
// with no database, schema or warehouse in use.
type Session struct {
	Database, Schema, User, Role, Warehouse string
}

// rewriteSessionCall writes Snowflake's CURRENT_DATABASE(),
// CURRENT_SCHEMA(), CURRENT_USER(), CURRENT_ROLE() and CURRENT_WAREHOUSE()
// as the target's value, in upper case: Snowflake stores an unquoted name
// so, and a profile's names are unquoted.
func (t *translator) rewriteSessionCall(n *node) bool {
	if t.d != Snowflake || len(n.list) != 0 || n.x != nil {
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
