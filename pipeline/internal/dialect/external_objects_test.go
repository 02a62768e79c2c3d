package dialect

import "testing"

// TestExternalObjectsRefused: a statement that creates, alters or drops an
// object over files in cloud storage is refused by name in the dialects
// that have it, and other statements of the same words are not.
func TestExternalObjectsRefused(t *testing.T) {
	msg := func(what string) string {
		return "1:1: " + what + " is not supported: external tables, stages, file formats, pipes and storage integrations stand for files (a stage, or an s3://, gs:// or azure:// address), which the playground has no access to (" + refExternalObject.hint + ")"
	}
	for _, c := range []struct {
		d        Dialect
		in, what string
	}{
		{snowflake, "create or replace stage s.st url = 's3://bucket'", "CREATE STAGE"},
		{snowflake, "create temporary stage st", "CREATE STAGE"},
		{snowflake, "drop external table if exists s.x", "DROP EXTERNAL TABLE"},
		{snowflake, "create or replace external table s.x (id int as (value:c1::int)) location = @s.st/csv file_format = (type = csv)", "CREATE EXTERNAL TABLE"},
		{snowflake, "alter external table s.x refresh", "ALTER EXTERNAL TABLE"},
		{snowflake, "create or replace file format s.ff type = parquet", "CREATE FILE FORMAT"},
		{snowflake, "create pipe s.p auto_ingest = false as copy into s.x from @s.st", "CREATE PIPE"},
		{snowflake, "create storage integration i type = external_stage", "CREATE STORAGE INTEGRATION"},
		{bigquery, "create or replace external table ds.x options (format = 'CSV', uris = ['gs://b/*.csv'])", "CREATE EXTERNAL TABLE"},
		{bigquery, "drop external table if exists ds.x", "DROP EXTERNAL TABLE"},
	} {
		expectRefused(t, c.d, c.in, msg(c.what))
	}
	// a table or column of such a name is no such statement
	expectTranslated(t, snowflake, "drop table if exists stage", "drop table if exists stage")
	expectTranslated(t, snowflake, "create table s.file as select 1 as format", "create table s.file as select 1 as format")
}
