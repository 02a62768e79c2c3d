package sqlfunc

import (
	"github.com/ncruces/go-sqlite3"
)

// Snowflake's structured MAP is held as its OBJECT is, a JSON object
// whose keys are sorted (snowflake_objects.go): x::map(varchar, variant)
// of an object is the object, a MAP cast to VARIANT or OBJECT is the
// same object. MAP_CAT, MAP_SIZE and MAP_CONTAINS_KEY read it here;
// MAP_KEYS, MAP_INSERT, MAP_DELETE and MAP_PICK are OBJECT_KEYS,
// OBJECT_INSERT, OBJECT_DELETE and OBJECT_PICK.

func init() {
	add(Func{Name: "map_cat_objects", NArgs: 2, Scalar: mapCat},
		Func{Name: "map_size_object", NArgs: 1, Scalar: mapSize},
		Func{Name: "map_contains_key_object", NArgs: 2, Scalar: mapContainsKey})
	rename("map_cat_objects", "map_cat", "snowflake")
	rename("map_size_object", "map_size", "snowflake")
	rename("map_contains_key_object", "map_contains_key", "snowflake")
	rename("object_keys_sorted", "map_keys", "snowflake")
	rename("object_insert_key", "map_insert", "snowflake")
	rename("object_delete_keys", "map_delete", "snowflake")
	rename("object_pick_keys", "map_pick", "snowflake")
}

// mapCat is MAP_CAT(m1, m2): the members of both maps, m2's value where
// both have a key; NULL when either is NULL.
func mapCat(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "MAP_CAT"
	if nullCall(ctx, args) {
		return
	}
	a, ok := objectArg(ctx, fn, args[0])
	if !ok {
		return
	}
	b, ok := objectArg(ctx, fn, args[1])
	if !ok {
		return
	}
	at := map[string]int{}
	for i, m := range a {
		at[m.key] = i
	}
	for _, m := range b {
		if i, ok := at[m.key]; ok {
			a[i].raw = m.raw
			continue
		}
		at[m.key] = len(a)
		a = append(a, m)
	}
	resultObject(ctx, a)
}

// mapSize is MAP_SIZE(m): its number of keys.
func mapSize(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ms, ok := objectArg(ctx, "MAP_SIZE", args[0])
	if ok {
		ctx.ResultInt64(int64(len(ms)))
	}
}

// mapContainsKey is MAP_CONTAINS_KEY(key, m): whether m has the key.
func mapContainsKey(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ms, ok := objectArg(ctx, "MAP_CONTAINS_KEY", args[1])
	if !ok {
		return
	}
	key := args[0].Text()
	for _, m := range ms {
		if m.key == key {
			ctx.ResultBool(true)
			return
		}
	}
	ctx.ResultBool(false)
}
