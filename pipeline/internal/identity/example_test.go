package identity_test

import (
	"fmt"

	"github.com/nexus-playground/nexus/pipeline/internal/identity"
)

// A chain of four identifiers, three steps long: with nexus_max_recursion 2
// the bounded strategy splits it, exact keeps it whole, and the report says
// the bound must be 3.
func Example() {
	b := identity.NewBuilder()
	email := b.Identifier("email", "ada@example.com")
	phone := b.Identifier("phone", "5550100")
	user := b.Identifier("user_id", "u1")
	device := b.Identifier("device_id", "d9")
	b.Row(email, phone)
	b.Row(phone, user)
	b.Row(user, device)
	g := b.Build()

	name := func(id int32) string { t, v := g.Identifier(id); return t + ":" + v }
	bounded, exact := g.Resolve(identity.Bounded, 2), g.Resolve(identity.Exact, 0)
	for _, id := range []int32{email, phone, user, device} {
		fmt.Printf("%-22s bounded %-18s exact %s\n", name(id), name(bounded[id]), name(exact[id]))
	}
	r := g.Compare(2)
	fmt.Printf("components %d, entities %d, split %d, bound needed %d\n",
		r.ExactComponents, r.BoundedEntities, r.SplitComponents, r.DepthForExact)
	for _, id := range g.ShortestPath(email, device) {
		fmt.Print(name(id), " ")
	}
	fmt.Println()
	// Output:
	// email:ada@example.com  bounded email:ada@example.com exact device_id:d9
	// phone:5550100          bounded device_id:d9       exact device_id:d9
	// user_id:u1             bounded device_id:d9       exact device_id:d9
	// device_id:d9           bounded device_id:d9       exact device_id:d9
	// components 1, entities 2, split 1, bound needed 3
	// email:ada@example.com phone:5550100 user_id:u1 device_id:d9
}
