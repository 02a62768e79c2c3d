package sqlfunc

import (
	"sync"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// clock_micros(now) is the clock to the microsecond, DuckDB's precision:
// now is SQLite's clock to the millisecond (strftime('%Y-%m-%dT%H:%M:%fZ',
// 'now'), which holds through a statement), and the microseconds within
// that millisecond come from the system's clock when a statement first
// asks, so that every call with the same now answers the same instant, as
// DuckDB's current_timestamp holds through a transaction. Text that is
// not such a clock is returned as it is.
func clockMicros(ctx sqlite3.Context, args ...sqlite3.Value) {
	arg := args[0].Text()
	clock.Lock()
	defer clock.Unlock()
	if arg != clock.arg || clock.out == "" {
		ms, err := time.Parse("2006-01-02T15:04:05.000Z", arg)
		if err != nil {
			ctx.ResultValue(args[0])
			return
		}
		us := time.Duration(time.Now().Nanosecond()/1000%1000) * time.Microsecond
		var buf [40]byte
		clock.arg, clock.out = arg, string(appendTimestamp(buf[:0], ms.Add(us)))
	}
	ctx.ResultText(clock.out)
}

// clock is the last answer of clock_micros.
var clock struct {
	sync.Mutex
	arg, out string
}

func init() {
	add(Func{Name: "clock_micros", NArgs: 1, Scalar: clockMicros, Volatile: true})
}
