package agency

import (
	"strings"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vnfold"
)

// File is where a site keeps its registry, relative to the site folder.
const File = "data/agencies.toml"

// Registry is the agency registry of data/agencies.toml: kinds of body that
// every locality of a level has, bodies of their own, and aliases scoped to
// a locality. It turns the names in a task's fields into mentions of
// agencies, and collects the agencies it has met; it is not safe for
// concurrent use.
type Registry struct {
	kinds    map[string]*kind
	bodies   map[string]*body
	aliases  []aliasEntry
	index    map[string][]*entry // by first token, longest first
	agencies map[string]*model.Agency
	order    []*kind
	names    map[*model.Locality]localityWords // read once each, see localityWords
}

// kind is a [[kind]] of the registry.
type kind struct {
	model  *model.AgencyKind
	levels map[model.Level]bool
}

// body is an [[agency]] of the registry.
type body struct {
	id, name, scope string
}

// entry is one alias, tokenised, and what it stands for.
type entry struct {
	tokens []string
	kind   *kind  // a kind's alias: the agency is the kind's in a locality of the chain
	unit   string // the unit word the alias names ("thanh pho"); "" picks the deepest level of the kind
	named  bool   // the alias ends with the locality's name
	body   *body  // a body's alias
	scope  string // the alias applies in this locality and below; "" everywhere
	target string // an [[alias]]: the agency id it means; "" with group or as written
	group  bool
	alias  bool // an [[alias]] entry, which wins over a kind's alias of the same length
}

type fileData struct {
	Kind   []kindData `toml:"kind"`
	Agency []Body     `toml:"agency"`
}

type kindData struct {
	ID      string   `toml:"id"`
	Name    string   `toml:"name"`
	Levels  []string `toml:"levels"`
	Aliases []string `toml:"aliases"`
}

// Body is an [[agency]]: a national body in data/agencies.toml, or a
// locality's own in the front matter of its _index.md.
type Body struct {
	ID      string   `toml:"id"`
	Name    string   `toml:"name"`
	Aliases []string `toml:"aliases"`
}

// Alias is an [[alias]] in a locality's _index.md: a name as the
// locality's documents write it, often a misprint, and what it means.
type Alias struct {
	Text   string `toml:"text"`
	Agency string `toml:"agency"` // "<kind id>/<locality path>" or an [[agency]] id
	Group  bool   `toml:"group"`
	Note   string `toml:"note"` // for the editors: why the name reads so
}

type aliasEntry struct {
	Alias
	scope, file string
	line        int
}

// Parse reads a registry. Mistakes are added to diags at their line; the
// registry holds every entry that was well formed.
func Parse(file string, data []byte, diags *diag.List) *Registry {
	r := &Registry{kinds: map[string]*kind{}, bodies: map[string]*body{}, index: map[string][]*entry{}, agencies: map[string]*model.Agency{}, names: map[*model.Locality]localityWords{}}
	f := &content.File{Path: file, Front: string(data), FrontLine: 1}
	var fd fileData
	if !f.Decode(&fd, diags) {
		return r
	}
	for i, k := range fd.Kind {
		r.addKind(k, f.TableLine("kind", i), file, diags)
	}
	for i, b := range fd.Agency {
		r.AddBody(b, "", file, f.TableLine("agency", i), diags)
	}
	return r
}

var levelNames = map[string]model.Level{"tinh": model.Province, "huyen": model.District, "xa": model.Commune}

