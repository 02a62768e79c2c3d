#!/usr/bin/env python3
"""Renders every testdata/golden/*.txtar with Python's Jinja2, the engine dbt
uses, and prints a JSON object: case file name -> {"out": text} or
{"error": message}. TestGolden runs it on every run and compares the Go
renderer's output with it byte for byte, so the expected text always comes
from Jinja2 and never from the renderer under test.

    python3 testdata/jinja2_reference.py [case.txtar ...]

Needs python3 with jinja2 3.x (Debian: python3-jinja2). The stubs below mirror the Go builtins: ref/source
return relations printing as schema.name, run_query answers from the case's
"queries", column lists come from "columns", and dbt_utils' SQL is written in
the same shape as pipeline/internal/jinja/dbtutils.go.
"""
import datetime
import decimal
import glob
import json
import os
import re
import sys

import jinja2
import jinja2.runtime


class MacroReturn(Exception):
    def __init__(self, value):
        self.value = value


# dbt's return(): a macro call yields the value given to return().
_invoke = jinja2.runtime.Macro._invoke


def _invoke_with_return(self, arguments, autoescape):
    try:
        return _invoke(self, arguments, autoescape)
    except MacroReturn as r:
        return r.value


jinja2.runtime.Macro._invoke = _invoke_with_return


class MacroNode:
    """dbt's node of a macro (a MacroGenerator's .macro)."""

    def __init__(self, name, package_name):
        self.name, self.package_name = name, package_name
        self.unique_id = "macro.%s.%s" % (package_name, name)
        self.resource_type = "macro"


class MacroGenerator:
    """As dbt's context holds a macro: callable, with the macro's node as
    .macro and get_name(), and none of a Jinja2 Macro's own attributes."""

    def __init__(self, macro, package_name):
        self._macro = macro
        self.macro = MacroNode(macro.name, package_name)

    def get_name(self):
        return self.macro.name

    def __call__(self, *args, **kwargs):
        return self._macro(*args, **kwargs)


def do_return(value=None):
    raise MacroReturn(value)


class Relation:
    # at is the SQLite schema it prints; schema the one dbt names (shown)
    def __init__(self, schema, name, shown=None):
        self.at = schema
        self.schema = schema if shown is None else shown
        self.name, self.identifier, self.database = name, name, "main"

    def __str__(self):
        if self.at == "":
            return self.name
        return self.at + "." + self.name

    # dbt's relations hash by their rendered name and equal by their fields
    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        return isinstance(other, Relation) and vars(self) == vars(other)


def dbt_schema(target_schema, schema):
    """dbt's default generate_schema_name for a node built in SQLite schema
    schema: the target's, or <target>_<custom>."""
    if schema in ("", "main"):
        return target_schema
    return target_schema + "_" + schema


class Row:
    def __init__(self, cols, vals):
        self._cols, self._vals = cols, vals

    def __getitem__(self, k):
        if isinstance(k, int):
            return self._vals[k]
        if k not in self._cols:
            raise KeyError(k)  # as agate's MappedSequence
        return self._vals[self._cols.index(k)]

    def __getattr__(self, k):
        if k.startswith("_") or k not in self._cols:
            raise AttributeError(k)
        return self[k]

    # agate's Row is a sequence of its values with these methods
    def __iter__(self):
        return iter(self._vals)

    def __len__(self):
        return len(self._vals)

    def keys(self):
        return list(self._cols)

    def values(self):
        return list(self._vals)

    def items(self):
        return list(zip(self._cols, self._vals))

    def get(self, k, default=None):
        try:
            return self[k]
        except (IndexError, KeyError):
            return default

    def dict(self):
        return dict(zip(self._cols, self._vals))


class Column(list):
    # agate's Column is a sequence of its values: iterating it, len, c[i],
    # `in` and == with another sequence see them
    def __init__(self, name, values):
        list.__init__(self, values)
        self.name = name

    def values(self):
        return list(self)


class Columns(list):
    # agate's MappedSequence of a table's columns: a sequence, also read
    # by name, with keys(), values(), items() and get() by name
    def __getitem__(self, k):
        if isinstance(k, str):
            for c in self:
                if c.name == k:
                    return c
            raise KeyError(k)
        return list.__getitem__(self, k)

    def keys(self):
        return [c.name for c in self]

    def values(self):
        return list(self)

    def items(self):
        return [(c.name, c) for c in self]

    def get(self, k, default=None):
        return dict(self.items()).get(k, default)


