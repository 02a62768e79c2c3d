// Package gen writes projects shaped like samples/demo at any size, for
// benchmarks: the sample's dbt_project.yml, models and macros as they are,
// and new seeds with the same columns holding as many persons as asked.
//
// The identifiers overlap the way source data does: a work email appears in
// the app, the inbox, the calendar and billing; a billing customer is known
// by phone while its invoices go to a private address; serial founders link
// shop after shop through chains of accounts several hops long; an invoice
// sent to a colleague bridges two people; and a few shared support@ inboxes
// of bookkeeping firms receive the invoices of many customers (hubs).
// The output depends only on Options: the same seed gives the same bytes.
package gen

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Options choose the size and the randomness of a generated project.
type Options struct {
	// Persons is the number of real people behind the data (internal staff
	// and test accounts not counted).
	Persons int
	// Seed makes the output reproducible.
	Seed uint64
	// Sample is the project whose dbt_project.yml, models/ and macros/ are
	// copied and whose seeds' columns are kept (samples/demo).
	Sample fs.FS
}

// Seed files and their columns, as in samples/demo/seeds.
var seedColumns = map[string][]string{
	"gadget_shops":           {"shop_id", "shop_name", "custom_domain", "myshopify_domain", "owner_user_id", "owner_phone", "plan_name", "installed_at", "synced_at"},
	"gadget_users":           {"user_id", "shop_id", "email", "first_name", "last_name", "role", "joined_at", "synced_at"},
	"gmail_messages":         {"message_id", "thread_id", "sent_at", "from_email", "from_name", "to_emails", "cc_emails", "subject", "synced_at"},
	"google_calendar_events": {"event_id", "summary", "start_at", "end_at", "organizer_email", "attendees", "updated_at"},
	"stripe_customers":       {"customer_id", "email", "name", "phone", "business_name", "address_country", "metadata", "created_at", "synced_at"},
	"stripe_invoices":        {"invoice_id", "customer_id", "customer_email", "amount_due", "currency", "status", "created_at", "paid_at", "synced_at"},
	"stripe_subscriptions":   {"subscription_id", "customer_id", "plan", "trial_start", "trial_end", "started_at", "ended_at", "synced_at"},
}

// Generate returns the files of the project, keyed by slash-separated path.
func Generate(opts Options) (map[string][]byte, error) {
	if opts.Persons < 1 {
		return nil, fmt.Errorf("persons must be at least 1, got %d", opts.Persons)
	}
	if opts.Sample == nil {
		return nil, fmt.Errorf("no sample project to copy (samples/demo)")
	}
	files := map[string][]byte{}
	if err := copySample(opts.Sample, files); err != nil {
		return nil, err
	}
	g := newGenerator(opts)
	g.run()
	for name, rows := range g.tables() {
		cols := seedColumns[name]
		if err := checkColumns(opts.Sample, name, cols); err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Write(cols)
		w.WriteAll(rows)
		if err := w.Error(); err != nil {
			return nil, err
		}
		files["seeds/"+name+".csv"] = buf.Bytes()
	}
	return files, nil
}

// copySample copies dbt_project.yml, models/ and macros/.
func copySample(sample fs.FS, files map[string][]byte) error {
	data, err := fs.ReadFile(sample, "dbt_project.yml")
	if err != nil {
		return fmt.Errorf("sample project: %w", err)
	}
	files["dbt_project.yml"] = data
	for _, dir := range []string{"models", "macros"} {
		err := fs.WalkDir(sample, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(sample, p)
			if err != nil {
				return err
			}
			files[p] = data
			return nil
		})
		if err != nil {
			return fmt.Errorf("sample project: %w", err)
		}
	}
	return nil
}

