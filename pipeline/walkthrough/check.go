package walkthrough

import (
	"context"

	"github.com/nexus-playground/nexus/pipeline"
)

// CheckResult is the outcome of one check of a step, for a caller that
// runs the steps itself (the playground page).
type CheckResult struct {
	Check   string `json:"check"`
	OK      bool   `json:"ok"`
	Message string `json:"message,omitempty"`
}

// Evaluate runs a step's checks against a session's tables, in order, as
// Run does. last is the result of the step's command (or of the latest
// command run), which test_passes reads; nil when none has run. Unlike Run
// it does not stop at the first failure, so every check gets a verdict.
func Evaluate(ctx context.Context, s *pipeline.Session, last *pipeline.Result, checks []Check) []CheckResult {
	out := make([]CheckResult, 0, len(checks))
	for _, c := range checks {
		msg := evaluate(ctx, s, last, c)
		out = append(out, CheckResult{Check: c.String(), OK: msg == "", Message: msg})
	}
	return out
}
