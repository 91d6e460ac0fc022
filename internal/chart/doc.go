// Package chart draws a plan's charts as inline SVG at build time: a
// timeline (Gantt) of the plan's tasks, stacked bars of tasks by due
// quarter, horizontal stacked bars (HBars) of tasks by section, agency or
// locality, and a heat map (HeatMap) of recurring tasks by locality,
// coloured by due quarter.
//
// The output is made for the site's pages: it needs no script, no style
// sheet and no external file, so it passes a strict Content-Security-Policy
// (presentation attributes and <pattern> defs, never style attributes); its
// width and height are its natural size in px, so a page shows it in a
// horizontally scrolling box on a phone without shrinking the text; every
// id starts with the chart's ID, so several charts can share a page; status
// is told by colour and pattern together, so it reads in greyscale print and
// for readers who do not see the colours; and the same input always gives
// the same bytes, so a rebuild does not churn the published files.
//
// The caller supplies every human-readable string, so one chart renders in
// any of the site's languages.
//
// Usage: fill a Timeline, Bars, HBars or HeatMap and call SVG (or
// WriteSVG) to get the complete <svg> element to put into the page, inside
// a box that scrolls sideways (overflow-x: auto) so the chart keeps its
// natural size on a phone. Status styles are keyed by Status; the caller maps its task
// states onto them and supplies the legend labels.
package chart