// checkColumns makes sure the sample's seed has the columns generated, so
// that its models read the new data as they read the old.
func checkColumns(sample fs.FS, name string, cols []string) error {
	data, err := fs.ReadFile(sample, path.Join("seeds", name+".csv"))
	if err != nil {
		return fmt.Errorf("sample project has no seed %s: %w", name, err)
	}
	header, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))).Read()
	if err != nil {
		return fmt.Errorf("sample seed %s: %w", name, err)
	}
	if strings.Join(header, ",") != strings.Join(cols, ",") {
		return fmt.Errorf("sample seed %s has columns %s; the generator writes %s", name, strings.Join(header, ","), strings.Join(cols, ","))
	}
	return nil
}

type person struct {
	id          int
	first, last string
	private     string // private email, "" if none
	phone       string // digits, "" if none
	// last shop this person founded, for serial founders' chains.
	lastShop *company
}

type member struct {
	p     *person
	email string // work email at this company
	phone string // phone used here (digits), "" if none
}

type company struct {
	idx      int
	name     string
	domain   string
	shop     bool
	shopID   int
	members  []member
	created  time.Time
	customer *customer
}

type customer struct {
	id      string
	email   string // "" when billing knows only the phone
	phone   string
	created time.Time
	// invoiceTo is where invoices go by default; forward, when set, is where
	// the later ones go (the founder's address at the next shop).
	invoiceTo, forward string
	// until, when set, ends the subscription: the founder moved on to the
	// next shop then.
	until time.Time
	// oneOff customers have invoices but no subscription.
	oneOff bool
}

type generator struct {
	r         *rand.Rand
	n         int
	people    []*person
	companies []*company
	hubs      []string
	nextUser  int

	shops, users, messages, calendar, customers, invoices, subs [][]string
	message, thread, meeting, invoice                           int
}

func newGenerator(opts Options) *generator {
	return &generator{r: rand.New(rand.NewPCG(opts.Seed, uint64(opts.Persons))), n: opts.Persons, nextUser: 5001}
}

func (g *generator) tables() map[string][][]string {
	return map[string][][]string{
		"gadget_shops": g.shops, "gadget_users": g.users, "gmail_messages": g.messages,
		"google_calendar_events": g.calendar, "stripe_customers": g.customers,
		"stripe_invoices": g.invoices, "stripe_subscriptions": g.subs,
	}
}

var (
	firstNames = []string{"Dana", "Marco", "Aisha", "Felix", "Hannah", "Ravi", "June", "Lucia", "Owen", "Mia",
		"Noah", "Emma", "Liam", "Olivia", "Ava", "Ethan", "Sofia", "Mateo", "Yuki", "Amara", "Chen", "Priya",
		"Lars", "Ingrid", "Tomas", "Elena", "Kofi", "Zara", "Diego", "Nina", "Omar", "Leila", "Ivan", "Greta",
		"Sam", "Rosa", "Kai", "Maya", "Hugo", "Ines"}
	lastNames = []string{"Kim", "Ruiz", "Bello", "Wagner", "Cole", "Patel", "Park", "Romano", "Price", "Santos",
		"Smith", "Garcia", "Nguyen", "Müller", "Rossi", "Tanaka", "Okafor", "Silva", "Johansson", "Novak",
		"Dubois", "Khan", "Costa", "Fischer", "Moreau", "Singh", "Lopez", "Berg", "Ali", "Walsh"}
	adjectives = []string{"northwind", "bluebell", "kestrel", "pinecone", "saffron", "harbour", "copper",
		"juniper", "maple", "silver", "amber", "cedar", "willow", "granite", "meadow", "lantern", "fable",
		"orchid", "tidal", "summit"}
	nouns = []string{"coffee", "ceramics", "outdoor", "press", "salt", "light", "goods", "studio", "supply",
		"works", "botanics", "apparel", "kitchen", "books", "cycles", "tea", "candles", "leather", "toys", "optics"}
	tlds            = []string{".com", ".com", ".com", ".co", ".net", ".org", ".io", ".de", ".co.uk"}
	genericDomains  = []string{"gmail.com", "fastmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me"}
	staff           = [][2]string{{"erin@lumenhq.com", "Erin Walsh"}, {"tom@lumen.dev", "Tom Eriksen"}, {"billing@lumenhq.com", "Lumen Billing"}}
	plans           = []string{"Basic", "Shopify", "Advanced", "Shopify Plus"}
	stripePlans     = []string{"starter", "growth", "scale"}
	planAmounts     = map[string]int{"starter": 4900, "growth": 9900, "scale": 29900}
	countries       = []string{"US", "GB", "DE", "FR", "CA", "AU", "NL", "SE"}
	responseStatus  = []string{"accepted", "accepted", "accepted", "tentative", "needsAction", "declined"}
	subjects        = []string{"Question about product sync", "Bulk export keeps timing out", "Trial questions", "Onboarding call?", "Variant images missing", "Webhook retries", "Pausing our plan", "New staff seat", "Annual plan?", "Invoice address", "Do you support Etsy stores?", "Receipt for this month"}
	meetingSubjects = []string{"onboarding", "kickoff", "quarterly review", "product sync review", "trial check-in", "plan call", "demo"}
	base            = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	// end is the last moment data may carry: the sources were synced just
	// after it.
	end = time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC)
)

