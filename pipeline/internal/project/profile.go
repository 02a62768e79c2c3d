package project

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// ProfilesFile is where a project names its warehouse, as dbt reads it from
// the project folder.
const ProfilesFile = "profiles.yml"

// Target is the output of the project's profile that dbt would connect to:
// dbt_project.yml's `profile:` names a profile of profiles.yml, whose
// `target:` names one of its `outputs:`. Type is "" when the project has no
// profiles.yml (or it lacks the profile), and the caller picks the default.
type Target struct {
	Profile  string
	Name     string // the output's name, "dev" when none is read
	Type     string // the output's `type:` as written (bigquery, postgres...)
	Schema   string // `schema:` (BigQuery also `dataset:`)
	Database string // `database:` (BigQuery also `project:`)
	// Path is DuckDB's `path:`, the database file, whose name without
	// its extension dbt-duckdb takes as the database when none is given
	Path string
	// Snowflake's `user:`, `role:`, `warehouse:` and `account:`, which
	// its session functions (CURRENT_USER() ...) answer
	User, Role, Warehouse, Account string
	Line                           int // line of `type:` in profiles.yml
}

// readTarget reads the target of the profile dbt_project.yml names: the
// output named by name (dbt's --target), else the profile's `target:`. A
// schema or database written as Jinja (env_var) is not read, with a
// warning: the playground has no warehouse to connect to.
func readTarget(root fs.FS, doc *yamlx.Node, name string) (t Target, warn []diag.Diagnostic, err error) {
	t, err = readProfile(root, doc, name)
	for _, f := range []*string{&t.Schema, &t.Database} {
		if strings.Contains(*f, "{{") {
			warn = append(warn, diag.Diagnostic{Severity: diag.Warning, File: ProfilesFile, Line: t.Line,
				Message: fmt.Sprintf("target %q: %q reads an environment variable that is not set; target.schema and target.database leave it out", t.Name, *f)})
			*f = ""
		}
	}
	// a user, role or warehouse is commonly env_var(...): its session
	// function answers NULL, without a warning
	for _, f := range []*string{&t.User, &t.Role, &t.Warehouse, &t.Account} {
		if strings.Contains(*f, "{{") {
			*f = ""
		}
	}
	return t, warn, err
}

