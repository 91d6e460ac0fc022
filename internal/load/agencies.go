package load

import (
	"errors"
	"io/fs"
	"maps"
	"slices"

	"github.com/minhbach/minhbach/internal/agency"
	"github.com/minhbach/minhbach/internal/model"
)

// readAgencies matches every task's lead and support against the agency
// registry, links agencies to the tasks they lead and support, and warns
// about each name the registry cannot read. A site without a registry
// (and no default) keeps its names as written, with no warnings.
func (l *loader) readAgencies(site *model.Site) {
	src, err := fs.ReadFile(l.data, agency.File)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		l.diags.Errorf(agency.File, 0, 0, "cannot read file: %v", err)
		return
	}
	reg := agency.Parse(agency.File, src, l.diags)
	for _, path := range slices.Sorted(maps.Keys(l.localNames)) {
		names := l.localNames[path]
		for i, b := range names.bodies {
			reg.AddBody(b, path, names.file, names.bodyLines[i], l.diags)
		}
		for i, a := range names.aliases {
			reg.AddAlias(a, path, names.file, names.aliasLines[i], l.diags)
		}
	}
	reg.CheckAliases(l.localities, l.diags)
	for _, p := range site.Plans {
		m := mentionsIn(reg, p.Locality.Chain())
		for _, t := range p.Tasks {
			lead, support := m.lead(t.LeadText)
			t.Lead = lead
			t.Support = append(support, m.support(t.SupportText)...)
			l.warnUnknown(t, t.Lead, t.LeadPos)
			l.warnUnknown(t, t.Support, t.SupportPos)
			for _, a := range agenciesOf(t.Lead) {
				a.Led = append(a.Led, t)
			}
			for _, a := range agenciesOf(t.Support) {
				if !slices.Contains(a.Led, t) {
					a.Supported = append(a.Supported, t)
				}
			}
		}
	}
	site.Agencies, site.Kinds = reg.Agencies()
}

// planMentions matches a plan's lead and support fields against the
// registry. A plan names the same agencies in task after task ("UBND xã",
// "Công an xã"), so each text is matched once per plan; every task gets
// its own copy of the mentions.
type planMentions struct {
	reg      *agency.Registry
	chain    []*model.Locality
	leads    map[string][2][]model.Mention // lead field → its lead and support mentions
	supports map[string][]model.Mention
}

func mentionsIn(reg *agency.Registry, chain []*model.Locality) *planMentions {
	return &planMentions{reg: reg, chain: chain, leads: map[string][2][]model.Mention{}, supports: map[string][]model.Mention{}}
}

// lead reads a lead field, which may name who helps too ("X chủ trì, phối
// hợp Y").
func (m *planMentions) lead(text string) (lead, support []model.Mention) {
	ms, ok := m.leads[text]
	if !ok {
		l, s := agency.SplitRoles(text)
		ms = [2][]model.Mention{m.reg.Mentions(l, m.chain), m.reg.Mentions(s, m.chain)}
		m.leads[text] = ms
	}
	return slices.Clone(ms[0]), slices.Clone(ms[1])
}

func (m *planMentions) support(text string) []model.Mention {
	ms, ok := m.supports[text]
	if !ok {
		ms = m.reg.Mentions(text, m.chain)
		m.supports[text] = ms
	}
	return slices.Clone(ms)
}

func (l *loader) warnUnknown(t *model.Task, ms []model.Mention, at model.Pos) {
	if at.Line == 0 {
		at = t.Pos
	}
	for _, m := range ms {
		if m.Unknown() {
			l.diags.Warnf(at.File, at.Line, at.Col,
				"task %s: %q names no agency of %s: add it to the registry as an alias (a misprint as an [[alias]]), or write the name as the registry has it", t.ID, m.Text, agency.File)
		}
	}
}

// agenciesOf returns the distinct agencies of the mentions, in order.
func agenciesOf(ms []model.Mention) []*model.Agency {
	var out []*model.Agency
	for _, m := range ms {
		if m.Agency != nil && !slices.Contains(out, m.Agency) {
			out = append(out, m.Agency)
		}
	}
	return out
}
