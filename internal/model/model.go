// Package model is the domain of a Đề án 06 portal: localities, the plans
// they issue, the tasks and appendix tables in those plans, and the updates
// that report on them. It holds data only; package load builds it from
// content files and package render turns it into pages.
package model

import (
	"regexp"
	"time"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/vntime"
)

// Date is a calendar date in Vietnam, as printed on a document.
type Date = vntime.Date

// DateOf returns the calendar date of t in its own location.
func DateOf(t time.Time) Date { return vntime.DateOf(t) }

// Level is the tier of a locality.
type Level string

const (
	Province Level = "tinh"
	District Level = "huyen"
	Commune  Level = "xa"
)

// Pos is a place in a content file.
type Pos struct {
	File string
	Line int
	Col  int
}

// Site is everything the content describes.
type Site struct {
	Localities []*Locality // every locality, parents before children, sorted by path
	Plans      []*Plan     // every plan, in locality order then by issue date
	Updates    []*Update   // every update, newest first
	Agencies   []*Agency   // every agency a task names, sorted by ID
	Kinds      []*AgencyKind
	Catalog    []*CatalogItem // the programme's recurring tasks, in catalogue order
	Documents  []*Document    // documents the plans cite, sorted by ID
	// Sum is a hash of every locality file and of the paths of every plan
	// and update: what any page may read beyond its own plans and updates.
	// With Plan.Sum and Update.Sum it lets a rebuild keep the pages that
	// depend on nothing edited (see render.Page.Key).
	Sum uint64
}

// Roots returns the top-level localities.
func (s *Site) Roots() []*Locality {
	var out []*Locality
	for _, l := range s.Localities {
		if l.Parent == nil {
			out = append(out, l)
		}
	}
	return out
}

// Tasks returns the tasks of every plan, in plan order.
func (s *Site) Tasks() []*Task {
	var out []*Task
	for _, p := range s.Plans {
		out = append(out, p.Tasks...)
	}
	return out
}

// Locality is a province, district or commune.
type Locality struct {
	Path       string // slash-separated slugs under dia-phuong, e.g. "hung-yen/van-lam/lac-hong"
	Name       string
	Level      Level
	Code       string
	MergedInto string
	Note       string
	Intro      *content.Markdown // optional text of _index.md
	Parent     *Locality
	Children   []*Locality
	Plans      []*Plan
	Updates    []*Update
	Sum        uint64 // a hash of the _index.md file's path and bytes
	Pos        Pos
}

// Chain returns the locality's ancestors from the top, ending with itself.
func (l *Locality) Chain() []*Locality {
	var out []*Locality
	for p := l; p != nil; p = p.Parent {
		out = append([]*Locality{p}, out...)
	}
	return out
}

// AllPlans returns the plans of this locality and of all its descendants.
func (l *Locality) AllPlans() []*Plan {
	out := append([]*Plan(nil), l.Plans...)
	for _, c := range l.Children {
		out = append(out, c.AllPlans()...)
	}
	return out
}

// documentNumber is the shape of a Vietnamese document number: a serial,
// a slash, and the document type and issuer codes ("46/KH-UBND",
// "2274/KH-UBND", "107/2021/NĐ-CP", "62/KHPH-CAT-UBND").
var documentNumber = regexp.MustCompile(`^[0-9]+[a-zA-Z]?(/[0-9]{4})?/[\p{Lu}0-9&.]+(-[\p{Lu}0-9&.]+)*$`)

// IsDocumentNumber reports whether s looks like a document number as
// printed under an issuer's name.
func IsDocumentNumber(s string) bool { return documentNumber.MatchString(s) }

// Plan is a Kế hoạch issued by a locality.
type Plan struct {
	Locality    *Locality
	Slug        string // file name without .md
	Title       string
	Number      string // "46/KH-UBND"
	Issued      Date
	Issuer      string
	Signer      string
	SignerTitle string
	Implements  []string
	Source      string
	TasksFrom   string
	Body        *content.Markdown
	Tasks       []*Task
	Appendices  []*Appendix
	Phases      []*Phase
	Cites       []*Document // documents the plan cites, in the order first cited
	Sum         uint64      // a hash of the plan file's path and bytes
	Pos         Pos
}

