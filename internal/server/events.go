package server

import (
	"fmt"
	"net/http"
	"time"
)

// keepAlive is how often an idle event stream gets a comment line, so that
// a tab notices a preview that went away and the connection is not taken
// for dead by anything in between.
const keepAlive = 15 * time.Second

// serveEvents streams server-sent events to one tab: first whatever brings
// it up to date (the current build's problems, or a reload when its page is
// from an older build), then one event per change, until the tab leaves or
// the preview stops.
func (lv *live) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	// A tab whose stream broke retries after a second, not the browser's
	// default of a few.
	if err := send(w, rc, []byte("retry: 1000\n\n")); err != nil {
		return
	}
	st, changed := lv.hub.current()
	t := st.tabFrom(r.URL.Query())
	ping := time.NewTicker(keepAlive)
	defer ping.Stop()
	for {
		if err := catchUp(w, rc, st, &t); err != nil {
			return
		}
		select {
		case <-changed:
			st, changed = lv.hub.current()
		case <-ping.C:
			if err := send(w, rc, []byte(": ping\n\n")); err != nil {
				return
			}
		case <-r.Context().Done():
			return
		}
	}
}

// catchUp sends t the event that brings it up to date with st, if any.
func catchUp(w http.ResponseWriter, rc *http.ResponseController, st state, t *tab) error {
	ev, ok := st.next(t)
	if !ok {
		return nil
	}
	msg, err := ev.encode()
	if err != nil {
		return fmt.Errorf("encoding the %s event: %w", ev.name, err)
	}
	return send(w, rc, msg)
}

func send(w http.ResponseWriter, rc *http.ResponseController, msg []byte) error {
	if _, err := w.Write(msg); err != nil {
		return err
	}
	return rc.Flush()
}
