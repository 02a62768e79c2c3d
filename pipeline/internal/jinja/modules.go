package jinja

import (
	"crypto/md5"
	"crypto/rand"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/nikolalohinski/gonja/v2/exec"

	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// dbtVersion is the dbt-core version the context reports.
const dbtVersion = "1.10.0"

// installModules adds dbt's Python helpers: modules.datetime, modules.re,
// modules.itertools and modules.pytz (the parts dbt packages use), run_started_at,
// invocation_id, dbt_version, thread_id, set, toyaml and fromyaml.
func installModules(g *exec.Context) {
	started := time.Now().UTC()
	g.Set("modules", attrs{
		"datetime":  datetimeModule(),
		"re":        reModule(),
		"itertools": itertoolsModule(),
		"pytz":      pytzModule(),
	})
	g.Set("run_started_at", pyTime{t: started, aware: true})
	g.Set("invocation_id", newInvocationID())
	// dbt's py_current_timestring(): the local time to the microsecond as
	// digits (%Y%m%d%H%M%S%f), which adapters append to temporary names
	g.Set("py_current_timestring", func() string {
		now := time.Now()
		return now.Format("20060102150405") + fmt.Sprintf("%06d", now.Nanosecond()/1000)
	})
	// Packages compare it to pick SQL or to warn about old releases
	// (major, minor, patch = dbt_version.split('.')): the dbt-core release
	// whose behaviour the engine follows.
	g.Set("dbt_version", dbtVersion)
	// dbt's name of the thread rendering (packages key per-thread state by
	// it); the engine builds in one thread, dbt's main one.
	g.Set("thread_id", "MainThread")
	g.Set("set", func(a *exec.VarArgs) any {
		if len(a.Args) > 0 {
			return newSet(listOf(a.Args[0]))
		}
		return newSet(nil)
	})
	// set_strict and zip_strict are dbt's set and zip that fail on a value
	// that is not iterable, where set and zip give their default.
	g.Set("local_md5", func(a *exec.VarArgs) (string, error) {
		if len(a.Args) != 1 || !a.Args[0].IsString() {
			return "", fmt.Errorf("local_md5() takes one string")
		}
		return fmt.Sprintf("%x", md5.Sum([]byte(a.Args[0].String()))), nil
	})
	g.Set("set_strict", func(a *exec.VarArgs) (any, error) {
		if len(a.Args) != 1 || !a.Args[0].IsIterable() {
			return nil, notIterable("set_strict", a)
		}
		return newSet(listOf(a.Args[0])), nil
	})
	g.Set("zip_strict", func(a *exec.VarArgs) (*exec.Value, error) {
		for _, v := range a.Args {
			if !v.IsIterable() {
				return nil, notIterable("zip_strict", a)
			}
		}
		return zipFn(a), nil
	})
	g.Set("toyaml", func(a *exec.VarArgs) (string, error) {
		if len(a.Args) < 1 {
			return "", fmt.Errorf("toyaml() needs a value")
		}
		sortKeys := false
		if s, ok := a.KwArgs["sort_keys"]; ok {
			sortKeys = s.IsTrue()
		}
		b, err := yaml.Marshal(yamlValue(a.Args[0], sortKeys))
		return string(b), err
	})
	g.Set("fromyaml", func(a *exec.VarArgs) (any, error) {
		if len(a.Args) < 1 {
			return nil, fmt.Errorf("fromyaml() needs a string")
		}
		v, err := decodeYAML(a.Args[0].String())
		if err != nil {
			if len(a.Args) > 1 {
				return a.Args[1].Interface(), nil
			}
			return nil, fmt.Errorf("fromyaml: %v", err)
		}
		return toJinja(v), nil
	})
}

// yamlValue is v for toyaml: dicts keep their order, as dbt's toyaml
// (PyYAML's safe_dump with sort_keys=False) writes them, unless sortKeys.
func yamlValue(v *exec.Value, sortKeys bool) any {
	switch {
	case v == nil || v.IsNil():
		return nil
	case v.IsList():
		out := make([]any, v.Len())
		for i := range out {
			out[i] = yamlValue(v.Index(i), sortKeys)
		}
		return out
	case v.IsDict():
		pairs := dictEntries(v)
		if sortKeys {
			pairs = append([]*exec.Pair(nil), pairs...)
			sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].Key.String() < pairs[j].Key.String() })
		}
		out := make(yaml.MapSlice, len(pairs))
		for i, p := range pairs {
			out[i] = yaml.MapItem{Key: fromJinja(p.Key), Value: yamlValue(p.Value, sortKeys)}
		}
		return out
	}
	if t, ok := v.Interface().(pyTime); ok {
		return yamlStamp(t.String()) // safe_dump writes a date plain
	}
	return fromJinja(v)
}