func (r *Registry) addKind(k kindData, line int, file string, diags *diag.List) {
	if !r.checkID(k.ID, "kind", line, file, diags) {
		return
	}
	if strings.TrimSpace(k.Name) == "" {
		diags.Errorf(file, line, 1, `[[kind]] %q has no name: add name = "Công an" (the name without the locality)`, k.ID)
		return
	}
	kd := &kind{model: &model.AgencyKind{ID: k.ID, Name: k.Name}, levels: map[model.Level]bool{}}
	for _, l := range k.Levels {
		lv, ok := levelNames[l]
		if !ok {
			diags.Errorf(file, line, 1, `[[kind]] %q: level %q is not a level: write levels = ["tinh"], ["huyen"], ["xa"] or several of them`, k.ID, l)
			continue
		}
		kd.levels[lv] = true
		kd.model.Levels = append(kd.model.Levels, lv)
	}
	if len(k.Levels) == 0 {
		diags.Errorf(file, line, 1, `[[kind]] %q has no levels: add levels = ["tinh"] (the levels of locality that have such a body)`, k.ID)
		return
	}
	if len(kd.model.Levels) == 0 {
		return // each wrong level is reported above
	}
	r.kinds[k.ID] = kd
	r.order = append(r.order, kd)
	for _, a := range append([]string{k.Name + " {cấp}", k.Name + " {cấp} {tên}"}, k.Aliases...) {
		r.addKindAlias(kd, a)
	}
}

// addKindAlias indexes an alias of a kind, once for each way of writing the
// unit word where the alias says {cấp}.
func (r *Registry) addKindAlias(kd *kind, alias string) {
	named := strings.HasSuffix(strings.TrimSpace(alias), "{tên}")
	alias = strings.TrimSuffix(strings.TrimSpace(alias), "{tên}")
	if !strings.Contains(alias, "{cấp}") {
		r.add(&entry{tokens: Tokens(alias), kind: kd, named: named})
		return
	}
	for _, u := range units {
		for _, form := range u.forms {
			r.add(&entry{tokens: Tokens(strings.ReplaceAll(alias, "{cấp}", form)), kind: kd, unit: u.folded, named: named})
		}
	}
}

// AddBody adds an [[agency]] whose aliases apply in the locality scope
// and below ("" everywhere).
func (r *Registry) AddBody(b Body, scope, file string, line int, diags *diag.List) {
	if !r.checkID(b.ID, "agency", line, file, diags) {
		return
	}
	if strings.TrimSpace(b.Name) == "" {
		diags.Errorf(file, line, 1, `[[agency]] %q has no name: add name = "Đại học Đà Nẵng" (the agency's full name)`, b.ID)
		return
	}
	bd := &body{id: b.ID, name: b.Name, scope: scope}
	r.bodies[b.ID] = bd
	for _, a := range append([]string{b.Name}, b.Aliases...) {
		r.add(&entry{tokens: Tokens(a), body: bd, scope: bd.scope})
	}
}

// AddAlias adds an [[alias]] that applies in the locality scope and below.
func (r *Registry) AddAlias(a Alias, scope, file string, line int, diags *diag.List) {
	if len(Tokens(a.Text)) == 0 {
		diags.Errorf(file, line, 1, `[[alias]] has no text: add text = "…" (the name as the document writes it)`)
		return
	}
	if a.Agency != "" && a.Group {
		diags.Errorf(file, line, 1, `[[alias]] %q says both agency = %q and group = true: keep the one it means`, a.Text, a.Agency)
		return
	}
	r.aliases = append(r.aliases, aliasEntry{a, scope, file, line})
	r.add(&entry{tokens: Tokens(a.Text), scope: scope, target: a.Agency, group: a.Group, alias: true})
}

func (r *Registry) checkID(id, table string, line int, file string, diags *diag.List) bool {
	switch {
	case id == "":
		diags.Errorf(file, line, 1, `[[%s]] has no id: add id = "cong-an" (lowercase, no diacritics, words joined by -; it is the page's address)`, table)
		return false
	case id != vnfold.Slug(id):
		diags.Errorf(file, line, 1, `[[%s]] id = %q is not a URL slug: write id = %q`, table, id, vnfold.Slug(id))
		return false
	case r.kinds[id] != nil || r.bodies[id] != nil:
		diags.Errorf(file, line, 1, `[[%s]] id = %q is used twice: give each kind and agency its own id`, table, id)
		return false
	}
	return true
}

