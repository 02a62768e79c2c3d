package jinja

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// A Snowflake column is dbt-snowflake's SnowflakeColumn: its type as
// DESCRIBE TABLE gives it (NUMBER(38,0), VARCHAR(16777216)) or as
// api.Column.create was given it is read as dbt's Column.from_description
// reads it, into dtype (NUMBER, VARCHAR) and char_size, or
// numeric_precision and numeric_scale. data_type writes a string type as
// dbt's Column does, character varying(16777216), a number with its
// precision and scale, NUMBER(38,0), and any other type as its dtype;
// string_size is a string's length, 16777216 without one (Snowflake's
// most); is_integer is false, as everything integer there is a NUMBER.

// snowflakeDescription splits a Snowflake type as dbt's
// Column.from_description does: the name before a parenthesis, one number
// inside it a size, two a precision and a scale.
var snowflakeDescription = regexp.MustCompile(`^([^(]+)(\([^)]+\))?`)

type snowflakeType struct {
	dtype                string
	size, prec, scale    int
	hasSize, hasNumerals bool
}

func parseSnowflakeType(t string) snowflakeType {
	m := snowflakeDescription.FindStringSubmatch(t)
	if m == nil {
		return snowflakeType{dtype: t}
	}
	out := snowflakeType{dtype: m[1]}
	if m[2] == "" {
		return out
	}
	parts := strings.Split(m[2][1:len(m[2])-1], ",")
	nums := make([]int, 0, len(parts))
	for _, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return out
		}
		nums = append(nums, n)
	}
	switch len(nums) {
	case 1:
		out.size, out.hasSize = nums[0], true
	case 2:
		out.prec, out.scale, out.hasNumerals = nums[0], nums[1], true
	}
	return out
}

func (s snowflakeType) isString() bool {
	switch strings.ToLower(s.dtype) {
	case "text", "character varying", "character", "varchar":
		return true
	}
	return false
}

func (s snowflakeType) isNumeric() bool {
	switch strings.ToLower(s.dtype) {
	case "int", "integer", "bigint", "smallint", "tinyint", "byteint", "numeric", "decimal", "number":
		return true
	}
	return false
}

func (s snowflakeType) isFloat() bool {
	switch strings.ToLower(s.dtype) {
	case "float", "float4", "float8", "double", "double precision", "real":
		return true
	}
	return false
}

// stringSize is SnowflakeColumn.string_size.
func (s snowflakeType) stringSize() int {
	if s.dtype == "text" || !s.hasSize {
		return 16777216
	}
	return s.size
}

func (s snowflakeType) dataType() string {
	switch {
	case s.isString():
		return fmt.Sprintf("character varying(%d)", s.stringSize())
	case s.isNumeric() && s.hasNumerals:
		return fmt.Sprintf("%s(%d,%d)", s.dtype, s.prec, s.scale)
	}
	return s.dtype
}

func snowflakeColumnAttr(c Column, name string) (*exec.Value, bool) {
	s := parseSnowflakeType(strings.TrimSpace(c.Type))
	switch name {
	case "dtype":
		return exec.AsValue(s.dtype), true
	case "data_type":
		return exec.AsValue(s.dataType()), true
	case "char_size":
		if s.hasSize {
			return exec.AsValue(s.size), true
		}
		return noneValue(), true
	case "numeric_precision":
		if s.hasNumerals {
			return exec.AsValue(s.prec), true
		}
		return noneValue(), true
	case "numeric_scale":
		if s.hasNumerals {
			return exec.AsValue(s.scale), true
		}
		return noneValue(), true
	case "is_string":
		return exec.AsValue(func(*exec.VarArgs) bool { return s.isString() }), true
	case "is_numeric":
		return exec.AsValue(func(*exec.VarArgs) bool { return s.isNumeric() }), true
	case "is_float":
		return exec.AsValue(func(*exec.VarArgs) bool { return s.isFloat() }), true
	case "is_integer":
		return exec.AsValue(func(*exec.VarArgs) bool { return false }), true
	case "is_number":
		return exec.AsValue(func(*exec.VarArgs) bool { return s.isNumeric() || s.isFloat() }), true
	case "string_size":
		return exec.AsValue(func(*exec.VarArgs) (int, error) {
			if !s.isString() {
				return 0, fmt.Errorf("Called string_size() on non-string field!")
			}
			return s.stringSize(), nil
		}), true
	}
	return nil, false
}