const synced = "2025-06-30T23:00:00Z"

func ts(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }
func (g *generator) chance(p float64) bool     { return g.r.Float64() < p }

// when is a random moment of the 18 months the data covers, on the minute.
func (g *generator) when() time.Time {
	return base.Add(time.Duration(g.r.IntN(500*24*60)) * time.Minute)
}

func (g *generator) newPerson() *person {
	p := &person{id: len(g.people), first: g.pick(firstNames), last: g.pick(lastNames)}
	if g.chance(0.4) {
		p.private = fmt.Sprintf("%s.%s.%d@%s", strings.ToLower(p.first), asciiLower(p.last), p.id, g.pick(genericDomains))
	}
	if g.chance(0.7) {
		p.phone = phoneDigits(p.id)
	}
	g.people = append(g.people, p)
	return p
}

// phoneDigits is a number unique to a person (or to a business line).
func phoneDigits(i int) string {
	return fmt.Sprintf("1%03d555%04d", 201+i/10000%799, i%10000)
}

// formatPhone writes digits the ways people type them; all reduce to the
// same digits.
func (g *generator) formatPhone(d string) string {
	if len(d) != 11 {
		return "+" + d
	}
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("+%s (%s) %s-%s", d[:1], d[1:4], d[4:7], d[7:])
	case 1:
		return fmt.Sprintf("+%s %s %s %s", d[:1], d[1:4], d[4:7], d[7:])
	}
	return "+" + d
}

func asciiLower(s string) string {
	return strings.NewReplacer("ü", "ue", "ö", "oe", "ä", "ae").Replace(strings.ToLower(s))
}

// caseVariant sometimes writes an email with capitals, as users type it;
// the source models lower-case emails, so both meet.
func (g *generator) caseVariant(email string) string {
	if !g.chance(0.05) {
		return email
	}
	at := strings.IndexByte(email, '@')
	return strings.ToUpper(email[:1]) + email[1:at+1] + strings.ToUpper(email[at+1:at+2]) + email[at+2:]
}

func (g *generator) companySize() int {
	switch p := g.r.IntN(100); {
	case p < 35:
		return 1
	case p < 60:
		return 2
	case p < 80:
		return 3
	case p < 90:
		return 4
	default:
		return 5 + g.r.IntN(4)
	}
}