// add indexes an entry by its first word, keeping each list with longer
// aliases first and, at equal length, an [[alias]] before a body's before
// a kind's, so that the most specific reading wins.
func (r *Registry) add(e *entry) {
	if len(e.tokens) == 0 {
		return
	}
	list := append(r.index[e.tokens[0]], e)
	for j := len(list) - 1; j > 0; j-- { // one step of an insertion sort: stable
		a, b := list[j-1], list[j]
		if len(a.tokens) > len(b.tokens) || (len(a.tokens) == len(b.tokens) && rank(a) <= rank(b)) {
			break
		}
		list[j-1], list[j] = b, a
	}
	r.index[e.tokens[0]] = list
}

func rank(e *entry) int {
	switch {
	case e.alias:
		return 0
	case e.body != nil:
		return 1
	}
	return 2
}

// CheckAliases reports aliases that mean an agency the registry cannot
// make, once every locality is known.
func (r *Registry) CheckAliases(localities map[string]*model.Locality, diags *diag.List) {
	for _, a := range r.aliases {
		if a.Agency != "" && !r.canMake(a.Agency, localities) {
			diags.Errorf(a.file, a.line, 1, `[[alias]] %q: agency = %q is no agency: write the id of an [[agency]], or a kind's id and a locality's path, e.g. "cong-an/da-nang"`, a.Text, a.Agency)
		}
	}
}

// canMake reports whether byID would find an agency for id.
func (r *Registry) canMake(id string, localities map[string]*model.Locality) bool {
	if r.bodies[id] != nil {
		return true
	}
	kindID, path, ok := strings.Cut(id, "/")
	k, l := r.kinds[kindID], localities[path]
	return ok && k != nil && l != nil && k.levels[l.Level]
}

// Agency returns the agency an id names, as byID does, meeting it as a
// match would: a rebuild that kept a text's matches by id asks for them.
func (r *Registry) Agency(id string, localities map[string]*model.Locality) *model.Agency {
	return r.byID(id, localities)
}

// byID returns the agency an id names: a body's id, or a kind's id and a
// locality's path ("cong-an/hung-yen/van-lam").
func (r *Registry) byID(id string, localities map[string]*model.Locality) *model.Agency {
	if b := r.bodies[id]; b != nil {
		return r.bodyAgency(b, localities[b.scope])
	}
	kindID, path, ok := strings.Cut(id, "/")
	k := r.kinds[kindID]
	if !ok || k == nil {
		return nil
	}
	l := localities[path]
	if l == nil || !k.levels[l.Level] {
		return nil
	}
	return r.kindAgency(k, l)
}

func (r *Registry) kindAgency(k *kind, l *model.Locality) *model.Agency {
	id := k.model.ID + "/" + l.Path
	if a := r.agencies[id]; a != nil {
		return a
	}
	a := &model.Agency{ID: id, Name: k.model.Name + " " + inRunningText(l.Name), Kind: k.model, Locality: l}
	r.agencies[id] = a
	return a
}

func (r *Registry) bodyAgency(b *body, l *model.Locality) *model.Agency {
	if a := r.agencies[b.id]; a != nil {
		return a
	}
	a := &model.Agency{ID: b.id, Name: b.name, Locality: l}
	r.agencies[b.id] = a
	return a
}

// Agencies returns the agencies met so far, sorted by id, and the kinds
// in registry order with their agencies in locality order.
func (r *Registry) Agencies() ([]*model.Agency, []*model.AgencyKind) {
	var out []*model.Agency
	for _, id := range sortedKeys(r.agencies) {
		out = append(out, r.agencies[id])
	}
	var kinds []*model.AgencyKind
	for _, k := range r.order {
		k.model.Agencies = nil
		for _, a := range out {
			if a.Kind == k.model {
				k.model.Agencies = append(k.model.Agencies, a)
			}
		}
		kinds = append(kinds, k.model)
	}
	return out, kinds
}
