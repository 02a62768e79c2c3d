package share

import (
	"fmt"
	"maps"
	"regexp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
	"github.com/nexus-playground/nexus/pipeline/nexus/settings"
)

// The dbt-nexus commit whose public API the built-in package follows
// (pipeline/nexus/COLUMNS.md): an exported project pins it, so the
// warehouse builds the tables the playground built.
const (
	DBTNexusGit      = "https://github.com/slide-rule-tech/dbt-nexus.git"
	DBTNexusRevision = "c918759bc35f3622c71ffaef78c65b67d6706eaf"
)

// PackagesYML is the packages.yml WriteZip adds to a project that has none,
// so the download runs on a warehouse with `dbt deps && dbt build`:
// dbt-nexus at DBTNexusRevision and the dbt_utils it is written against.
const PackagesYML = `packages:
  - git: "` + DBTNexusGit + `"
    revision: ` + DBTNexusRevision + `
  - package: dbt-labs/dbt_utils
    version: 1.3.0
`

// The dbt-nexus release whose entity layer the built-in package follows
// (pipeline/nexus/COLUMNS.md, "The entity layer"): a project whose sources
// give entities pins it instead, with PackagesYMLV013.
const (
	DBTNexusV013Revision = "91b50f899939fb063c6f7afdc0ee7cf4d0235435" // v0.13.0
	PackagesYMLV013      = `packages:
  - git: "` + DBTNexusGit + `"
    revision: ` + DBTNexusV013Revision + ` # v0.13.0
  - package: dbt-labs/dbt_utils
    version: 1.3.0
`
)

// packagesYML is the packages.yml a project without one gets: dbt-nexus
// v0.13.0 when its dbt_project.yml asks for entities (as the built-in
// package builds it then), c918759 otherwise.
func packagesYML(files map[string][]byte) []byte {
	if entityLayer(files) {
		return []byte(PackagesYMLV013)
	}
	return []byte(PackagesYML)
}

// entityLayer tells whether a project's sources give v0.13 entities.
func entityLayer(files map[string][]byte) bool {
	doc, err := yamlx.Parse("dbt_project.yml", files["dbt_project.yml"])
	if err != nil || doc == nil {
		return false
	}
	vars, ok := doc.Get("vars").Plain().(map[string]any)
	return ok && settings.EntityLayer(vars)
}

// ProfilesTemplatePath is where ForWarehouse puts the profiles.yml template:
// in a folder of its own, so the playground (which reads a profiles.yml at
// the project's root to learn its warehouse) takes the project back
// unchanged, and dbt reads it with --profiles-dir profiles.
const ProfilesTemplatePath = "profiles/profiles.yml"

// ForWarehouse returns the files of a project as dbt with dbt-nexus runs
// them on a warehouse: the project's own files unchanged, plus
// [PackagesYML] (or [PackagesYMLV013]) when it has no packages.yml and, when it has no
// profiles.yml, a profiles.yml template for warehouse (bigquery,
// snowflake or duckdb; anything else, such as the playground's sqlite, gets
// BigQuery, dbt-nexus's own warehouse).
func ForWarehouse(files map[string][]byte, warehouse string) map[string][]byte {
	out := maps.Clone(files)
	if _, ok := out["packages.yml"]; !ok {
		out["packages.yml"] = packagesYML(files)
	}
	if _, ok := out["profiles.yml"]; !ok {
		out[ProfilesTemplatePath] = []byte(profilesTemplate(warehouse, profileName(files["dbt_project.yml"]), entityLayer(files)))
	}
	return out
}

var (
	profileKey = regexp.MustCompile(`(?m)^profile:\s*["']?([A-Za-z0-9_-]+)`)
	nameKey    = regexp.MustCompile(`(?m)^name:\s*["']?([A-Za-z0-9_-]+)`)
)

// profileName is the profile dbt_project.yml names, else its project name.
func profileName(project []byte) string {
	if m := profileKey.FindSubmatch(project); m != nil {
		return string(m[1])
	}
	if m := nameKey.FindSubmatch(project); m != nil {
		return string(m[1])
	}
	return "nexus"
}

// ProfilesTemplate is a profiles.yml with one dev target for warehouse,
// its credentials left for the user to fill in.
func ProfilesTemplate(warehouse, profile string) string {
	return profilesTemplate(warehouse, profile, false)
}

// profilesTemplate is ProfilesTemplate for a project that pins dbt-nexus
// v0.13.0 (v013), which resolves identifiers on DuckDB itself.
func profilesTemplate(warehouse, profile string, v013 bool) string {
	var output, note string
	switch strings.ToLower(warehouse) {
	case "snowflake":
		output = `      type: snowflake
      account: your_account          # e.g. ab12345.eu-west-1
      user: your_user
      password: "{{ env_var('SNOWFLAKE_PASSWORD') }}"
      role: your_role
      warehouse: your_warehouse
      database: your_database
      schema: nexus
      threads: 4`
	case "duckdb":
		output = `      type: duckdb
      path: nexus.duckdb
      threads: 4`
		if !v013 {
			note = "# dbt-nexus c918759 resolves identifiers on BigQuery and Snowflake only\n# (bigquery__ and snowflake__resolve_identifiers); on DuckDB bring your\n# own duckdb__resolve_identifiers macro.\n"
		}
	default:
		warehouse = "bigquery"
		output = `      type: bigquery
      method: oauth                  # gcloud auth application-default login
      project: your-gcp-project
      dataset: nexus
      location: US
      threads: 4`
	}
	return fmt.Sprintf(`# A %s profile for this project, written by the playground's Export.
# Fill in the credentials, then from the project's folder:
#   dbt deps
#   dbt build --profiles-dir profiles --profile %s
# (or copy the profile into ~/.dbt/profiles.yml; --profile is not needed
# when dbt_project.yml has profile: %s).
%s%s:
  target: dev
  outputs:
    dev:
%s
`, warehouse, profile, profile, note, profile, output)
}
