package server

import (
	"encoding/json"
	"net/url"
	"sync"
)

// state is what the preview knows of the last build. Tabs are told about
// changes by comparing what a tab has with the current state, rather than
// by queuing events for it: a slow or briefly disconnected tab can never
// miss a reload or block a build, and bursts of builds coalesce.
type state struct {
	seq      uint64    // bumps on every build, good or bad
	pages    string    // id of the pages served; unchanged by a build that only restyled them
	css      string    // the href of the stylesheet the pages link to
	problems []Problem // the last build's problems; nil when it succeeded
}

// tab is what one connected browser tab has on screen.
type tab struct {
	pages string // the build its page came from
	css   string // the stylesheet it links to
	shown uint64 // the seq of the failed build whose problems it shows
}

// event is one server-sent event.
type event struct {
	name string
	data any
}

// next returns the event that brings t up to date with st, and records
// that t has it; ok is false when t is up to date. Problems come first: a
// tab keeps the last good page under the list of what to fix.
func (st state) next(t *tab) (ev event, ok bool) {
	switch {
	case st.problems != nil:
		if t.shown == st.seq {
			return event{}, false
		}
		t.shown = st.seq
		return event{"build-error", map[string]any{"problems": st.problems}}, true
	case t.pages != st.pages:
		t.pages, t.shown = st.pages, 0
		return event{"reload", map[string]any{}}, true
	case t.css != st.css:
		t.css = st.css
		return event{"css", map[string]string{"href": st.css}}, true
	}
	return event{}, false
}

// tabFrom reads what a tab has from its query (?build=…&css=…). A tab that
// does not say is taken to be up to date.
func (st state) tabFrom(q url.Values) tab {
	t := tab{pages: q.Get("build"), css: q.Get("css")}
	if !q.Has("build") {
		t.pages = st.pages
	}
	if !q.Has("css") {
		t.css = st.css
	}
	return t
}

// encode writes ev in the text/event-stream format.
func (ev event) encode() ([]byte, error) {
	data, err := json.Marshal(ev.data)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(ev.name)+len(data)+16)
	out = append(out, "event: "...)
	out = append(out, ev.name...)
	out = append(out, "\ndata: "...)
	out = append(out, data...) // JSON holds no raw newline
	return append(out, "\n\n"...), nil
}

// hub holds the current state and wakes every waiting tab when it changes.
type hub struct {
	mu      sync.Mutex
	st      state
	changed chan struct{} // closed and replaced on every change
}

func newHub() *hub {
	return &hub{changed: make(chan struct{})}
}

// current returns the state and a channel closed at its next change.
func (h *hub) current() (state, <-chan struct{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.st, h.changed
}

// update changes the state with f and wakes the waiting tabs.
func (h *hub) update(f func(*state)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	f(&h.st)
	close(h.changed)
	h.changed = make(chan struct{})
}