func (g *generator) run() {
	// A few bookkeeping firms' shared inboxes receive invoices of many
	// customers: hubs that join whoever they touch.
	for i := range 3 + g.n/2000 {
		g.hubs = append(g.hubs, fmt.Sprintf("support@%s-books-%d.com", g.pick(adjectives), i))
	}
	var founders []*person
	for len(g.people) < g.n {
		c := &company{idx: len(g.companies), created: g.when(), shop: g.chance(0.65)}
		adj, noun := g.pick(adjectives), g.pick(nouns)
		suffix := strconv.FormatInt(int64(c.idx), 36)
		c.name = title(adj) + " " + title(noun) + " " + strings.ToUpper(suffix)
		c.domain = adj + "-" + noun + "-" + suffix + g.pick(tlds)
		size := g.companySize()
		used := map[string]bool{}
		for i := range size {
			var p *person
			phone := ""
			// A serial founder opens another shop: a new work email and a new
			// business line, linked to the previous shop only through billing.
			var next time.Time
			if i == 0 && c.shop && len(founders) > 0 && g.chance(0.06) {
				p = founders[g.r.IntN(len(founders))]
				// The next shop opens after the previous one, whose billing
				// ends then, so one person never pays for two at once.
				next = p.lastShop.created.Add(time.Duration(60+g.r.IntN(120)) * 24 * time.Hour)
			}
			if !next.IsZero() && next.Before(end.AddDate(0, -1, 0)) {
				c.created = next
				phone = phoneDigits(1_000_000 + c.idx)
			} else {
				if len(g.people) >= g.n && i > 0 {
					break
				}
				p = g.newPerson()
				phone = p.phone
			}
			local := strings.ToLower(p.first)
			if used[local] || g.chance(0.3) {
				local += "." + asciiLower(p.last)
			}
			for used[local] {
				local += strconv.Itoa(i)
			}
			used[local] = true
			c.members = append(c.members, member{p: p, email: local + "@" + c.domain, phone: phone})
		}
		if c.shop {
			owner := c.members[0].p
			if prev := owner.lastShop; prev != nil && prev.customer != nil {
				prev.customer.forward = c.members[0].email
				prev.customer.until = c.created
			}
			owner.lastShop = c
			founders = append(founders, owner)
		}
		g.billing(c)
		g.companies = append(g.companies, c)
	}
	for _, c := range g.companies {
		g.emit(c)
	}
}

// before keeps a time within the data's range.
func before(t time.Time) time.Time {
	if t.After(end) {
		return end
	}
	return t
}

func title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// billing decides whether a company pays and how billing knows its owner.
func (g *generator) billing(c *company) {
	if !g.chance(map[bool]float64{true: 0.85, false: 0.25}[c.shop]) {
		return
	}
	owner := c.members[0]
	cu := &customer{id: fmt.Sprintf("cus_%s%04d", strconv.FormatInt(int64(c.idx), 36), g.r.IntN(10000)), created: c.created.Add(time.Duration(g.r.IntN(20*24)) * time.Hour)}
	switch p := g.r.IntN(100); {
	case p < 20 && owner.phone != "":
		// Known by phone only; invoices go to a private address.
		cu.phone = owner.phone
		cu.invoiceTo = owner.email
		if owner.p.private != "" {
			cu.invoiceTo = owner.p.private
		}
	case p < 40 && owner.p.private != "":
		cu.email = owner.p.private
		cu.invoiceTo = owner.p.private
	default:
		cu.email = owner.email
		cu.invoiceTo = owner.email
		if owner.phone != "" && g.chance(0.5) {
			cu.phone = owner.phone
		}
	}
	// Bridges and hubs: invoices sent to a colleague who handles finance, or
	// to a bookkeeping firm's shared inbox.
	switch p := g.r.IntN(1000); {
	case p < 15:
		// One-off invoices (setup, migration) paid through the firm: no
		// subscription, so the persons a hub joins never hold two
		// subscriptions at once.
		cu.invoiceTo = g.hubs[g.r.IntN(len(g.hubs))]
		cu.oneOff = true
	case p < 100 && len(c.members) > 1:
		cu.invoiceTo = c.members[1+g.r.IntN(len(c.members)-1)].email
	}
	c.customer = cu
}