func readProfile(root fs.FS, doc *yamlx.Node, name string) (Target, error) {
	t := Target{Profile: doc.Get("profile").String(), Name: "dev"}
	data, err := fs.ReadFile(root, ProfilesFile)
	if work := WorkFS(root); errors.Is(err, fs.ErrNotExist) && work != nil {
		// dbt reads profiles.yml from the folder it runs in
		data, err = fs.ReadFile(work, ProfilesFile)
	}
	if errors.Is(err, fs.ErrNotExist) {
		if name != "" {
			// dbt would stop too: a target names an output of a profile
			return t, diag.Errorf(ProfilesFile, 0, "--target %s: the project has no profiles.yml, so it has no targets", name).
				WithHint("leave out --target, or add a profiles.yml beside dbt_project.yml whose profile has an output %q", name)
		}
		return t, nil
	}
	if err != nil {
		return t, diag.Errorf(ProfilesFile, 0, "cannot read profiles.yml: %v", err)
	}
	profiles, err := yamlx.Parse(ProfilesFile, data)
	if err != nil {
		return t, err
	}
	if profiles.Kind != yamlx.Map {
		return t, diag.Errorf(ProfilesFile, profiles.Line, "profiles.yml must be a mapping of profile names").
			WithHint("write `%s:` then `target: dev` and `outputs:`", nonEmpty(t.Profile, "my_profile"))
	}
	if t.Profile == "" {
		return t, diag.Errorf("dbt_project.yml", 1, "profiles.yml is there but dbt_project.yml names no profile").
			WithHint("add `profile: NAME` naming one of: %s", strings.Join(profileNames(profiles), ", "))
	}
	prof := profiles.Get(t.Profile)
	if prof == nil || prof.Kind != yamlx.Map {
		return t, diag.Errorf(ProfilesFile, profiles.Line, "profiles.yml has no profile %q, which dbt_project.yml names", t.Profile).
			WithHint("profiles in profiles.yml: %s", strings.Join(profileNames(profiles), ", "))
	}
	outputs := prof.Get("outputs")
	if outputs == nil || outputs.Kind != yamlx.Map || len(outputs.Keys) == 0 {
		return t, diag.Errorf(ProfilesFile, prof.Line, "profile %q has no outputs", t.Profile).
			WithHint("add `outputs:` with one output, e.g. `dev: {type: duckdb}`")
	}
	line := prof.Line
	render := &profileRenderer{}
	if n := prof.Get("target"); n != nil {
		if t.Name, err = render.value(n); err != nil {
			return t, err
		}
		line = n.Line
	} else if len(outputs.Keys) == 1 {
		t.Name = outputs.Keys[0]
	}
	if name != "" {
		t.Name = name
		if out := outputs.Get(name); out == nil || out.Kind != yamlx.Map {
			// dbt's words: the profile does not have a target named ...
			return t, diag.Errorf(ProfilesFile, outputs.Line, "--target %s: profile %q does not have a target named %q", name, t.Profile, name).
				WithHint("the targets of profile %q are: %s", t.Profile, strings.Join(outputs.Keys, ", "))
		}
	}
	out := outputs.Get(t.Name)
	if out == nil || out.Kind != yamlx.Map {
		return t, diag.Errorf(ProfilesFile, line, "profile %q has no output %q", t.Profile, t.Name).
			WithHint("set `target:` to one of: %s", strings.Join(outputs.Keys, ", "))
	}
	typ := out.Get("type")
	if typ == nil || typ.String() == "" {
		return t, diag.Errorf(ProfilesFile, out.Line, "output %q of profile %q has no `type:`", t.Name, t.Profile).
			WithHint("write `type: bigquery`, `snowflake`, `duckdb` or `sqlite`")
	}
	kind, err := render.value(typ)
	if err != nil {
		return t, err
	}
	t.Type, t.Line = strings.ToLower(strings.TrimSpace(kind)), typ.Line
	// what names no warehouse may read an environment variable the
	// playground lacks (credentials, a project id): then it stays as
	// written, and readTarget leaves it out
	lenient := func(key string) string {
		v, err := render.value(out.Get(key))
		if err != nil {
			return out.Get(key).String()
		}
		return v
	}
	t.Schema = nonEmpty(lenient("schema"), lenient("dataset"))
	t.Database = nonEmpty(lenient("database"), lenient("project"))
	t.Path = lenient("path")
	t.User, t.Role, t.Warehouse, t.Account = lenient("user"), lenient("role"), lenient("warehouse"), lenient("account")
	return t, nil
}

// profileRenderer renders the Jinja in the values of profiles.yml, as dbt
// does: env_var with its default, the environment the playground runs in
// (none in the page). Its Jinja environment is made at the first value
// that needs one.
type profileRenderer struct{ env *jinja.Env }

func (r *profileRenderer) value(n *yamlx.Node) (string, error) {
	s := n.String()
	if !strings.Contains(s, "{{") && !strings.Contains(s, "{%") {
		return s, nil
	}
	if r.env == nil {
		env, err := jinja.NewEnv(nil)
		if err != nil {
			return "", err
		}
		r.env = env
	}
	out, err := r.env.Render(ProfilesFile, s, &jinja.Context{})
	if err != nil {
		return "", diag.Errorf(ProfilesFile, n.Line, "%q: %v", s, err).WithHint("give env_var a default, env_var('NAME', 'value'), or set the variable")
	}
	return strings.TrimSpace(out), nil
}

func profileNames(profiles *yamlx.Node) []string {
	var out []string
	for _, k := range profiles.Keys {
		if k != "config" {
			out = append(out, k)
		}
	}
	return out
}

func nonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// DuckDBDatabase is the database dbt-duckdb names a profile's path by
// when the profile names none: the file's name without its extension
// (dev for path: dev.duckdb, f1 for md:f1?token=...), memory for no path
// or :memory:. A path left as Jinja (an environment variable the
// playground lacks) names none.
func DuckDBDatabase(path string) string {
	if path == "" || path == ":memory:" {
		return "memory"
	}
	if strings.Contains(path, "{{") || strings.Contains(path, "{%") {
		return ""
	}
	if u, err := url.Parse(path); err == nil && u.Scheme != "" && len(u.Scheme) > 1 {
		// md:f1?motherduck_token=..., s3://bucket/x.duckdb (a single
		// letter is a Windows drive)
		path = u.Opaque + u.Path
	}
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	if i := strings.LastIndex(base, "."); i >= 0 {
		base = base[:i]
	}
	if base == "" {
		return ""
	}
	return base
}
