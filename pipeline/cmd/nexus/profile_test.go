package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestBuildProfile: build --profile ends with where the time went: the
// total split into planning and steps, the calls that ran SQL, and the
// slowest steps with their own statements (the seed's: drop, create,
// savepoint, one insert for all rows, release; js/wasm also reads page
// counts for its size caps).
func TestBuildProfile(t *testing.T) {
	code, out, errOut := runCLI("build", "--project-dir", writeProject(t, shop), "--db", ":memory:", "--exclude", "package:nexus", "--profile")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	total := regexp.MustCompile(`(?m)^profile: [0-9.]+s in all: planning [0-9.]+s, steps [0-9.]+s; (\d+) statements ran in [0-9.]+s$`).FindStringSubmatch(out)
	if total == nil {
		t.Fatalf("no profile total line:\n%s", out)
	}
	step := regexp.MustCompile(`(?m)^profile: +[0-9.]+ +[0-9.]+ +(\d+) (seed orders|model big)$`)
	calls := map[string]int{}
	for _, m := range step.FindAllStringSubmatch(out, -1) {
		calls[m[2]], _ = strconv.Atoi(m[1])
	}
	if calls["seed orders"] < 5 || calls["model big"] < 1 {
		t.Errorf("step calls %v, want seed orders at least 5 (drop, create, savepoint, insert, release) and model big at least 1:\n%s", calls, out)
	}
	if n, _ := strconv.Atoi(total[1]); n < calls["seed orders"]+calls["model big"] {
		t.Errorf("total statements %d below the steps' %v", n, calls)
	}
	if !strings.Contains(out, "Done. PASS=2") {
		t.Errorf("summary missing:\n%s", out)
	}
}