// yamlStamp is a date or datetime written plain, as PyYAML's safe_dump
// writes them (str(), which a YAML 1.1 reader reads back as the same).
type yamlStamp string

func (s yamlStamp) MarshalYAML() ([]byte, error) { return []byte(s), nil }

// newInvocationID is a random UUID (version 4), as dbt's invocation_id.
func newInvocationID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// listOf reads a list (or string, as Python iterates it) argument.
func listOf(v *exec.Value) []any {
	if v == nil || v.IsNil() {
		return nil
	}
	var out []any
	if v.IsString() {
		for _, r := range v.String() {
			out = append(out, string(r))
		}
		return out
	}
	v.Iterate(func(_, _ int, key, _ *exec.Value) bool {
		out = append(out, key.Interface())
		return true
	}, func() {})
	return out
}

func list(items []any) *[]any { return &items }

// notIterable is Python's TypeError for set_strict and zip_strict.
func notIterable(fn string, a *exec.VarArgs) error {
	for _, v := range a.Args {
		if !v.IsIterable() {
			return fmt.Errorf("%s: %s is not iterable (give a list, a set, a dict or a string)", fn, v.String())
		}
	}
	return fmt.Errorf("%s() takes exactly one argument, a list, a set, a dict or a string", fn)
}

// ---- datetime ------------------------------------------------------------

// pyTime is a Python datetime (or date, when date is set).
type pyTime struct {
	t     time.Time
	date  bool
	aware bool
}

// String is Python's str(), as YAML's dates print (yamlx.Timestamp).
func (p pyTime) String() string {
	return yamlx.Timestamp{Time: p.t, Date: p.date, Aware: p.aware}.String()
}

// repr is Python's repr(): datetime.date(2024, 1, 2), and
// datetime.datetime(2024, 1, 2, 3, 4) with the seconds only when they or
// the microseconds are not 0, the microseconds only when not 0, and an
// aware one's zone as tzinfo=datetime.timezone.utc (its fixed offset
// otherwise).
func (p pyTime) repr() string {
	t := p.t
	if p.date {
		return fmt.Sprintf("datetime.date(%d, %d, %d)", t.Year(), int(t.Month()), t.Day())
	}
	s := fmt.Sprintf("datetime.datetime(%d, %d, %d, %d, %d", t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute())
	if us := t.Nanosecond() / 1000; us != 0 {
		s += fmt.Sprintf(", %d, %d", t.Second(), us)
	} else if t.Second() != 0 {
		s += fmt.Sprintf(", %d", t.Second())
	}
	if p.aware {
		_, off := t.Zone()
		if off == 0 {
			s += ", tzinfo=datetime.timezone.utc"
		} else {
			s += ", tzinfo=datetime.timezone(" + pyDelta{d: time.Duration(off) * time.Second}.repr() + ")"
		}
	}
	return s + ")"
}

// isoformat is Python's isoformat(): str() with a T between the date and
// the time.
func (p pyTime) isoformat() string { return strings.Replace(p.String(), " ", "T", 1) }

