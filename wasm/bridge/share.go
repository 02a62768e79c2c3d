package bridge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/pipeline/share"
)

// ShareArgs are the fields of the share, import and export operations
// Binary data travels as base64 in the JSON.
type ShareArgs struct {
	// Fragment is a share link or its fragment (share.decode).
	Fragment string `json:"fragment,omitempty"`
	// Sample and SampleFiles are the sample the project started from
	// (share.encode) or the one an s1 link names (share.decode).
	Sample      string            `json:"sample,omitempty"`
	SampleFiles map[string]string `json:"sample_files,omitempty"`
	// Vars is the vars text of the project.
	Vars string `json:"vars,omitempty"`
	// Dialect is the page's warehouse choice, carried by the link.
	Dialect string `json:"dialect,omitempty"`
	// Data is an uploaded zip (share.readzip).
	Data []byte `json:"data,omitempty"`
	// Raw are the files of a dropped folder, by path under the folder
	// (share.readfolder), or CSV files to add as seeds (share.check).
	Raw map[string][]byte `json:"raw,omitempty"`
	// Sizes are the names and sizes of a folder's files, to screen before
	// reading them (share.screen).
	Sizes map[string]int64 `json:"sizes,omitempty"`
	// Folder is the top folder of a written zip (share.writezip).
	Folder string `json:"folder,omitempty"`
}

// ShareResult answers the share operations; only the fields an operation
// fills are sent.
type ShareResult struct {
	Fragment string            `json:"fragment,omitempty"`
	TooLarge bool              `json:"too_large,omitempty"`
	Message  string            `json:"message,omitempty"`
	Files    map[string]string `json:"files,omitempty"`
	Vars     string            `json:"vars,omitempty"`
	Dialect  string            `json:"dialect,omitempty"`
	Sample   string            `json:"sample,omitempty"`
	Data     []byte            `json:"data,omitempty"`
	// Warnings name what an exported project calls that dbt-nexus lacks.
	Warnings []string `json:"warnings,omitempty"`
	// Read lists the files of a folder worth reading (share.screen).
	Read []string `json:"read,omitempty"`
	// Left names the files an import left out, unread, as of another kind
	// than a project's (a licence, images, scripts).
	Left []string `json:"left,omitempty"`
}

// isShareOp tells whether op is served by serveShare.
func isShareOp(op string) bool { return strings.HasPrefix(op, "share.") }

func (b *Bridge) serveShare(ctx context.Context, req Request) (any, error) {
	a := req.Share
	if a == nil {
		a = &ShareArgs{}
	}
	switch req.Op {
	case "share.encode":
		var base *share.Base
		if a.Sample != "" {
			base = &share.Base{Name: a.Sample, Files: toBytes(a.SampleFiles)}
		}
		frag, err := share.Encode(share.Project{Files: toBytes(req.Files), Vars: a.Vars, Dialect: a.Dialect}, base)
		var tl *share.TooLargeError
		if errors.As(err, &tl) {
			return ShareResult{TooLarge: true, Message: tl.Error()}, nil
		}
		if err != nil {
			return nil, err
		}
		return ShareResult{Fragment: frag}, nil
	case "share.decode":
		var samples fstest.MapFS
		if a.Sample != "" {
			samples = fstest.MapFS{}
			for name, text := range a.SampleFiles {
				samples[a.Sample+"/"+name] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
			}
		}
		var p share.Project
		var err error
		if samples != nil {
			p, err = share.Decode(a.Fragment, samples)
		} else {
			p, err = share.Decode(a.Fragment, nil)
		}
		if err != nil {
			return nil, err
		}
		return ShareResult{Files: toText(p.Files), Vars: p.Vars, Dialect: p.Dialect, Sample: p.Sample}, nil
	case "share.readzip":
		files, left, err := share.ReadZip(bytes.NewReader(a.Data), int64(len(a.Data)))
		if err != nil {
			return nil, err
		}
		return ShareResult{Files: toText(files), Left: left}, nil
	case "share.screen":
		read, left, err := share.Screen(a.Sizes)
		if err != nil {
			return nil, err
		}
		return ShareResult{Read: read, Left: left}, nil
	case "share.readfolder":
		fsys := fstest.MapFS{}
		for name, data := range a.Raw {
			if !validName(name) {
				return nil, &share.ArchiveError{Entry: name, Problem: "not a relative path inside the folder"}
			}
			fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		}
		files, left, err := share.ReadFolder(fsys)
		if err != nil {
			return nil, err
		}
		return ShareResult{Files: toText(files), Left: left}, nil
	case "share.check":
		if err := share.Check(a.Raw); err != nil {
			return nil, err
		}
		return ShareResult{Files: toText(a.Raw)}, nil
	case "share.writezip":
		var buf bytes.Buffer
		own := toBytes(req.Files)
		files := share.ForWarehouse(own, string(req.Dialect))
		if err := share.WriteZip(&buf, files, a.Folder); err != nil {
			return nil, err
		}
		return ShareResult{Data: buf.Bytes(), Warnings: share.ExportWarnings(own)}, nil
	case "share.database":
		sess, err := b.session(ctx)
		if err != nil {
			return nil, err
		}
		data, err := databaseZip(sess)
		if err != nil {
			return nil, err
		}
		return ShareResult{Data: data}, nil
	}
	return nil, fmt.Errorf("unknown operation %q", req.Op)
}

// validName accepts a slash-separated relative path; the share package
// checks the rest and names the entry.
func validName(name string) bool {
	return name != "" && !strings.HasPrefix(name, "/") && path.Clean(name) == name && name != "." && !strings.HasPrefix(name, "../")
}

func toBytes(m map[string]string) map[string][]byte {
	out := make(map[string][]byte, len(m))
	for k, v := range m {
		out[k] = []byte(v)
	}
	return out
}

func toText(m map[string][]byte) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = string(v)
	}
	return out
}

// DatabaseReadme explains the database download.
const DatabaseReadme = `This is the database the Nexus Playground built, in the layout the nexus
command uses for a file database: nexus.db is the main schema, and each
other dbt schema is its own file beside it, nexus.<schema>.db, listed in
nexus.db's _nexus_schemas table.

    nexus query --db nexus.db "select * from <schema>.<table> limit 10"

The sqlite3 shell opens one file at a time; attach the schemas to query
across them (views in one schema read tables in the others):

    sqlite3 nexus.db
    sqlite> ATTACH 'nexus.<schema>.db' AS <schema>;
`

// databaseZip zips the session's database as the nexus command lays a
// file database out (nexus.db, nexus.<schema>.db) with a README.
func databaseZip(sess *pipeline.Session) ([]byte, error) {
	files, err := sess.DatabaseFiles("nexus")
	if err != nil {
		return nil, err
	}
	files["README.txt"] = []byte(DatabaseReadme)
	var buf bytes.Buffer
	if err := share.WriteFiles(&buf, files); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
