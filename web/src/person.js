// The person page: everything the built tables know about one resolved
// person, read with plain SQL from the identity, trait, event, membership
// and state tables (wherever the project's config put them). A dbt-nexus
// v0.13 build keeps persons among its entities: nexus_entities, the
// entity_* tables and nexus_relationships are read for entity_type 'person'.

import { h, clear, $, quoteLit, fmtInt } from "./dom.js";
import { Grid, arrayProvider } from "./grid.js";
import { IdentityTools } from "./identitygraph.js";

export class PersonPanel {
  constructor(app, ctl) {
    this.app = app;
    this.ctl = ctl;
    // The person page's identity sections and the split flags on its list.
    this.identity = new IdentityTools(app);
    ctl.on("tables-changed", ({ after }) => {
      this.reset();
      this.identity.refresh(after);
    });
    this.find = $("person-find");
    this.results = $("person-results");
    this.view = $("person-view");
    this.find.addEventListener("input", () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.search(this.find.value.trim()), 200);
    });
  }

  // reset lists the first persons after a build.
  reset() {
    clear(this.view);
    this.search(this.find.value.trim());
  }

  // persons is the relation listing the persons, with a person_id column.
  persons() {
    const rel = this.app.relation("nexus_persons");
    if (rel) return rel;
    const ent = this.app.relation("nexus_entities");
    return ent && `(select entity_id as person_id, * from ${ent} where entity_type = 'person')`;
  }

  async personColumns() {
    const rel = this.persons();
    if (!rel) return null;
    const resp = await this.app.query(`select * from ${rel} limit 0`, 1);
    return resp.ok ? resp.result.columns : null;
  }

  // search lists the persons matching q. Searches overlap (typing while a
  // run ends and lists the persons again): only the latest one writes the
  // list, after its answer, so no person is listed twice.
  async search(q) {
    const seq = (this.seq = (this.seq || 0) + 1);
    const rel = this.persons();
    const cols = rel && (await this.personColumns());
    if (seq !== this.seq) return;
    clear(this.results);
    if (!cols) {
      this.results.appendChild(h("li", { class: "empty" }, "Run the project to build nexus_persons."));
      return;
    }
    const label = ["name", "email", "full_name", "first_name"].filter((c) => cols.includes(c));
    const search = ["person_id", ...label];
    const where = q ? " where " + search.map((c) => `cast("${c}" as text) like ${quoteLit("%" + q + "%")}`).join(" or ") : "";
    const sel = ["person_id", ...label].map((c) => `"${c}"`).join(", ");
    const resp = await this.app.query(`select ${sel} from ${rel}${where} order by ${label.length ? `"${label[0]}" is null, "${label[0]}"` : "person_id"} limit 50`, 50);
    if (seq !== this.seq) return;
    clear(this.results);
    if (!resp.ok) {
      this.results.appendChild(h("li", { class: "error-box" }, resp.error.message));
      return;
    }
    for (const row of resp.result.rows) {
      const id = row[0];
      const text = row.slice(1).filter((v) => v !== null && v !== "").join(" · ") || String(id);
      this.results.appendChild(h("li", { tabindex: "0", title: String(id), dataset: { person: String(id) }, onclick: () => this.open(id) },
        h("span", { class: "pname" }, text), h("span", { class: "pid mono" }, String(id).slice(0, 10))));
    }
    if (!resp.result.rows.length) this.results.appendChild(h("li", { class: "empty" }, "No match"));
    this.identity.markPersons(this.results);
  }

  async open(id) {
    clear(this.view);
    const app = this.app;
    const lit = quoteLit(id);
    const r = (name) => app.relation(name);
    // v0.13's tables, for the person: each gives the c918759 table's columns
    const ent = (name, sql) => { const rel = r(name); return rel && sql(rel); };
    const traits = r("nexus_resolved_person_traits") ||
      ent("nexus_resolved_entity_traits", (t) => `(select entity_id as person_id, trait_name, trait_value, null as source, occurred_at from ${t} where entity_type = 'person')`);
    const edges = r("nexus_person_identifiers_edges") ||
      ent("nexus_entity_identifiers_edges", (t) => `(select * from ${t} where entity_type_a = 'person' and entity_type_b = 'person')`);
    const participants = r("nexus_person_participants") ||
      ent("nexus_entity_participants", (t) => `(select entity_id as person_id, event_id from ${t} where entity_type = 'person')`);
    const relationships = !r("nexus_memberships") && r("nexus_relationships");
    const title = h("h2", null, "Person");
    const head = h("div", { class: "person-head" }, title, h("code", { class: "mono muted" }, String(id)));
    this.view.appendChild(head);
    this.identity.personTools(id, this.view);
    if (this.ctl.changes && r("nexus_resolved_person_identifiers")) this.changes(id);
    if (traits) {
      const names = await app.query(`select trait_name, trait_value from ${traits} where person_id = ${lit} and lower(trait_name) in ('name', 'email') order by lower(trait_name) desc`, 2);
      if (names.ok && names.result.rows.length) title.textContent = names.result.rows.map((row) => String(row[1])).join(" · ");
    }

    const sections = [
      ["Traits", traits &&
        `select trait_name, trait_value, source, occurred_at from ${traits} where person_id = ${lit} order by trait_name, occurred_at desc`],
      ["Identifiers", r("nexus_resolved_person_identifiers") &&
        `select identifier_type, identifier_value, event_id from ${r("nexus_resolved_person_identifiers")} where person_id = ${lit} order by identifier_type, identifier_value`],
      ["Edges that joined them", edges && r("nexus_resolved_person_identifiers") &&
        `select distinct e.identifier_type_a, e.identifier_value_a, e.identifier_type_b, e.identifier_value_b from ${edges} e join ${r("nexus_resolved_person_identifiers")} i on i.identifier_type = e.identifier_type_a and i.identifier_value = e.identifier_value_a where i.person_id = ${lit} and (e.identifier_type_a, e.identifier_value_a) < (e.identifier_type_b, e.identifier_value_b) order by 1, 2, 3, 4`],
      ["Events", participants && r("nexus_events") &&
        `select e.* from ${r("nexus_events")} e where e.event_id in (select event_id from ${participants} where person_id = ${lit}) order by e.occurred_at desc`, "timeline"],
      relationships ? ["Relationships",
        `select relationship_type, entity_a_type, entity_a_id, entity_a_role, entity_b_type, entity_b_id, entity_b_role, is_active, established_at from ${relationships} where entity_a_id = ${lit} or entity_b_id = ${lit} order by established_at desc`] :
      ["Memberships", r("nexus_memberships") &&
        (r("nexus_groups")
          ? `select m.*, g.name as group_name from ${r("nexus_memberships")} m left join ${r("nexus_groups")} g on g.group_id = m.group_id where m.person_id = ${lit} order by m.occurred_at desc`
          : `select * from ${r("nexus_memberships")} where person_id = ${lit} order by occurred_at desc`)],
      ["States", r("nexus_states") &&
        `select state_name, state_value, state_entered_at, state_exited_at, is_current, trigger_event_id from ${r("nexus_states")} where entity_id = ${lit} and entity_type = 'person' order by state_name, state_entered_at`],
    ];
    for (const [title, sql, style] of sections) {
      const box = h("div", { class: "grid-section" });
      const sec = h("section", { class: "person-sec", dataset: { section: title } }, h("h3", null, title), box);
      this.view.appendChild(sec);
      if (!sql) {
        box.appendChild(h("div", { class: "empty" }, "Table not built in this project."));
        continue;
      }
      const resp = await app.query(sql, 500);
      if (!resp.ok) {
        // A project whose tables have other columns gets the message, not a blank.
        box.appendChild(h("div", { class: "error-box" }, resp.error.message));
        continue;
      }
      sec.querySelector("h3").append(h("span", { class: "count" }, fmtInt(resp.result.rows.length)));
      if (style === "timeline") this.timeline(box, resp.result);
      else new Grid(box, arrayProvider(resp.result), { pageSize: 50 }).load();
    }
  }

  // changes says which identifiers joined or left the person in the last
  // run (the engine compares the two runs' resolved identifiers).
  async changes(id) {
    const box = h("div", { class: "person-changes" });
    const sec = h("section", { class: "person-sec", dataset: { section: "Since the previous run" } }, h("h3", null, "Since the previous run"), box);
    const tools = this.view.querySelector(".identity-tools");
    if (tools) tools.before(sec);
    else this.view.appendChild(sec);
    const resp = await this.ctl.personChange(id);
    if (!resp.ok) {
      box.appendChild(h("div", { class: "error-box" }, resp.error ? resp.error.message : "comparison failed"));
      return;
    }
    const c = resp.result;
    if (!c.compared) {
      box.appendChild(h("div", { class: "empty" }, "Not compared: one of the runs has no resolved identifiers table, or it was over the comparison's row cap."));
      return;
    }
    const ident = (pair) => `${pair[0]}:${pair[1]}`;
    const list = (cls, label, items) => h("p", { class: cls, dataset: { list: cls } }, h("b", null, label + " "), items.map((x, i) => [i ? ", " : "", h("code", { class: "mono" }, ident(x))]));
    if (!c.joined.length && !c.left.length) box.appendChild(h("p", { class: "muted", dataset: { list: "none" } }, "No identifier joined or left this person."));
    if (c.joined.length) box.appendChild(list("joined", `Joined (${c.joined.length}):`, c.joined));
    if (c.left.length) box.appendChild(list("left", `Left (${c.left.length}):`, c.left));
    if (!c.was.length) box.appendChild(h("p", { class: "muted" }, "A new person: none of its identifiers was resolved in the previous run."));
    else if (c.was.length > 1 || c.was[0] !== String(id)) {
      box.appendChild(h("p", { class: "muted" }, `In the previous run these identifiers belonged to ${c.was.length === 1 ? "person" : "persons"} ${c.was.join(", ")}.`));
    }
  }

  timeline(box, res) {
    if (!res.rows.length) {
      box.appendChild(h("div", { class: "empty" }, "No events"));
      return;
    }
    const col = (name) => res.columns.indexOf(name);
    const at = col("occurred_at");
    const title = ["event_name", "event_type"].map(col).filter((i) => i >= 0);
    const desc = col("event_description");
    const src = col("source");
    const ul = h("ol", { class: "timeline" });
    for (const row of res.rows.slice(0, 300)) {
      ul.appendChild(h("li", null,
        h("time", { class: "mono" }, at >= 0 && row[at] !== null ? String(row[at]) : ""),
        h("div", { class: "ev" },
          h("b", null, title.map((i) => row[i]).filter((v) => v !== null && v !== "").join(" · ") || "event"),
          src >= 0 && row[src] !== null ? h("span", { class: "tag" }, String(row[src])) : null,
          desc >= 0 && row[desc] !== null ? h("div", { class: "muted" }, String(row[desc])) : null)));
    }
    box.appendChild(ul);
  }
}
