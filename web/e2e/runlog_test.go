package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/nexus-playground/nexus/pipeline/share"
)

// TestTemplateLogsInRunLog: log(info=True), print and exceptions.warn show
// in the page's run log as rows of their own, before the model's row, as
// text (a message is data, never markup).
func TestTemplateLogsInRunLog(t *testing.T) {
	files := map[string][]byte{
		"dbt_project.yml": []byte("name: logs\n"),
		"models/a.sql": []byte("{{ log('hello <b>from</b> a', info=True) }}{{ print('printed', 42) }}" +
			"{% do exceptions.warn('careful') %}\nselect 1 as n\n"),
	}
	ctx := newBrowser(t, 3*time.Minute)
	openShared(t, ctx, share.Project{Files: files}, "?run=1")
	waitFor(t, ctx, "the run", `document.body.dataset.lastRun === "ok"`, 2*time.Minute)
	rows := eval[[]string](t, ctx, `[...document.querySelectorAll('#runlog tbody tr')].map(tr => tr.className.split(' ').sort().join('.') + ' ' + tr.textContent)`)
	var got []string
	for _, r := range rows {
		if strings.Contains(r, "kind-log") || strings.Contains(r, "kind-model") {
			got = append(got, r)
		}
	}
	want := []string{"kind-log.msg hello <b>from</b> a", "kind-log.msg printed 42", "kind-log.msg.warn [WARNING]: careful"}
	if len(got) != 4 || strings.Join(got[:3], "\n") != strings.Join(want, "\n") || !strings.HasPrefix(got[3], "kind-model.ok ") {
		t.Fatalf("run log rows:\n%s\nwant the three messages, then the model:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#runlog b').length`); n != 0 {
		t.Errorf("a message became markup: %d <b> elements in the run log", n)
	}
}
