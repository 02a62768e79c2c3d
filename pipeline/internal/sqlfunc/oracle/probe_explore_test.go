package oracle

import (
	"database/sql"
	"os"
	"strings"
	"testing"
)

func TestProbe(t *testing.T) {
	duck, _ := sql.Open("duckdb", "")
	defer duck.Close()
	for _, q := range strings.Split(os.Getenv("PROBE"), ";;") {
		rows, err := duckRows(duck, q)
		t.Logf("%s => %v %v", q, rows, err)
	}
}