func (p pyTime) GetAttribute(name string) (*exec.Value, bool) {
	switch name {
	case "year":
		return exec.AsValue(p.t.Year()), true
	case "month":
		return exec.AsValue(int(p.t.Month())), true
	case "day":
		return exec.AsValue(p.t.Day()), true
	case "hour":
		return exec.AsValue(p.t.Hour()), true
	case "minute":
		return exec.AsValue(p.t.Minute()), true
	case "second":
		return exec.AsValue(p.t.Second()), true
	case "strftime":
		return exec.AsValue(func(a *exec.VarArgs) string { return strftime(p.t, argString(a, 0)) }), true
	case "isoformat":
		return exec.AsValue(func(a *exec.VarArgs) string {
			if sep := arg(a, 0, "sep"); sep != nil && !sep.IsNil() && !p.date {
				return strings.Replace(p.String(), " ", sep.String(), 1)
			}
			return p.isoformat()
		}), true
	case "date":
		return exec.AsValue(func(*exec.VarArgs) pyTime { return pyTime{t: p.t, date: true} }), true
	case "timestamp":
		return exec.AsValue(func(*exec.VarArgs) float64 { return pyTimestamp(p.t) }), true
	case "weekday":
		return exec.AsValue(func(*exec.VarArgs) int { return (int(p.t.Weekday()) + 6) % 7 }), true
	case "isoweekday":
		return exec.AsValue(func(*exec.VarArgs) int { return (int(p.t.Weekday())+6)%7 + 1 }), true
	case "microsecond":
		return exec.AsValue(p.t.Nanosecond() / 1000), true
	case "replace":
		return exec.AsValue(p.replace), true
	case "astimezone":
		if p.date {
			return exec.AsValue(nil), false
		}
		return exec.AsValue(p.astimezone), true
	}
	return exec.AsValue(nil), false
}

// pyTimestamp is Python's datetime.timestamp(): the microseconds since
// 1970 divided by a million, rounded once, for any year from 1 to 9999
// (UnixNano overflows past 2262).
func pyTimestamp(t time.Time) float64 {
	micros := t.Unix()*1_000_000 + int64(t.Nanosecond()/1000)
	f, _ := new(big.Rat).SetFrac64(micros, 1_000_000).Float64()
	return f
}

// astimezone is datetime.astimezone(tz): the same instant in the zone given,
// with the offset in force there then; a naive datetime is read as UTC (the
// engine's local time), and without a zone the result is in UTC.
func (p pyTime) astimezone(a *exec.VarArgs) (pyTime, error) {
	loc := time.UTC
	if v := arg(a, 0, "tz"); v != nil && !v.IsNil() {
		z, ok := v.Interface().(pyZone)
		if !ok {
			return pyTime{}, fmt.Errorf("astimezone() argument must be a time zone, not %s", v.String())
		}
		loc = z.loc
	}
	return pyTime{t: p.t.In(loc), aware: true}, nil
}

// replace is datetime.replace(year=..., ..., microsecond=...): the same
// time with the fields given changed (a date takes year, month and day).
func (p pyTime) replace(a *exec.VarArgs) (pyTime, error) {
	t := p.t
	f := func(i int, name string, cur int) int {
		if p.date && i > 2 {
			return cur
		}
		return intArg(a, i, name, cur)
	}
	for k := range a.KwArgs {
		switch k {
		case "year", "month", "day", "hour", "minute", "second", "microsecond":
		default:
			return pyTime{}, fmt.Errorf("replace() got an unexpected keyword argument %q", k)
		}
	}
	year, month, day := f(0, "year", t.Year()), f(1, "month", int(t.Month())), f(2, "day", t.Day())
	hour, minute, sec, us := f(3, "hour", t.Hour()), f(4, "minute", t.Minute()), f(5, "second", t.Second()), f(6, "microsecond", t.Nanosecond()/1000)
	r := time.Date(year, time.Month(month), day, hour, minute, sec, us*1000, t.Location())
	if r.Day() != day || int(r.Month()) != month || hour > 23 || minute > 59 || sec > 59 || us > 999999 || hour < 0 || minute < 0 || sec < 0 || us < 0 {
		return pyTime{}, fmt.Errorf("replace(): %04d-%02d-%02d %02d:%02d:%02d.%06d is not a valid date and time", year, month, day, hour, minute, sec, us)
	}
	p.t = r
	return p, nil
}

// pyDelta is a Python timedelta.
type pyDelta struct{ d time.Duration }

func (p pyDelta) String() string {
	days := int(p.d / (24 * time.Hour))
	rest := p.d - time.Duration(days)*24*time.Hour
	if rest < 0 {
		days--
		rest += 24 * time.Hour
	}
	hms := fmt.Sprintf("%d:%02d:%02d", int(rest/time.Hour), int(rest%time.Hour/time.Minute), int(rest%time.Minute/time.Second))
	if us := rest % time.Second / time.Microsecond; us != 0 {
		hms += fmt.Sprintf(".%06d", us)
	}
	if days == 0 {
		return hms
	}
	unit := "days"
	if days == 1 || days == -1 {
		unit = "day"
	}
	return fmt.Sprintf("%d %s, %s", days, unit, hms)
}