// Task is one thing a plan assigns: who leads, who helps, by when, what is
// delivered and what is measured.
type Task struct {
	Plan        *Plan
	ID          string         // "5.1.1", "2.a.1", "II.3"
	Slug        string         // URL segment made from ID
	Title       string         // the task as the document words it
	Sections    []string       // headings (or section rows) above the task, outermost first
	Description []string       // paragraphs between the heading and the fields
	LeadText    string         // the lead field as written
	LeadPos     Pos            // where the lead field is written; zero when there is none
	SupportText string         // the support field as written
	SupportPos  Pos            // where the support field is written; zero when there is none
	Lead        []Mention      // agencies named in LeadText, in order
	Support     []Mention      // agencies named in SupportText (and after "phối hợp" in LeadText)
	Catalog     []*CatalogItem // the catalogue items the task carries out
	CatalogSet  bool           // the plan's front matter names the items; no keyword matching
	Due         string         // the deadline as written
	DuePos      Pos            // where the deadline is written; zero when there is none
	Deadline    vntime.Deadline
	Product     string
	Targets     []string
	Anchor      string   // id of the task's heading or row on the plan page
	Reports     []Report // what updates said about the task, oldest first
	Pos         Pos
}

// The states an update may report for a task, as the site spells them.
const (
	NotStarted = "chưa bắt đầu"
	InProgress = "đang thực hiện"
	Completed  = "hoàn thành"
	Late       = "hoàn thành chậm"
	Paused     = "tạm dừng"
)

// States lists every state an update may report.
func States() []string { return []string{NotStarted, InProgress, Completed, Late, Paused} }

// Report is one update's statement about a task.
type Report struct {
	Update *Update
	State  string
	Note   string
}

// Appendix is a Phụ lục table.
type Appendix struct {
	Name   string // "Phụ lục II"
	Title  string // the rest of the heading
	Notes  []string
	Slug   string // "phu-luc-ii"
	Header []string
	Rows   []Row
	Pos    Pos
}

// Row is one row of an appendix table. A section row has a Roman numeral in
// its first cell and the section's title in its second.
type Row struct {
	Cells   []string
	Section bool
	Line    int
	Anchor  string // id of the row on the plan page when the row is a task
}

// Phase is a set of targets for a period ("Giai đoạn 2023 - 2025").
type Phase struct {
	Name    string
	Section string // the heading the phase stands under
	Targets []string
}

// Update is a directive, report or news item about progress.
type Update struct {
	Locality *Locality
	Slug     string
	Title    string
	Date     Date
	Number   string
	Issuer   string
	Source   string
	Body     *content.Markdown
	Status   []StatusEntry
	Sum      uint64 // a hash of the update file's path and bytes
	Pos      Pos
}

// StatusEntry is what an update says about one task.
type StatusEntry struct {
	Plan  string // plan number
	Task  string // task id
	State string
	Note  string
	Pos   Pos
}

// Agency is a body that leads or supports tasks: one of a kind in a
// locality ("Công an" of Đà Nẵng) or a body of its own (Đại học Đà Nẵng).
type Agency struct {
	ID        string      // path under /co-quan/: "cong-an/da-nang", "dai-hoc-da-nang"
	Name      string      // canonical name: "Công an thành phố Đà Nẵng"
	Kind      *AgencyKind // nil for a body of its own
	Locality  *Locality   // the locality it serves; nil when it serves none in particular
	Led       []*Task     // tasks it leads, in plan order
	Supported []*Task     // tasks it supports, in plan order
}

// AgencyKind is a kind of body that every locality of some level has
// (Công an, Sở Thông tin và Truyền thông, Ủy ban nhân dân): its agencies
// are compared side by side.
type AgencyKind struct {
	ID       string // "cong-an"
	Name     string // "Công an"
	Levels   []Level
	Agencies []*Agency // in locality order
}

// Mention is an agency as a task's text names it.
type Mention struct {
	Text   string  // as written
	Agency *Agency // nil for a group, or a name the registry does not know
	Group  bool    // many bodies, no one agency: "các sở, ban, ngành"
	// Reviewed is set when the registry keeps the name as written on
	// purpose (a misprint that says no one agency), so it is not reported.
	Reviewed bool
}

// Unknown reports whether the registry could not read the mention.
func (m Mention) Unknown() bool { return m.Agency == nil && !m.Group && !m.Reviewed }

// CatalogItem is one of the programme's recurring tasks that every locality
// takes on, such as connecting the population database with the insurance
// database, so their plans can be compared.
type CatalogItem struct {
	ID       string // "ket-noi-bao-hiem"
	Name     string // "Kết nối Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về bảo hiểm"
	Short    string // a label for charts: "CSDL bảo hiểm"; "" uses Name
	Group    string // the part of the programme it belongs to
	Basis    string // the document that sets it: "1911/QĐ-TTg"
	Keywords [][]string
	Tasks    []*Task // tasks linked to it, in plan order
}

// Document is a legal or planning document the plans cite by number.
type Document struct {
	ID     string // URL segment under /van-ban/: "06-qd-ttg"
	Number string // as first cited: "06/QĐ-TTg"
	Kind   string // "Quyết định", "Nghị định", "Luật" … ; "" when the text does not say
	Plans  []*Plan
}

// Texts returns the mentions' texts as written.
func Texts(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}
