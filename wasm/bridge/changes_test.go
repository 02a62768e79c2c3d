package bridge

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/nexus-playground/nexus/pipeline"
)

// A second build reports per table what it added, removed and changed, and
// diff.rows gives the differing rows with old and new values, computed from
// the seed the test edits.
func TestBuildReportsWhatChanged(t *testing.T) {
	files := sampleFiles(t, "demo")
	const seed = "seeds/stripe_customers.csv"
	recs, err := csv.NewReader(strings.NewReader(files[seed])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head, rows := recs[0], recs[1:]
	col := func(name string) int {
		for i, c := range head {
			if c == name {
				return i
			}
		}
		t.Fatalf("%s has no column %s", seed, name)
		return -1
	}
	id, name, email := col("customer_id"), col("name"), col("email")
	renamed, dropped, reemailed := rows[1], rows[2], rows[3]
	newEmail := "new." + reemailed[email]
	oldName, newName := renamed[name], renamed[name]+" Jr"
	var edited [][]string
	edited = append(edited, head)
	for _, r := range rows {
		switch r[id] {
		case dropped[id]:
			continue
		case renamed[id]:
			r = append([]string(nil), r...)
			r[name] = newName
		case reemailed[id]:
			r = append([]string(nil), r...)
			r[email] = newEmail
		}
		edited = append(edited, r)
	}
	var sb strings.Builder
	w := csv.NewWriter(&sb)
	_ = w.WriteAll(edited)

	b := New(":memory:")
	build := func(files map[string]string) BuildResult {
		t.Helper()
		resp := roundTrip(t, b, Request{Op: "build", Files: files}, nil)
		if !resp.OK {
			t.Fatalf("build: %v", resp.Error)
		}
		raw, _ := json.Marshal(resp.Result)
		var r BuildResult
		if err := json.Unmarshal(raw, &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	if first := build(files); first.Changes != nil {
		t.Fatalf("a first build has nothing to compare with, got %+v", first.Changes)
	}
	same := build(files)
	if same.Changes == nil {
		t.Fatal("a second build reports no changes")
	}
	for _, d := range same.Changes.Tables {
		if d.Status != "same" {
			t.Errorf("rebuilding the same files: %s.%s is %s (%s)", d.Schema, d.Name, d.Status, d.Summary())
		}
	}
	files[seed] = sb.String()
	start := time.Now()
	got := build(files)
	t.Logf("build with comparison %v, of which comparing %.3fs", time.Since(start), got.Changes.Seconds)
	var seen bool
	for _, d := range got.Changes.Tables {
		if d.Name != "stripe_customers" {
			continue
		}
		seen = true
		if d.Status != "changed" || d.Added != 0 || d.Removed != 1 || d.Changed != 2 || len(d.Rows) != 0 {
			t.Errorf("stripe_customers: %s %+v, want changed with 1 removed, 2 changed and no rows in the build's answer", d.Status, d.Diff)
		}
		resp := roundTrip(t, b, Request{Op: "diff.rows", Diff: &DiffArgs{Schema: d.Schema, Name: d.Name}}, nil)
		if !resp.OK {
			t.Fatalf("diff.rows: %v", resp.Error)
		}
		raw, _ := json.Marshal(resp.Result)
		var rows pipeline.TableDiff
		_ = json.Unmarshal(raw, &rows)
		if rows.Key != "customer_id" || len(rows.Rows) != 3 {
			t.Fatalf("diff.rows: key %q, %d rows, want customer_id and 3: %s", rows.Key, len(rows.Rows), raw)
		}
		ni := -1
		for i, c := range rows.Columns {
			if c == "name" {
				ni = i
			}
		}
		for _, r := range rows.Rows {
			switch r.Kind {
			case "removed":
				if r.Key != dropped[id] {
					t.Errorf("removed %v, want %s", r.Key, dropped[id])
				}
			case "changed":
				if r.Key == reemailed[id] {
					continue
				}
				if r.Key != renamed[id] || r.Old[ni] != oldName || r.New[ni] != newName || strings.Join(r.Changed, ",") != "name" {
					t.Errorf("changed row %+v, want %s: name %q -> %q", r, renamed[id], oldName, newName)
				}
			default:
				t.Errorf("unexpected %s row %+v", r.Kind, r)
			}
		}
	}
	if !seen {
		t.Fatal("no stripe_customers in the changes")
	}

	// The new email joined the person of its customer.
	q := roundTrip(t, b, Request{Op: "query", SQL: "select person_id from nexus_demo_data.nexus_resolved_person_identifiers where identifier_type = 'email' and identifier_value = '" + newEmail + "'"}, nil)
	if !q.OK {
		t.Fatalf("query: %v", q.Error)
	}
	raw, _ := json.Marshal(q.Result)
	var tbl pipeline.Table
	_ = json.Unmarshal(raw, &tbl)
	if len(tbl.Rows) != 1 {
		t.Fatalf("%s resolved to %d persons: %s", newEmail, len(tbl.Rows), raw)
	}
	person := tbl.Rows[0][0].(string)
	resp := roundTrip(t, b, Request{Op: "diff.person", Diff: &DiffArgs{Person: person}}, nil)
	raw, _ = json.Marshal(resp.Result)
	var ch pipeline.PersonChange
	_ = json.Unmarshal(raw, &ch)
	if !resp.OK || !ch.Compared || len(ch.Joined) != 1 || ch.Joined[0] != [2]string{"email", newEmail} || len(ch.Was) != 1 {
		t.Fatalf("diff.person %s: %s, want %s joined", person, raw, newEmail)
	}
	// What left the person (the customer's old email linked it to others)
	// now resolves to another person.
	for _, l := range ch.Left {
		q := roundTrip(t, b, Request{Op: "query", SQL: "select person_id from nexus_demo_data.nexus_resolved_person_identifiers where identifier_type = '" + l[0] + "' and identifier_value = '" + l[1] + "'"}, nil)
		raw, _ := json.Marshal(q.Result)
		var tbl pipeline.Table
		_ = json.Unmarshal(raw, &tbl)
		for _, r := range tbl.Rows {
			if r[0] == person {
				t.Errorf("%s:%s is said to have left %s but still resolves to it", l[0], l[1], person)
			}
		}
	}
	t.Logf("diff.person: %s", raw)
}