func (g *generator) emit(c *company) {
	if c.shop {
		c.shopID = 100 + c.idx
		owner := c.members[0]
		ownerID := g.nextUser
		custom := c.domain
		if g.chance(0.2) {
			custom = ""
		} else if g.chance(0.1) {
			custom = "www." + custom
		}
		phone := ""
		if owner.phone != "" && g.chance(0.85) {
			phone = g.formatPhone(owner.phone)
		}
		g.shops = append(g.shops, []string{strconv.Itoa(c.shopID), c.name, custom,
			strings.ReplaceAll(strings.ToLower(c.name), " ", "-") + ".myshopify.com",
			strconv.Itoa(ownerID), phone, g.pick(plans), ts(c.created), synced})
		for i, m := range c.members {
			role := "staff"
			if i == 0 {
				role = "owner"
			}
			g.users = append(g.users, []string{strconv.Itoa(g.nextUser), strconv.Itoa(c.shopID), g.caseVariant(m.email),
				m.p.first, m.p.last, role, ts(before(c.created.Add(time.Duration(i*g.r.IntN(30*24)) * time.Hour))), synced})
			g.nextUser++
		}
		// Our own staff and test accounts appear now and then; the source
		// models drop them.
		if g.chance(0.03) {
			g.users = append(g.users, []string{strconv.Itoa(g.nextUser), strconv.Itoa(c.shopID), staff[0][0], "Erin", "Walsh", "collaborator", ts(c.created), synced})
			g.nextUser++
		}
		if g.chance(0.01) {
			g.users = append(g.users, []string{strconv.Itoa(g.nextUser), strconv.Itoa(c.shopID), "test@example.com", "Test", "Account", "staff", ts(c.created), synced})
			g.nextUser++
		}
	}
	if cu := c.customer; cu != nil {
		g.emitBilling(c, cu)
	}
	for _, m := range c.members {
		g.emitMail(c, m)
	}
	for range g.r.IntN(3) {
		g.emitMeeting(c)
	}
}

func (g *generator) emitBilling(c *company, cu *customer) {
	owner := c.members[0]
	meta := "{}"
	if c.shop {
		meta = fmt.Sprintf(`{"gadget_shop_id": "%d"}`, c.shopID)
	}
	phone := ""
	if cu.phone != "" {
		phone = g.formatPhone(cu.phone)
	}
	g.customers = append(g.customers, []string{cu.id, cu.email, owner.p.first + " " + owner.p.last, phone,
		c.name, g.pick(countries), meta, ts(cu.created), synced})
	plan := g.pick(stripePlans)
	trial := g.chance(0.6)
	start := cu.created
	sub := []string{"sub_" + cu.id[4:], cu.id, plan, "", "", "", "", synced}
	stop := end
	if !cu.until.IsZero() {
		stop = cu.until
	}
	if trial {
		sub[3] = ts(start)
		start = start.Add(14 * 24 * time.Hour)
		if start.After(stop) {
			start = stop
		}
		sub[4] = ts(start)
	}
	months := 1 + g.r.IntN(8)
	for months > 0 && start.AddDate(0, months-1, 0).After(stop) {
		months--
	}
	switch {
	case months == 0 || trial && g.chance(0.15):
		months = 0 // never converted
	default:
		sub[5] = ts(start)
		if !cu.until.IsZero() {
			sub[6] = ts(cu.until)
		} else if g.chance(0.2) && start.AddDate(0, months, 0).Before(end) {
			sub[6] = ts(start.AddDate(0, months, 0))
		}
	}
	if cu.oneOff {
		months = 1 + g.r.IntN(3)
	} else {
		g.subs = append(g.subs, sub)
	}
	for i := range months {
		g.invoice++
		created := start.AddDate(0, i, 0)
		if created.After(stop) {
			break
		}
		to := cu.invoiceTo
		if cu.forward != "" && i >= months/2 {
			to = cu.forward
		}
		status, paid := "paid", ts(created.Add(time.Duration(1+g.r.IntN(120))*time.Minute))
		switch p := g.r.IntN(100); {
		case p < 8:
			status, paid = "open", ""
		case p < 10:
			status, paid = "void", ""
		}
		g.invoices = append(g.invoices, []string{fmt.Sprintf("in_%06d", g.invoice), cu.id, to,
			strconv.Itoa(planAmounts[plan]), "usd", status, ts(created), paid, synced})
	}
}

