package jinja

import (
	"fmt"
	"time"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// pytzModule is modules.pytz: timezone(name), utc and UTC. A zone passed as
// datetime(..., tzinfo=zone) has pytz's first offset, the zone's local mean
// time rounded to the minute (datetime(1997, 9, 29, 6, 14,
// tzinfo=timezone('America/Los_Angeles')) prints -07:53), as dbt's pytz
// gives; zone.localize(dt) takes the offset in force at dt.
func pytzModule() attrs {
	utc := pyZone{name: "UTC", loc: time.UTC}
	return attrs{
		"timezone": func(a *exec.VarArgs) (pyZone, error) {
			name := argString(a, 0)
			loc, err := time.LoadLocation(name)
			if err != nil || name == "" || name == "Local" {
				return pyZone{}, fmt.Errorf("pytz.timezone: unknown time zone %q", name)
			}
			return pyZone{name: name, loc: loc}, nil
		},
		"utc": utc,
		"UTC": utc,
	}
}

// pyZone is a pytz time zone.
type pyZone struct {
	name string
	loc  *time.Location
}

func (z pyZone) String() string { return z.name }

func (z pyZone) GetAttribute(name string) (*exec.Value, bool) {
	switch name {
	case "zone":
		return exec.AsValue(z.name), true
	case "localize":
		return exec.AsValue(func(a *exec.VarArgs) (pyTime, error) {
			if len(a.Args) == 0 {
				return pyTime{}, fmt.Errorf("localize() needs a datetime")
			}
			p, ok := a.Args[0].Interface().(pyTime)
			if !ok || p.aware {
				return pyTime{}, fmt.Errorf("localize() takes a naive datetime, not %s", a.Args[0].String())
			}
			t := p.t
			return pyTime{t: time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), z.loc), aware: true}, nil
		}), true
	}
	return exec.AsValue(nil), false
}

// firstOffset is the zone pytz attaches as tzinfo=: the zone's offset before
// its first transition, to the nearest minute.
func (z pyZone) firstOffset() *time.Location {
	name, off := time.Date(1000, 1, 1, 0, 0, 0, 0, z.loc).Zone()
	minutes := off / 60
	if r := off - minutes*60; r >= 30 {
		minutes++
	} else if r < -30 {
		minutes--
	}
	return time.FixedZone(name, minutes*60)
}
