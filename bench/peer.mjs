// The peer: identity resolution as dbt-nexus does it (a bounded walk of
// the identifier edges), on sql.js (SQLite compiled by Emscripten) under node.
//
//   node peer.mjs --depth 5 persons.csv [groups.csv ...]
//
// Each CSV has the columns row_id, identifier_type, identifier_value (the
// event log's identifiers, exported from a native build). For each file the
// script builds the edges (every ordered pair of distinct identifiers
// sharing a row_id, both directions, duplicates kept) and then walks them
// with a path-enumerating recursive CTE: from every identifier, simple paths
// of at most --depth steps; an identifier's component is the smallest
// (identifier_type, identifier_value) it reaches. It prints one JSON line of
// timings. Loading the rows into sql.js is timed apart and left out of the
// resolution time.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const initSqlJs = require('sql.js');

function parseCSV(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const args = process.argv.slice(2);
let depth = 5;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--depth') depth = Number(args[++i]);
  else files.push(args[i]);
}

const SQL = await initSqlJs();
const db = new SQL.Database();
const out = { depth, load_ms: 0, edges_ms: 0, resolve_ms: 0, identifiers: 0, edges: 0, paths: 0, entities: 0 };
const now = () => performance.now();

for (const [n, file] of files.entries()) {
  const ids = `ids${n}`, edges = `edges${n}`, walk = `resolved${n}`;
  let t = now();
  const rows = parseCSV(fs.readFileSync(file, 'utf8'));
  const header = rows.shift();
  const col = (name) => header.indexOf(name);
  const [ri, ti, vi] = [col('row_id'), col('identifier_type'), col('identifier_value')];
  db.run(`CREATE TABLE ${ids} (row_id TEXT, identifier_type TEXT, identifier_value TEXT)`);
  db.run('BEGIN');
  const ins = db.prepare(`INSERT INTO ${ids} VALUES (?, ?, ?)`);
  for (const r of rows) {
    if (r.length < 3 || r[vi] === '') continue;
    ins.run([r[ri], r[ti], r[vi]]);
  }
  ins.free();
  db.run('COMMIT');
  out.load_ms += now() - t;

  // nexus_person_identifiers_edges: a self-join on row_id.
  t = now();
  db.run(`CREATE INDEX ${ids}_row ON ${ids} (row_id)`);
  db.run(`CREATE TABLE ${edges} AS
    SELECT a.identifier_type AS identifier_type_a, a.identifier_value AS identifier_value_a,
           b.identifier_type AS identifier_type_b, b.identifier_value AS identifier_value_b
    FROM ${ids} AS a JOIN ${ids} AS b
      ON a.row_id = b.row_id
     AND (a.identifier_type <> b.identifier_type OR a.identifier_value <> b.identifier_value)`);
  db.run(`CREATE INDEX ${edges}_a ON ${edges} (identifier_type_a, identifier_value_a)`);
  out.edges_ms += now() - t;

  // The resolution: every simple path of at most `depth` steps from every
  // identifier, then the smallest identifier reached per start.
  t = now();
  db.run(`CREATE TABLE ${walk} AS
    WITH RECURSIVE
    starts AS (
      SELECT DISTINCT identifier_type, identifier_value FROM ${ids}
    ),
    paths (start_type, start_value, cur_type, cur_value, steps, visited) AS (
      SELECT identifier_type, identifier_value, identifier_type, identifier_value, 0,
             '|' || identifier_type || ':' || identifier_value || '|'
      FROM starts
      UNION ALL
      SELECT p.start_type, p.start_value, e.identifier_type_b, e.identifier_value_b, p.steps + 1,
             p.visited || e.identifier_type_b || ':' || e.identifier_value_b || '|'
      FROM paths AS p
      JOIN ${edges} AS e
        ON e.identifier_type_a = p.cur_type AND e.identifier_value_a = p.cur_value
      WHERE p.steps < ${depth}
        AND instr(p.visited, '|' || e.identifier_type_b || ':' || e.identifier_value_b || '|') = 0
    ),
    reached AS (
      SELECT start_type, start_value, cur_type, cur_value, count(*) OVER () AS paths,
             row_number() OVER (PARTITION BY start_type, start_value ORDER BY cur_type, cur_value) AS rank
      FROM paths
    )
    SELECT start_type AS identifier_type, start_value AS identifier_value,
           cur_type AS component_type, cur_value AS component_value, paths
    FROM reached WHERE rank = 1`);
  out.resolve_ms += now() - t;
  const one = (sql) => db.exec(sql)[0].values[0][0];
  out.identifiers += one(`SELECT count(*) FROM ${walk}`);
  out.edges += one(`SELECT count(*) FROM ${edges}`);
  out.paths += one(`SELECT coalesce(max(paths), 0) FROM ${walk}`);
  out.entities += one(`SELECT count(DISTINCT component_type || ':' || component_value) FROM ${walk}`);
}
console.log(JSON.stringify(out));
