package project

// SetVars makes var() in the nodes of package pkg see vars above every
// other layer: values the engine parsed from the project's own vars (the
// nexus package's settings), so its models read one validated form.
func (p *Project) SetVars(pkg string, vars map[string]any) {
	if p.settled == nil {
		p.settled = map[string]map[string]any{}
	}
	p.settled[pkg] = vars
	delete(p.varsFor, pkg)
}