// repr is Python's repr(): datetime.timedelta(days=-1, seconds=82800),
// naming only the fields that are not 0 (datetime.timedelta(0) for none).
func (p pyDelta) repr() string {
	days := floorDays(p.d)
	rest := p.d - time.Duration(days)*day
	var parts []string
	if days != 0 {
		parts = append(parts, fmt.Sprintf("days=%d", days))
	}
	if sec := int64(rest / time.Second); sec != 0 {
		parts = append(parts, fmt.Sprintf("seconds=%d", sec))
	}
	if us := int64(rest % time.Second / time.Microsecond); us != 0 {
		parts = append(parts, fmt.Sprintf("microseconds=%d", us))
	}
	if len(parts) == 0 {
		return "datetime.timedelta(0)"
	}
	return "datetime.timedelta(" + strings.Join(parts, ", ") + ")"
}

func (p pyDelta) GetAttribute(name string) (*exec.Value, bool) {
	switch name {
	case "days":
		return exec.AsValue(int(floorDays(p.d))), true
	case "seconds":
		return exec.AsValue(int((p.d - time.Duration(floorDays(p.d))*day) / time.Second)), true
	case "microseconds":
		return exec.AsValue(int((p.d - time.Duration(floorDays(p.d))*day) % time.Second / time.Microsecond)), true
	case "total_seconds":
		return exec.AsValue(func(*exec.VarArgs) float64 { return p.d.Seconds() }), true
	}
	return exec.AsValue(nil), false
}

func intArg(a *exec.VarArgs, i int, name string, def int) int {
	if v := arg(a, i, name); v != nil && !v.IsNil() {
		return v.Integer()
	}
	return def
}

func datetimeModule() attrs {
	mk := func(a *exec.VarArgs) pyTime {
		loc, aware := time.UTC, false
		if v := arg(a, 7, "tzinfo"); v != nil {
			if z, ok := v.Interface().(pyZone); ok {
				loc, aware = z.firstOffset(), true
			}
		}
		return pyTime{t: time.Date(intArg(a, 0, "year", 1), time.Month(intArg(a, 1, "month", 1)), intArg(a, 2, "day", 1),
			intArg(a, 3, "hour", 0), intArg(a, 4, "minute", 0), intArg(a, 5, "second", 0), intArg(a, 6, "microsecond", 0)*1000, loc), aware: aware}
	}
	return attrs{
		"datetime": pyClass(func(a *exec.VarArgs) (any, error) {
			if a != nil {
				return mk(a), nil
			}
			return attrs{
				"now":    func(a *exec.VarArgs) (pyTime, error) { return inZone(time.Now(), a, "now") },
				"today":  func(*exec.VarArgs) pyTime { return pyTime{t: time.Now()} },
				"utcnow": func(*exec.VarArgs) pyTime { return pyTime{t: time.Now().UTC()} },
				"fromtimestamp": func(a *exec.VarArgs) (pyTime, error) {
					t, err := fromTimestamp(a)
					if err != nil {
						return pyTime{}, err
					}
					return inZone(t, a, "fromtimestamp")
				},
				"utcfromtimestamp": func(a *exec.VarArgs) (pyTime, error) {
					t, err := fromTimestamp(a)
					return pyTime{t: t.UTC()}, err
				},
				"strptime": func(a *exec.VarArgs) (pyTime, error) {
					t, err := time.Parse(goLayout(argString(a, 1)), argString(a, 0))
					if err != nil {
						return pyTime{}, fmt.Errorf("datetime.strptime(%q, %q): %v", argString(a, 0), argString(a, 1), err)
					}
					return pyTime{t: t}, nil
				},
				"fromisoformat": func(a *exec.VarArgs) (pyTime, error) {
					s := argString(a, 0)
					for _, l := range []string{"2006-01-02T15:04:05.999999999Z07:00", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02"} {
						if t, err := time.Parse(l, s); err == nil {
							return pyTime{t: t, aware: strings.Contains(l, "Z07")}, nil
						}
					}
					return pyTime{}, fmt.Errorf("datetime.fromisoformat: invalid isoformat string %q", s)
				},
			}, nil
		}),
		"date": pyClass(func(a *exec.VarArgs) (any, error) {
			if a != nil {
				p := mk(a)
				p.date = true
				return p, nil
			}
			return attrs{"today": func(*exec.VarArgs) pyTime { return pyTime{t: time.Now(), date: true} }}, nil
		}),
		"timezone": pyClass(func(a *exec.VarArgs) (any, error) {
			if a != nil {
				return fixedZone(a)
			}
			return attrs{"utc": pyZone{name: "UTC", loc: time.UTC}}, nil
		}),
		"timedelta": func(a *exec.VarArgs) pyDelta {
			f := func(name string) float64 {
				if v, ok := a.KwArgs[name]; ok {
					return v.Float()
				}
				return 0
			}
			// Python's positional order: days, seconds, microseconds,
			// milliseconds, minutes, hours, weeks.
			if a.KwArgs == nil {
				a.KwArgs = map[string]*exec.Value{}
			}
			for i, name := range []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"} {
				if i < len(a.Args) {
					a.KwArgs[name] = a.Args[i]
				}
			}
			d := f("weeks")*7*24*3600 + f("days")*24*3600 + f("hours")*3600 + f("minutes")*60 + f("seconds") + f("milliseconds")/1e3 + f("microseconds")/1e6
			return pyDelta{d: time.Duration(d * float64(time.Second))}
		},
	}
}