func jsonList(emails []string) string {
	if len(emails) == 0 {
		return "[]"
	}
	parts := make([]string, len(emails))
	for i, e := range emails {
		b, _ := json.Marshal(e)
		parts[i] = string(b)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// emitMail writes a member's support threads: a question from the work or
// private address, copied to a colleague now and then, and our reply.
func (g *generator) emitMail(c *company, m member) {
	name := m.p.first + " " + m.p.last
	for range g.r.IntN(3) {
		g.thread++
		from := m.email
		if m.p.private != "" && g.chance(0.2) {
			from = m.p.private
		}
		s := staff[g.r.IntN(len(staff))]
		var cc []string
		if len(c.members) > 1 && g.chance(0.2) {
			if o := c.members[g.r.IntN(len(c.members))]; o.email != m.email {
				cc = append(cc, o.email)
			}
		}
		sent := g.when()
		subject := g.pick(subjects)
		g.message++
		g.messages = append(g.messages, []string{fmt.Sprintf("m%06d", g.message), fmt.Sprintf("t%06d", g.thread), ts(sent),
			g.caseVariant(from), name, jsonList([]string{s[0]}), jsonList(cc), subject, synced})
		if g.chance(0.7) {
			g.message++
			g.messages = append(g.messages, []string{fmt.Sprintf("m%06d", g.message), fmt.Sprintf("t%06d", g.thread), ts(sent.Add(time.Duration(5+g.r.IntN(600)) * time.Minute)),
				s[0], s[1], jsonList([]string{from}), jsonList(cc), "Re: " + subject, synced})
		}
	}
	if g.chance(0.005) {
		g.message++
		g.thread++
		g.messages = append(g.messages, []string{fmt.Sprintf("m%06d", g.message), fmt.Sprintf("t%06d", g.thread), ts(g.when()),
			"test@example.com", "Test", jsonList([]string{staff[0][0]}), "[]", "test message please ignore", synced})
	}
}

type attendee struct {
	Email          string `json:"email"`
	DisplayName    string `json:"displayName"`
	ResponseStatus string `json:"responseStatus"`
}

func (g *generator) emitMeeting(c *company) {
	g.meeting++
	s := staff[g.r.IntN(2)]
	list := []attendee{{s[0], s[1], "accepted"}}
	seen := map[string]bool{}
	for range 1 + g.r.IntN(min(3, len(c.members))) {
		m := c.members[g.r.IntN(len(c.members))]
		if seen[m.email] {
			continue
		}
		seen[m.email] = true
		list = append(list, attendee{m.email, m.p.first + " " + m.p.last, g.pick(responseStatus)})
	}
	parts := make([]string, len(list))
	for i, a := range list {
		e, _ := json.Marshal(a.Email)
		n, _ := json.Marshal(a.DisplayName)
		parts[i] = fmt.Sprintf(`{"email": %s, "displayName": %s, "responseStatus": "%s"}`, e, n, a.ResponseStatus)
	}
	start := g.when().Truncate(30 * time.Minute)
	g.calendar = append(g.calendar, []string{fmt.Sprintf("cal%06d", g.meeting), strings.SplitN(c.name, " ", 3)[0] + " " + g.pick(meetingSubjects),
		ts(start), ts(start.Add(time.Duration(15+15*g.r.IntN(4)) * time.Minute)), s[0], "[" + strings.Join(parts, ", ") + "]", synced})
}

// Files lists the generated paths in order, for writing them out.
func Files(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
