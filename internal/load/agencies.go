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
	memo := l.cache.mentionMemo(registrySum(src, l.localities))
	byLocality := map[*model.Locality]*mentions{}
	for _, p := range site.Plans {
		m := byLocality[p.Locality]
		if m == nil {
			m = newMentions(reg, p.Locality, l.localities, memo)
			byLocality[p.Locality] = m
		}
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
	memo.done()
	// Matching a name meets every agency an alias of it could mean, not
	// only the one it picks: the site lists only those a task names.
	agencies, kinds := reg.Agencies()
	site.Agencies = slices.DeleteFunc(agencies, unnamed)
	for _, k := range kinds {
		k.Agencies = slices.DeleteFunc(k.Agencies, unnamed)
	}
	site.Kinds = kinds
}

func unnamed(a *model.Agency) bool { return len(a.Led)+len(a.Supported) == 0 }

// mentions matches the lead and support fields of one locality's plans
// against the registry. Its plans name the same agencies in task after
// task ("UBND xã", "Công an xã"), so each text is matched once; every task
// gets its own copy of the mentions. In serve, a text the last load
// matched in the locality is taken from the memo instead.
type mentions struct {
	reg        *agency.Registry
	chain      []*model.Locality
	localities map[string]*model.Locality
	leads      map[string][2][]model.Mention // lead field → its lead and support mentions
	supports   map[string][]model.Mention
	last, next savedMentions
}

func newMentions(reg *agency.Registry, loc *model.Locality, localities map[string]*model.Locality, memo *mentionMemo) *mentions {
	m := &mentions{reg: reg, chain: loc.Chain(), localities: localities,
		leads: map[string][2][]model.Mention{}, supports: map[string][]model.Mention{}}
	m.last, m.next = memo.of(loc.Path)
	return m
}

// lead reads a lead field, which may name who helps too ("X chủ trì, phối
// hợp Y").
func (m *mentions) lead(text string) (lead, support []model.Mention) {
	ms, ok := m.leads[text]
	if !ok {
		saved, ok := m.last.leads[text]
		if ok {
			ms[0], ok = m.restore(saved[0])
		}
		if ok {
			ms[1], ok = m.restore(saved[1])
		}
		if !ok {
			l, s := agency.SplitRoles(text)
			ms = [2][]model.Mention{m.reg.Mentions(l, m.chain), m.reg.Mentions(s, m.chain)}
		}
		m.leads[text] = ms
		if m.next.leads != nil {
			m.next.leads[text] = [2][]savedMention{save(ms[0]), save(ms[1])}
		}
	}
	return slices.Clone(ms[0]), slices.Clone(ms[1])
}

func (m *mentions) support(text string) []model.Mention {
	ms, ok := m.supports[text]
	if !ok {
		saved, ok := m.last.supports[text]
		if ok {
			ms, ok = m.restore(saved)
		}
		if !ok {
			ms = m.reg.Mentions(text, m.chain)
		}
		m.supports[text] = ms
		if m.next.supports != nil {
			m.next.supports[text] = save(ms)
		}
	}
	return slices.Clone(ms)
}

// restore turns saved mentions into this load's, or reports that an
// agency is no longer there.
func (m *mentions) restore(saved []savedMention) ([]model.Mention, bool) {
	var out []model.Mention
	for _, s := range saved {
		ms := model.Mention{Text: s.text, Group: s.group, Reviewed: s.reviewed}
		if s.agency != "" {
			if ms.Agency = m.reg.Agency(s.agency, m.localities); ms.Agency == nil {
				return nil, false
			}
		}
		out = append(out, ms)
	}
	return out, true
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