// inZone is datetime.now(tz) and fromtimestamp(t, tz): with a zone (the
// second argument or tz=), the instant there, aware; without one, naive
// local time, as Python gives.
func inZone(t time.Time, a *exec.VarArgs, fn string) (pyTime, error) {
	i := 0
	if fn == "fromtimestamp" {
		i = 1
	}
	v := arg(a, i, "tz")
	if v == nil || v.IsNil() {
		return pyTime{t: t}, nil
	}
	z, ok := v.Interface().(pyZone)
	if !ok {
		return pyTime{}, fmt.Errorf("%s() argument tz must be a time zone, not %s", fn, v.String())
	}
	return pyTime{t: t.In(z.loc), aware: true}, nil
}

// fromTimestamp reads fromtimestamp's seconds since 1970 as Python does:
// the fraction rounded to the microsecond, half to even.
func fromTimestamp(a *exec.VarArgs) (time.Time, error) {
	v := arg(a, 0, "timestamp")
	if v == nil || !v.IsNumber() {
		return time.Time{}, fmt.Errorf("fromtimestamp() takes a number of seconds")
	}
	whole, frac := math.Modf(v.Float())
	us := math.RoundToEven(frac * 1e6)
	if us >= 1e6 {
		whole, us = whole+1, us-1e6
	} else if us < 0 {
		whole, us = whole-1, us+1e6
	}
	return time.Unix(int64(whole), int64(us)*1000), nil
}

// fixedZone is datetime.timezone(offset[, name]): a zone of one offset,
// strictly between -24 and 24 hours, named UTC+HH:MM (UTC for 0) unless a
// name is given, as Python names it.
func fixedZone(a *exec.VarArgs) (pyZone, error) {
	v := arg(a, 0, "offset")
	if v == nil {
		return pyZone{}, fmt.Errorf("timezone() missing required argument 'offset'")
	}
	d, ok := v.Interface().(pyDelta)
	if !ok {
		return pyZone{}, fmt.Errorf("timezone() argument 1 must be datetime.timedelta, not %s", v.String())
	}
	if d.d <= -24*time.Hour || d.d >= 24*time.Hour {
		return pyZone{}, fmt.Errorf("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %s", d.String())
	}
	name := "UTC"
	if n := arg(a, 1, "name"); n != nil && !n.IsNil() {
		name = n.String()
	} else if d.d != 0 {
		sign, off := '+', d.d
		if off < 0 {
			sign, off = '-', -off
		}
		name = fmt.Sprintf("UTC%c%02d:%02d", sign, int(off/time.Hour), int(off%time.Hour/time.Minute))
		if rest := off % time.Minute; rest != 0 {
			name += fmt.Sprintf(":%02d", int(rest/time.Second))
			if us := rest % time.Second / time.Microsecond; us != 0 {
				name += fmt.Sprintf(".%06d", us)
			}
		}
	}
	return pyZone{name: name, loc: time.FixedZone(name, int(d.d/time.Second))}, nil
}

