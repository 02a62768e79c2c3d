package jinja

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// fromjson and fromyaml give mappings in the order they are written, as
// Python's json.loads and yaml.safe_load make dicts; JSON numbers written
// with a point or an exponent are floats (1.0 stays 1.0), others ints.

// decodeJSON reads one JSON document into template values.
func decodeJSON(text string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	v, err := readJSONValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("extra data after the JSON value")
	}
	return v, nil
}

func readJSONValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Number:
		if strings.ContainsAny(t.String(), ".eE") {
			f, err := t.Float64()
			return f, err
		}
		if i, err := t.Int64(); err == nil {
			return int64(i), nil
		}
		f, err := t.Float64()
		return f, err
	case json.Delim:
		if t == '[' {
			items := []any{}
			for dec.More() {
				v, err := readJSONValue(dec)
				if err != nil {
					return nil, err
				}
				items = append(items, v)
			}
			_, err := dec.Token()
			return items, err
		}
		o := Ordered{Values: map[string]any{}}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := readJSONValue(dec)
			if err != nil {
				return nil, err
			}
			key := k.(string)
			if _, dup := o.Values[key]; !dup {
				o.Keys = append(o.Keys, key)
			}
			o.Values[key] = v // the last of a repeated key, as Python keeps
		}
		_, err := dec.Token()
		return o, err
	}
	return tok, nil
}

// decodeYAML reads one YAML document into template values, within the
// limits every YAML file of a project has (yamlx).
func decodeYAML(text string) (any, error) {
	n, err := yamlx.Parse("fromyaml", yamlDocument(text))
	if err != nil {
		return nil, err
	}
	if n.Kind == yamlx.Map && len(n.Keys) == 0 && strings.TrimSpace(text) == "" {
		return nil, nil // an empty document is None
	}
	return YAMLValue(n), nil
}

// yamlDocument is text without its leading blank lines and trailing space,
// the first line keeping its indentation: a document indented as a whole
// (the body of a {% set %} block indented with the macro) is as Python's
// loader reads it, where trimming the first line's indentation alone left
// it less indented than its siblings.
func yamlDocument(text string) []byte {
	b := bytes.TrimRight([]byte(text), " \t\r\n")
	for {
		i := bytes.IndexByte(b, '\n')
		if i < 0 || len(bytes.TrimSpace(b[:i])) > 0 {
			return b
		}
		b = b[i+1:]
	}
}

// YAMLValue is a YAML node as template values: mappings keep the order
// they were written in (Ordered), as a Python dict does.
func YAMLValue(n *yamlx.Node) any {
	switch n.Kind {
	case yamlx.Map:
		o := Ordered{Keys: n.Keys, Values: make(map[string]any, len(n.Keys))}
		for i, k := range n.Keys {
			o.Values[k] = YAMLValue(n.Vals[i])
		}
		return o
	case yamlx.List:
		l := make([]any, len(n.Items))
		for i, it := range n.Items {
			l[i] = YAMLValue(it)
		}
		return l
	}
	if u, ok := n.Value.(uint64); ok {
		return int64(u)
	}
	return n.Plain()
}
