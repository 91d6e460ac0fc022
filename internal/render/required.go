package render

import (
	"fmt"

	"github.com/minhbach/minhbach/internal/vntime"
)

// goStrings lists the interface strings the generator uses from Go code
// rather than from layouts. New checks that the language has each of them,
// so that a missing one fails the build instead of showing its key.
func goStrings() []string {
	keys := []string{
		"bars_desc", "bars_title", "bars_undated", "bars_y", "data", "data_lead",
		"due_by", "due_conditional", "due_from", "due_milestone", "due_none", "due_ongoing",
		"due_page", "due_page_of", "due_recurring", "due_recurring_day", "due_unknown", "due_window",
		"home_lead", "ics_description", "ics_milestone", "ics_name", "ics_summary", "localities",
		"mark_bar", "mark_by", "mark_none", "mark_open", "mark_points", "mark_repeating", "mark_span",
		"nav_home", "nav_localities", "not_found", "plan_tasks", "plans", "quarter_short", "task",
		"timeline_as_of", "timeline_desc", "timeline_title",
		"quarter_1", "quarter_2", "quarter_3", "quarter_4",
		"agencies", "agencies_lead", "agencies_by_past_due", "agencies_chart_title", "kind_chart_title", "kind_title",
		"agency_description", "agency_bars_desc", "col_agency", "locality_bars_title", "locality_bars_desc",
		"locality_lead_title", "col_locality", "section_none", "section_bars_title", "section_bars_desc", "col_section",
		"documents", "documents_lead", "document_description",
		"compare", "compare_lead", "compare_item_description", "compare_heat_title", "compare_heat_desc",
		"compare_heat_legend", "compare_none", "compare_no_date", "compare_more",
		"date_short", "date_long", "thousands_sep", "search_title", "search_lead", "dl_table_csv", "dl_table_json",
	}
	for m := 1; m <= 12; m++ {
		keys = append(keys, fmt.Sprintf("month_%d", m))
	}
	for q := 1; q <= 4; q++ {
		keys = append(keys, fmt.Sprintf("quarter_abbr_%d", q))
	}
	for _, s := range []string{"not-started", "active", "done", "done-late", "paused"} {
		keys = append(keys, "state_"+s)
	}
	for _, p := range []vntime.Period{vntime.Daily, vntime.Weekly, vntime.Monthly, vntime.Quarterly, vntime.HalfYearly, vntime.Yearly} {
		keys = append(keys, "every_"+string(p))
	}
	for _, s := range styles() {
		keys = append(keys, "style_"+s)
	}
	return keys
}