// pyClass is a Python class: callable (datetime(2024, 1, 1)) and with
// attributes (datetime.now()). Called with nil it returns its attributes:
// a function type cannot hold a field.
type pyClass func(a *exec.VarArgs) (any, error)

func (c pyClass) GetAttribute(name string) (*exec.Value, bool) {
	if v, _ := c(nil); v != nil {
		if m, ok := v.(attrs); ok {
			return m.GetAttribute(name)
		}
	}
	return exec.AsValue(nil), false
}

// strftime formats t with Python's directives.
func strftime(t time.Time, f string) string {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 == len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		switch f[i] {
		case 'Y':
			fmt.Fprintf(&b, "%04d", t.Year())
		case 'y':
			fmt.Fprintf(&b, "%02d", t.Year()%100)
		case 'm':
			fmt.Fprintf(&b, "%02d", int(t.Month()))
		case 'd':
			fmt.Fprintf(&b, "%02d", t.Day())
		case 'H':
			fmt.Fprintf(&b, "%02d", t.Hour())
		case 'I':
			fmt.Fprintf(&b, "%02d", (t.Hour()+11)%12+1)
		case 'p':
			b.WriteString(t.Format("PM"))
		case 'M':
			fmt.Fprintf(&b, "%02d", t.Minute())
		case 'S':
			fmt.Fprintf(&b, "%02d", t.Second())
		case 'f':
			fmt.Fprintf(&b, "%06d", t.Nanosecond()/1000)
		case 'j':
			fmt.Fprintf(&b, "%03d", t.YearDay())
		case 'a':
			b.WriteString(t.Format("Mon"))
		case 'A':
			b.WriteString(t.Format("Monday"))
		case 'b':
			b.WriteString(t.Format("Jan"))
		case 'B':
			b.WriteString(t.Format("January"))
		case 'w':
			fmt.Fprintf(&b, "%d", int(t.Weekday()))
		case 'z':
			b.WriteString(t.Format("-0700"))
		case 'Z':
			b.WriteString(t.Format("MST"))
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(f[i])
		}
	}
	return b.String()
}

// goLayout turns a Python strptime format into a Go time layout.
func goLayout(f string) string {
	r := strings.NewReplacer("%Y", "2006", "%y", "06", "%m", "01", "%d", "02", "%H", "15", "%I", "03", "%p", "PM",
		"%M", "04", "%S", "05", "%f", "000000", "%b", "Jan", "%B", "January", "%a", "Mon", "%A", "Monday", "%z", "-0700", "%Z", "MST", "%%", "%")
	return r.Replace(f)
}

// ---- re ------------------------------------------------------------------

// Python's re flags, as dbt's modules.re has them.
const (
	reIgnoreCase = 2
	reMultiline  = 8
	reDotAll     = 16
)

// pyRegex is a compiled pattern. Go's RE2 reads Python's patterns but
// for lookarounds and backreferences: a lookbehind that opens a pattern
// and a lookahead that closes it are run around RE2 (edgeLookarounds),
// others are refused, as a backtracking engine for them would add about
// 0.4 MB to the page the browser fetches.
type pyRegex interface {
	FindStringSubmatchIndex(s string) []int
	FindAllStringSubmatchIndex(s string, n int) [][]int
	ExpandString(dst []byte, template string, src string, match []int) []byte
	String() string
}

func compileRe(pattern string, flags int) (pyRegex, error) {
	pattern = goPattern(pattern, flags)
	re, err := regexp.Compile(pattern)
	if err == nil {
		return re, nil
	}
	if e, ok, lerr := compileEdgeLookarounds(pattern); ok {
		return e, lerr
	}
	if a, ok, lerr := compileAnchorLookarounds(pattern); ok {
		return a, lerr
	}
	return nil, fmt.Errorf("modules.re: %v (Go's RE2 syntax: no lookarounds or backreferences)", err)
}

// anchored is re matching only at the start (and, full, to the end).
func anchored(re pyRegex, full bool) pyRegex {
	if e, ok := re.(*edgeLookarounds); ok {
		return e.anchored(full)
	}
	if a, ok := re.(*anchorLookarounds); ok {
		return a.anchored(full)
	}
	end := ""
	if full {
		end = `\z`
	}
	return regexp.MustCompile(`^(?:` + re.String() + `)` + end)
}

