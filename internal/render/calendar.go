package render

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/ical"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vntime"
)

// Calendar appends to b the iCalendar file of the dated deadlines and
// milestones of plans: l's plans and its descendants', or the whole site's
// when l is nil. Undated deadlines have no event: a calendar cannot hold
// "thường xuyên".
func (r *Renderer) Calendar(b *bytes.Buffer, l *model.Locality, plans []*model.Plan) error {
	s := r.strings
	name := r.opts.SiteTitle
	if l != nil {
		name = l.Name
	}
	cal := ical.Calendar{
		Name: s.MustF("ics_name", name),
		// Midnight of the as-of day in Vietnam: the data's date, not the
		// build's clock, so rebuilds give the same bytes.
		Stamp: time.Date(r.opts.AsOf.Year, r.opts.AsOf.Month, r.opts.AsOf.Day, 0, 0, 0, 0, time.FixedZone("ICT", 7*60*60)),
	}
	host := r.uidHost()
	for _, p := range plans {
		for _, t := range p.Tasks {
			cal.Events = append(cal.Events, r.taskEvents(t, host)...)
		}
	}
	return cal.EncodeTo(b)
}

// taskEvents are the events of one task: one on its due date, or one per
// milestone.
func (r *Renderer) taskEvents(t *model.Task, host string) []ical.Event {
	s := r.strings
	d := t.Deadline
	base := ical.Event{
		Description: s.MustF("ics_description", t.Title, t.ID, t.Plan.Number, t.Plan.Locality.Name, t.Due, t.LeadText),
		URL:         r.AbsURL(TaskURL(t)),
		Categories:  []string{t.Plan.Locality.Name, t.Plan.Number},
	}
	uid := strings.Trim(TaskURL(t), "/")
	label := s.MustT("task") + " " + t.ID + " (" + t.Plan.Number + ") — " + cut(t.Title, 90)
	if d.Kind == vntime.Milestones {
		var out []ical.Event
		for i, m := range d.Milestones {
			e := base
			e.UID = uid + "/moc-" + strconv.Itoa(i+1) + "@" + host
			e.Date = m.Date
			e.Summary = s.MustF("ics_milestone", label)
			e.Location = m.Place
			out = append(out, e)
		}
		return out
	}
	due, ok := d.Due()
	if !ok {
		return nil
	}
	e := base
	e.UID = uid + "/han@" + host
	e.Date = due
	e.Summary = s.MustF("ics_summary", label)
	return []ical.Event{e}
}

// uidHost is the domain part of event UIDs: the site's host when it has an
// absolute base URL, so that two portals' events never share a UID.
func (r *Renderer) uidHost() string {
	if u, err := url.Parse(r.opts.BaseURL); err == nil && u.Host != "" {
		return u.Host
	}
	return "minhbach.invalid"
}
