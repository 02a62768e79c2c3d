package share_test

import (
	"fmt"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/share"
)

func Example() {
	p := share.Project{
		Files: map[string][]byte{
			"dbt_project.yml":  []byte("name: shop\n"),
			"models/big.sql":   []byte("select * from {{ ref('orders') }} where amount > 10"),
			"seeds/orders.csv": []byte("id,amount\n1,5\n2,20\n"),
		},
		Vars: "{min: 1}",
	}
	frag, err := share.Encode(p, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.HasPrefix(frag, "p1."))
	got, err := share.Decode("http://localhost:8080/#"+frag, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s%s\n", got.Files["models/big.sql"], got.Vars)

	_, err = share.Decode("p1.bm90IGd6aXA", nil)
	fmt.Println(err)
	// Output:
	// true
	// select * from {{ ref('orders') }} where amount > 10{min: 1}
	// the share link is damaged (no compressed data): copy the whole link again, or ask for a new one
}