class Table:
    def __init__(self, cols, rows):
        self._raw = rows
        self.column_names = list(cols)
        self.rows = [Row(cols, r) for r in rows]
        self.columns = Columns(Column(c, [r[i] for r in rows]) for i, c in enumerate(cols))

    def rename(self, column_names=None):
        # agate's Table.rename: a dict of old name to new, or every new name
        names = list(self.column_names)
        if isinstance(column_names, dict):
            names = [column_names.get(c, c) for c in names]
        elif column_names is not None:
            names = list(column_names)
        return Table(names, self._raw)

    def group_by(self, key):
        # agate's Table.group_by: a TableSet of the rows sharing a value of
        # the column, in the order each value first appears
        i = self.column_names.index(key)
        keys, groups = [], {}
        for r in self._raw:
            if r[i] not in groups:
                keys.append(r[i])
                groups[r[i]] = []
            groups[r[i]].append(r)
        return TableSet(keys, [Table(self.column_names, groups[k]) for k in keys])

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)


class TableSet(list):
    # agate's TableSet: a sequence of tables, also read by key, with
    # keys(), values(), items() and get()
    def __init__(self, keys, tables):
        list.__init__(self, tables)
        self._keys = keys

    def __getitem__(self, k):
        if isinstance(k, (int, slice)):
            return list.__getitem__(self, k)
        return list.__getitem__(self, self._keys.index(k))

    def keys(self):
        return list(self._keys)

    def values(self):
        return list(self)

    def items(self):
        return list(zip(self._keys, self))

    def get(self, k, default=None):
        return self[k] if k in self._keys else default


def cell(v):
    """A query's value: {"decimal": "1.50"} is a decimal.Decimal, as a
    warehouse's Python client gives a NUMBER(p, s)."""
    if isinstance(v, dict) and set(v) == {"decimal"}:
        return decimal.Decimal(v["decimal"])
    return v


def parse_txtar(text):
    parts = re.split(r"^-- (.+?) --\n", text, flags=re.M)
    comment, files = parts[0], {}
    for i in range(1, len(parts), 2):
        files[parts[i]] = parts[i + 1]
    return comment, files