// pyRepl turns Python's \1 and \g<name> references into Go's ${1}.
var pyBackref = regexp.MustCompile(`\\(\d+)|\\g<(\w+)>`)

func pyRepl(s string) string {
	s = strings.ReplaceAll(s, "$", "$$")
	return pyBackref.ReplaceAllString(s, "$${$1$2}")
}

// reMatch is a Python match object.
type reMatch struct {
	s   string
	loc []int
}

func (m reMatch) group(i int) any {
	if 2*i+1 >= len(m.loc) || m.loc[2*i] < 0 {
		return none
	}
	return m.s[m.loc[2*i]:m.loc[2*i+1]]
}

func (m reMatch) GetAttribute(name string) (*exec.Value, bool) {
	switch name {
	case "group":
		return exec.AsValue(func(a *exec.VarArgs) any { return m.group(intArg(a, 0, "", 0)) }), true
	case "groups":
		return exec.AsValue(func(*exec.VarArgs) *[]any {
			var out []any
			for i := 1; i < len(m.loc)/2; i++ {
				out = append(out, m.group(i))
			}
			return list(out)
		}), true
	case "start":
		return exec.AsValue(func(*exec.VarArgs) int { return m.loc[0] }), true
	case "end":
		return exec.AsValue(func(*exec.VarArgs) int { return m.loc[1] }), true
	}
	return exec.AsValue(nil), false
}

func (m reMatch) String() string { return printText(exec.AsValue(m.group(0))) }

// rePattern holds the functions of re over one compiled pattern.
func rePattern(re pyRegex) attrs {
	// Python's match anchors at the start, fullmatch at both ends: each
	// compiled once a pattern, on first use
	var starts, whole pyRegex
	match := func(s string, anchor, full bool) any {
		r := re
		switch {
		case full:
			if whole == nil {
				whole = anchored(re, true)
			}
			r = whole
		case anchor:
			if starts == nil {
				starts = anchored(re, false)
			}
			r = starts
		}
		loc := r.FindStringSubmatchIndex(s)
		if loc == nil {
			return none
		}
		return reMatch{s: s, loc: loc}
	}
	all := func(s string, n int) [][]int {
		if n <= 0 {
			n = -1
		}
		return re.FindAllStringSubmatchIndex(s, n)
	}
	return attrs{
		"pattern":   re.String(),
		"search":    func(a *exec.VarArgs) any { return match(argString(a, 0), false, false) },
		"match":     func(a *exec.VarArgs) any { return match(argString(a, 0), true, false) },
		"fullmatch": func(a *exec.VarArgs) any { return match(argString(a, 0), true, true) },
		"sub": func(a *exec.VarArgs) string {
			repl, s := pyRepl(argString(a, 0)), argString(a, 1)
			var b strings.Builder
			last := 0
			for _, loc := range all(s, intArg(a, 2, "count", 0)) {
				b.WriteString(s[last:loc[0]] + string(re.ExpandString(nil, repl, s, loc)))
				last = loc[1]
			}
			return b.String() + s[last:]
		},
		"findall": func(a *exec.VarArgs) *[]any {
			s := argString(a, 0)
			var out []any
			for _, loc := range all(s, 0) {
				m := reMatch{s: s, loc: loc}
				switch groups := len(loc)/2 - 1; groups {
				case 0:
					out = append(out, m.group(0))
				case 1:
					out = append(out, emptyIfNone(m.group(1)))
				default:
					g := make([]any, groups)
					for i := range g {
						g[i] = emptyIfNone(m.group(i + 1))
					}
					out = append(out, list(g))
				}
			}
			return list(out)
		},
		"split": func(a *exec.VarArgs) *[]any {
			// Python's split also gives each match's groups
			s := argString(a, 0)
			var out []any
			last := 0
			for _, loc := range all(s, intArg(a, 1, "maxsplit", 0)) {
				out = append(out, s[last:loc[0]])
				m := reMatch{s: s, loc: loc}
				for i := 1; i < len(loc)/2; i++ {
					out = append(out, m.group(i))
				}
				last = loc[1]
			}
			return list(append(out, s[last:]))
		},
	}
}

// emptyIfNone is findall's text of a group that took no part: "".
func emptyIfNone(v any) any {
	if v == none {
		return ""
	}
	return v
}

