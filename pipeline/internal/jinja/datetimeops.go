package jinja

import (
	"fmt"
	"math"
	"time"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// Python's operators on datetime.date, datetime.datetime and
// datetime.timedelta (modules.datetime), as the datetime module defines
// them: date ± timedelta is a date (whole days of the delta), datetime ±
// timedelta a datetime, the difference of two dates or datetimes a
// timedelta; a date never compares with a datetime, nor a naive datetime
// with an aware one, except by == (always false).

const day = 24 * time.Hour

// pyTypeName is the name Python's TypeErrors give a value's type.
func pyTypeName(v *exec.Value) string {
	switch x := v.Interface().(type) {
	case pyTime:
		if x.date {
			return "datetime.date"
		}
		return "datetime.datetime"
	case pyDelta:
		return "datetime.timedelta"
	case *decFloat:
		return "decimal.Decimal"
	}
	switch {
	case v.IsNil():
		return "NoneType"
	case v.IsBool():
		return "bool"
	case v.IsInteger():
		return "int"
	case v.IsFloat():
		return "float"
	case v.IsString():
		return "str"
	case v.IsList():
		return "list"
	case v.IsDict():
		return "dict"
	}
	return fmt.Sprintf("%T", v.Interface())
}

// wall is the time's wall clock read as UTC: naive arithmetic is on the
// clock, whatever the location, as Python's.
func wall(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// dayOf is a date's day at midnight UTC.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// floorDays is timedelta.days: whole days, rounded toward minus infinity.
func floorDays(d time.Duration) int64 {
	n := int64(d / day)
	if d%day < 0 {
		n--
	}
	return n
}

// addDelta is p + d, or p - d with minus: a date moves by the delta's
// days (date(2024, 3, 1) - timedelta(hours=1) is still March 1st).
func addDelta(p pyTime, d time.Duration, minus bool) pyTime {
	if p.date {
		days := floorDays(d)
		if minus {
			days = -days
		}
		return pyTime{t: dayOf(p.t).AddDate(0, 0, int(days)), date: true}
	}
	if minus {
		d = -d
	}
	w := wall(p.t).Add(d)
	return pyTime{t: time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), p.t.Location()), aware: p.aware}
}

// timeOrder compares two dates or two datetimes of the same awareness.
func timeOrder(a, b pyTime) (time.Duration, error) {
	switch {
	case a.date && b.date:
		return dayOf(a.t).Sub(dayOf(b.t)), nil
	case a.date != b.date:
		return 0, fmt.Errorf("TypeError: can't compare %s to %s", pyTypeName(exec.AsValue(a)), pyTypeName(exec.AsValue(b)))
	case a.aware != b.aware:
		return 0, fmt.Errorf("TypeError: can't compare offset-naive and offset-aware datetimes")
	case a.aware:
		return a.t.Sub(b.t), nil
	}
	return wall(a.t).Sub(wall(b.t)), nil
}

func compare(op string, c int) bool {
	switch op {
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	case "==":
		return c == 0
	}
	return c != 0
}

func sign(d time.Duration) int {
	switch {
	case d < 0:
		return -1
	case d > 0:
		return 1
	}
	return 0
}

// scaleDelta is timedelta * number, rounded to microseconds half to even.
func scaleDelta(d time.Duration, n *exec.Value) pyDelta {
	switch {
	case n.IsBool():
		return pyDelta{d: d * time.Duration(map[bool]int{false: 0, true: 1}[n.Bool()])}
	case n.IsInteger():
		return pyDelta{d: d * time.Duration(n.Integer())}
	}
	us := math.RoundToEven(float64(d/time.Microsecond) * n.Float())
	return pyDelta{d: time.Duration(us) * time.Microsecond}
}

// datetimeOp is the overload of operators for dates, datetimes and
// timedeltas; other operands are left to gonja.
func datetimeOp(op string, l, r *exec.Value) (any, bool, error) {
	lt, lIsTime := l.Interface().(pyTime)
	rt, rIsTime := r.Interface().(pyTime)
	ld, lIsDelta := l.Interface().(pyDelta)
	rd, rIsDelta := r.Interface().(pyDelta)
	if !lIsTime && !rIsTime && !lIsDelta && !rIsDelta {
		return nil, false, nil
	}
	unsupported := func() (any, bool, error) {
		return nil, false, fmt.Errorf("TypeError: unsupported operand type(s) for %s: '%s' and '%s'", op, pyTypeName(l), pyTypeName(r))
	}
	switch op {
	case "+":
		switch {
		case lIsTime && rIsDelta:
			return addDelta(lt, rd.d, false), true, nil
		case lIsDelta && rIsTime:
			return addDelta(rt, ld.d, false), true, nil
		case lIsDelta && rIsDelta:
			return pyDelta{d: ld.d + rd.d}, true, nil
		}
		return unsupported()
	case "-":
		switch {
		case lIsTime && rIsDelta:
			return addDelta(lt, rd.d, true), true, nil
		case lIsTime && rIsTime && lt.date == rt.date:
			d, err := timeOrder(lt, rt)
			if err != nil {
				return nil, false, fmt.Errorf("TypeError: can't subtract offset-naive and offset-aware datetimes")
			}
			return pyDelta{d: d}, true, nil
		case lIsDelta && rIsDelta:
			return pyDelta{d: ld.d - rd.d}, true, nil
		}
		return unsupported()
	case "*":
		switch {
		case lIsDelta && (r.IsNumber() || r.IsBool()):
			return scaleDelta(ld.d, r), true, nil
		case rIsDelta && (l.IsNumber() || l.IsBool()):
			return scaleDelta(rd.d, l), true, nil
		}
		return unsupported()
	}
	// Comparisons.
	var c time.Duration
	var err error
	switch {
	case lIsTime && rIsTime:
		c, err = timeOrder(lt, rt)
	case lIsDelta && rIsDelta:
		c = ld.d - rd.d
	default:
		err = fmt.Errorf("TypeError: '%s' not supported between instances of '%s' and '%s'", op, pyTypeName(l), pyTypeName(r))
	}
	if err != nil {
		if op == "==" || op == "!=" {
			return op == "!=", true, nil
		}
		return nil, false, err
	}
	return compare(op, sign(c)), true, nil
}

// datetimeNeg is -timedelta.
func datetimeNeg(v *exec.Value) (any, bool) {
	if d, ok := v.Interface().(pyDelta); ok {
		return pyDelta{d: -d.d}, true
	}
	return nil, false
}