def render_case(files):
    ctx = json.loads(files["context.json"])
    execute = ctx.get("execute", False)
    vars_ = ctx.get("vars", {})
    this = ctx.get("this", {})
    columns = ctx.get("columns", {})
    queries = ctx.get("queries", [])

    def ref(*args):
        return Relation("main", args[-1])

    def source(src, tbl):
        return Relation(src, tbl)

    notset = object()

    def var(var_name, default=notset):
        # dbt's signature: the default may be given by keyword
        if var_name in vars_:
            return vars_[var_name]
        if default is not notset:
            return default
        raise Exception("var %r is not defined" % var_name)

    def config(*a, **kw):
        return ""

    def run_sql(sql):
        for q in queries:
            if q["contains"] in sql:
                return q["columns"], [[cell(v) for v in r] for r in q["rows"]]
        return [], []

    def run_query(sql):
        if not execute:
            return None
        cols, rows = run_sql(sql)
        return Table(cols, rows)

    def cols_of(rel):
        if not execute:
            return []
        return columns.get(rel.name, [])

    target = {"name": "dev", "type": "sqlite", "schema": "main", "database": "main",
              "profile_name": "nexus", "threads": 1}
    target.update(ctx.get("target", {}))

    def dispatch(name, macro_namespace=None):
        for cand in (target["type"] + "__" + name, "default__" + name):
            if cand in G:
                return G[cand]
        raise Exception("no macro " + name)

    def surrogate_key(field_list):
        parts = []
        for i, f in enumerate(field_list):
            if i > 0:
                parts.append("'-'")
            parts.append("coalesce(cast(%s as text), '_dbt_utils_surrogate_key_null_')" % f)
        return "md5(cast(" + " || ".join(parts) + " as text))"

    def quote(c):
        return '"' + c.replace('"', '""') + '"'

    def union_relations(relations, exclude=None, include=None, column_override=None,
                        source_column_name="_dbt_source_relation", where=None):
        if not execute:
            return ""
        exclude = [c.lower() for c in (exclude or [])]
        include = [c.lower() for c in (include or [])]
        order, names, types, per = [], {}, {}, []
        for r in relations:
            have = set()
            for name, typ in cols_of(r):
                k = name.lower()
                if k in exclude or (include and k not in include):
                    continue
                have.add(k)
                if k not in names:
                    names[k], types[k] = name, typ
                    order.append(k)
            per.append(have)
        out = []
        for i, r in enumerate(relations):
            s = "select\n    '%s' as %s" % (r, source_column_name)
            for k in order:
                col = quote(names[k])
                if k in per[i]:
                    s += ",\n    " + col
                elif types[k]:
                    s += ",\n    cast(null as %s) as %s" % (types[k], col)
                else:
                    s += ",\n    null as " + col
            s += "\nfrom %s" % r
            if where:
                s += "\nwhere " + where
            out.append(s)
        return "\n\nunion all\n\n".join(out)

    def get_column_values(table, column, order_by="count(*) desc", max_records=None,
                          default=None, where=None):
        if not execute:
            return [] if default is None else default
        sql = "select %s as value\nfrom %s" % (column, table)
        if where is not None:
            sql += "\nwhere " + where
        sql += "\ngroup by %s\norder by %s" % (column, order_by)
        if max_records is not None:
            sql += "\nlimit %d" % max_records
        cols, rows = run_sql(sql)
        return [r[0] for r in rows]

    def star(from_, except_=(), relation_alias=None):
        if not execute:
            return "*"
        ex = [c.lower() for c in except_]
        alias = relation_alias + "." if relation_alias else ""
        parts = [alias + quote(n) for n, _ in cols_of(from_) if n.lower() not in ex]
        return ",\n  ".join(parts) if parts else "*"

    class NS:
        def __init__(self, members):
            self.__dict__.update(members)

    dbt_utils = NS({
        "generate_surrogate_key": surrogate_key,
        "union_relations": union_relations,
        "get_column_values": get_column_values,
        "star": lambda *a, **k: star(*a, **{("except_" if x == "except" else x): v for x, v in k.items()}),
    })

    env = jinja2.Environment(extensions=["jinja2.ext.do"], trim_blocks=False, lstrip_blocks=False,
                             undefined=jinja2.Undefined)
    G = {
        "ref": ref, "source": source, "var": var, "config": config, "return": do_return,
        "run_query": run_query, "execute": execute, "target": NS(target),
        "this": Relation(this.get("schema", "main"), this.get("name", ""),
                         dbt_schema(target["schema"], this.get("schema", "main"))),
        "adapter": NS({"dispatch": dispatch, "quote": quote}),
        "dbt_utils": dbt_utils,
        "modules": NS({"datetime": datetime, "re": re}),
        "zip": zip,  # dbt's context has Python's zip
        "set": set,  # and its set
        "set_strict": lambda value: set(value),
        "zip_strict": lambda *args: list(zip(*args)),
    }
    # Jinja2 binds a template's free names when its module is made, so the
    # macros are defined twice: the second pass sees every macro and
    # namespace of the first.
    for _ in range(2):
        namespaces = {}
        for path, src in files.items():
            if not path.endswith(".sql") or path.startswith("models/"):
                continue
            m = re.match(r"packages/([^/]+)/", path)
            module = env.from_string(src, globals=G).module
            for name in dir(module):
                macro = getattr(module, name)
                if isinstance(macro, jinja2.runtime.Macro):
                    macro = MacroGenerator(macro, m.group(1) if m else "")
                    G[name] = macro
                    if m:
                        namespaces.setdefault(m.group(1), {})[name] = macro
        for ns, members in namespaces.items():
            G[ns] = NS(members)
    model = [p for p in files if p.startswith("models/")][0]
    return env.from_string(files[model], globals=G).render()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "golden", "*.txtar")))
    results = {}
    for path in paths:
        with open(path) as f:
            _, files = parse_txtar(f.read())
        try:
            results[os.path.basename(path)] = {"out": render_case(files)}
        except Exception as e:  # reported by the Go test with the case name
            results[os.path.basename(path)] = {"error": "%s: %s" % (type(e).__name__, e)}
    json.dump(results, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
