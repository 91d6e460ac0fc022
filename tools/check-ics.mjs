// check-ics reads iCalendar files with ical.js, the parser of Mozilla
// Thunderbird's calendar, the way a calendar program imports them, and
// prints what it found as JSON: one line per file. It exits 1 when a file
// does not parse or an event lacks what a calendar needs to show it.
//
//   node tools/check-ics.mjs public/du-lieu/han-chot.ics …
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

let failed = false;
for (const file of process.argv.slice(2)) {
  const problems = [];
  const events = [];
  try {
    const cal = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
    if (cal.getFirstPropertyValue("version") !== "2.0") problems.push("VERSION is not 2.0");
    if (!cal.getFirstPropertyValue("prodid")) problems.push("no PRODID");
    const uids = new Set();
    for (const vevent of cal.getAllSubcomponents("vevent")) {
      const ev = new ICAL.Event(vevent);
      const start = ev.startDate;
      if (!ev.uid || uids.has(ev.uid)) problems.push(`missing or repeated UID ${ev.uid}`);
      uids.add(ev.uid);
      if (!vevent.getFirstPropertyValue("dtstamp")) problems.push(`${ev.uid}: no DTSTAMP`);
      if (!start || !start.isDate) problems.push(`${ev.uid}: DTSTART is not an all-day date`);
      if (!ev.summary) problems.push(`${ev.uid}: no SUMMARY`);
      if (start && ev.endDate && ev.endDate.subtractDate(start).toSeconds() !== 86400) problems.push(`${ev.uid}: does not last one day`);
      events.push({ uid: ev.uid, start: start ? start.toString() : null, summary: ev.summary, location: ev.location || "" });
    }
  } catch (err) {
    problems.push(`does not parse: ${err.message}`);
  }
  if (problems.length > 0) failed = true;
  console.log(JSON.stringify({ file, events, problems }));
}
process.exit(failed ? 1 : 0);
