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
	Pos         Pos
}

// Task is one thing a plan assigns: who leads, who helps, by when, what is
// delivered and what is measured.
type Task struct {
	Plan        *Plan
	ID          string   // "5.1.1", "2.a.1", "II.3"
	Slug        string   // URL segment made from ID
	Title       string   // the task as the document words it
	Sections    []string // headings (or section rows) above the task, outermost first
	Description []string // paragraphs between the heading and the fields
	LeadText    string   // the lead field as written
	LeadPos     Pos      // where the lead field is written; zero when there is none
	SupportText string   // the support field as written
	Lead        []string // agency names split from LeadText
	Support     []string // agency names split from SupportText
	Due         string   // the deadline as written
	DuePos      Pos      // where the deadline is written; zero when there is none
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