func reModule() attrs {
	// Each function compiles its pattern (args[0]) and calls the pattern's
	// function with the remaining arguments.
	call := func(fn string) func(*exec.VarArgs) (*exec.Value, error) {
		return func(a *exec.VarArgs) (*exec.Value, error) {
			if len(a.Args) < 2 {
				return nil, fmt.Errorf("modules.re.%s() needs a pattern and a string", fn)
			}
			flagPos := map[string]int{"search": 2, "match": 2, "fullmatch": 2, "findall": 2, "sub": 4, "split": 3}[fn]
			re, err := compileRe(a.Args[0].String(), intArg(a, flagPos, "flags", 0))
			if err != nil {
				return nil, err
			}
			rest := &exec.VarArgs{Args: a.Args[1:min(len(a.Args), flagPos)], KwArgs: a.KwArgs}
			f, _ := rePattern(re)[fn].(func(*exec.VarArgs) any)
			if f != nil {
				return exec.AsValue(f(rest)), nil
			}
			switch g := rePattern(re)[fn].(type) {
			case func(*exec.VarArgs) string:
				return exec.AsValue(g(rest)), nil
			case func(*exec.VarArgs) *[]any:
				return exec.AsValue(g(rest)), nil
			}
			return nil, fmt.Errorf("modules.re.%s is not available", fn)
		}
	}
	m := attrs{
		"compile": func(a *exec.VarArgs) (attrs, error) {
			re, err := compileRe(argString(a, 0), intArg(a, 1, "flags", 0))
			if err != nil {
				return nil, err
			}
			return rePattern(re), nil
		},
		"escape":     func(a *exec.VarArgs) string { return regexp.QuoteMeta(argString(a, 0)) },
		"I":          reIgnoreCase,
		"IGNORECASE": reIgnoreCase,
		"M":          reMultiline,
		"MULTILINE":  reMultiline,
		"S":          reDotAll,
		"DOTALL":     reDotAll,
		"X":          reVerbose,
		"VERBOSE":    reVerbose,
	}
	for _, fn := range []string{"search", "match", "fullmatch", "sub", "findall", "split"} {
		m[fn] = call(fn)
	}
	return m
}

// ---- itertools -------------------------------------------------------------

func itertoolsModule() attrs {
	return attrs{
		"chain": func(a *exec.VarArgs) *[]any {
			var out []any
			for _, l := range a.Args {
				out = append(out, listOf(l)...)
			}
			return list(out)
		},
		"product": func(a *exec.VarArgs) (*[]any, error) {
			pools := [][]any{}
			repeat := 1
			if r, ok := a.KwArgs["repeat"]; ok {
				repeat = r.Integer()
			}
			for i := 0; i < repeat; i++ {
				for _, l := range a.Args {
					pools = append(pools, listOf(l))
				}
			}
			result := [][]any{{}}
			for _, pool := range pools {
				if len(pool) > 0 && len(result) > maxRepeat/len(pool) {
					return nil, fmt.Errorf("itertools.product would make more than %d tuples", maxRepeat)
				}
				var next [][]any
				for _, r := range result {
					for _, x := range pool {
						next = append(next, append(slices.Clone(r), x))
					}
				}
				result = next
			}
			out := make([]any, len(result))
			for i, r := range result {
				out[i] = tuple(r)
			}
			return list(out), nil
		},
		"combinations": func(a *exec.VarArgs) (*[]any, error) {
			pool := listOf(arg(a, 0, "iterable"))
			r := intArg(a, 1, "r", 0)
			var out []any
			var rec func(start int, cur []any)
			rec = func(start int, cur []any) {
				if len(cur) == r {
					out = append(out, tuple(cur))
					return
				}
				for i := start; i < len(pool) && len(out) <= maxRepeat; i++ {
					rec(i+1, append(cur, pool[i]))
				}
			}
			if r >= 0 && r <= len(pool) {
				rec(0, nil)
			}
			if len(out) > maxRepeat {
				return nil, fmt.Errorf("itertools.combinations would make more than %d tuples", maxRepeat)
			}
			return list(out), nil
		},
	}
}

// Datetime is t as a template sees a Python datetime in UTC (a microbatch
// model's model.batch.event_time_start).
func Datetime(t time.Time) any { return pyTime{t: t.UTC(), aware: true} }
