//! A class's sessions as an iCalendar file (RFC 5545), which the trainee
//! adds to the phone's calendar after enrolling. Times are written in UTC;
//! the calendar shows them in the phone's time zone.

use malanhua_shared::api::classes::{ClassDetail, ClassSession};

/// Text escaped for an iCalendar value.
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn event(d: &ClassDetail, s: &ClassSession, now: chrono::DateTime<chrono::Utc>) -> String {
    let c = &d.summary;
    let summary = if s.topic.trim().is_empty() { c.title.clone() } else { format!("{} · {}", c.title, s.topic) };
    let mut lines = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}-{}@malanhua", c.id, s.seq),
        format!("DTSTAMP:{}", stamp(now)),
        format!("DTSTART:{}", stamp(s.starts_at)),
        format!("DTEND:{}", stamp(s.ends_at)),
        format!("SUMMARY:{}", text(&summary)),
    ];
    if let Some(place) = c.place.as_deref().filter(|p| !p.trim().is_empty()) {
        lines.push(format!("LOCATION:{}", text(place)));
    }
    lines.push(format!("DESCRIPTION:{}", text(&c.institution.name)));
    lines.push("END:VEVENT".to_owned());
    lines.join("\r\n")
}

/// The calendar file of every session of the class.
pub fn class_calendar(d: &ClassDetail, now: chrono::DateTime<chrono::Utc>) -> String {
    let mut out =
        vec!["BEGIN:VCALENDAR".to_owned(), "VERSION:2.0".to_owned(), "PRODID:-//Malanhua//Classes//ZH".to_owned()];
    out.extend(d.sessions.iter().map(|s| event(d, s, now)));
    out.push("END:VCALENDAR".to_owned());
    out.join("\r\n") + "\r\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_session_is_an_event_in_utc_with_its_place() {
        let detail: ClassDetail = serde_json::from_value(serde_json::json!({
            "summary": {
                "id": "c1", "kind": "syb", "title": "SYB 创办你的企业, 第1期",
                "institution": { "id": "i1", "name": "崂山创业学校" },
                "region": "370212", "region_name": "崂山区", "mode": "offline", "place": "海尔路1号; 3楼",
                "capacity": 30, "taken": 1, "seats_left": 29, "waitlisted": 0,
                "starts_on": "2026-12-07", "ends_on": "2026-12-07",
                "enrol_opens_at": "2026-12-01T00:00:00Z", "enrol_closes_at": "2026-12-06T00:00:00Z",
                "hours": 3, "status": "approved", "first_session_at": "2026-12-07T01:00:00Z"
            },
            "sessions": [{ "id": "s1", "seq": 1, "starts_at": "2026-12-07T01:00:00Z", "ends_at": "2026-12-07T04:00:00Z", "topic": "创业意识" }],
            "trainers": [], "status_reason": null, "my_enrolment": null
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-03T08:00:00Z").map(|t| t.to_utc()).unwrap_or_default();
        let ics = class_calendar(&detail, now);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{ics}");
        assert!(ics.contains("DTSTART:20261207T010000Z\r\nDTEND:20261207T040000Z"), "{ics}");
        assert!(ics.contains("SUMMARY:SYB 创办你的企业\\, 第1期 · 创业意识"), "{ics}");
        assert!(ics.contains("LOCATION:海尔路1号\\; 3楼"), "{ics}");
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"), "{ics}");
        assert_eq!(text("a\r\nDTSTART:x\rb"), "a\\nDTSTART:x\\nb", "a line break cannot start a property");
    }
}
