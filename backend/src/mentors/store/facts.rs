//! Services as the money rules see them: when each began, how long it
//! lasted, whether it was held in person, and who confirmed it took place.
//! Studio evidence and service fees both read them from here.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use malanhua_shared::ids::{AppointmentId, GroupSessionId, MentorId, ServiceRecordId};

use super::RecordRow;
use crate::core::db::DbConn;
use crate::core::db::schema::{appointments, group_seats, group_sessions, service_records};

/// One recorded service and its facts.
#[derive(Debug, Clone)]
pub struct ServiceFact {
    /// The record.
    pub record: RecordRow,
    /// When the appointment or session began (UTC).
    pub starts_at: NaiveDateTime,
    /// The person served confirmed it (for a group session: any attendee).
    pub person_confirmed: bool,
}

impl ServiceFact {
    /// A group session rather than one-to-one.
    pub fn group(&self) -> bool {
        self.record.group_session_id.is_some()
    }
}

/// Which records to load.
#[derive(Clone, Copy)]
pub enum Which<'a> {
    /// These records.
    Ids(&'a [ServiceRecordId]),
    /// The records of these mentors for services that began in `[from, to)`.
    Mentors(&'a [MentorId], NaiveDateTime, NaiveDateTime),
}

/// The facts of the records chosen by `which`, oldest service first.
pub fn service_facts(conn: &mut DbConn, which: Which<'_>) -> QueryResult<Vec<ServiceFact>> {
    let rows: Vec<RecordRow> = match which {
        Which::Ids(ids) => {
            service_records::table.filter(service_records::id.eq_any(ids)).select(RecordRow::as_select()).load(conn)?
        }
        // A record is written only from its service's start, so one
        // recorded before `from` is for a service that began before it.
        Which::Mentors(ids, from, _) => {
            let mut q = service_records::table.filter(service_records::mentor_id.eq_any(ids)).into_boxed();
            // "From the beginning" is not a date PostgreSQL can hold.
            if from > NaiveDateTime::MIN {
                q = q.filter(service_records::recorded_at.ge(from));
            }
            q.select(RecordRow::as_select()).load(conn)?
        }
    };
    let appointment_ids: Vec<AppointmentId> = rows.iter().filter_map(|r| r.appointment_id.clone()).collect();
    let group_ids: Vec<GroupSessionId> = rows.iter().filter_map(|r| r.group_session_id.clone()).collect();
    let appointments: HashMap<AppointmentId, (NaiveDateTime, bool)> = appointments::table
        .filter(appointments::id.eq_any(&appointment_ids))
        .select((appointments::id, (appointments::starts_at, appointments::service_confirmed_at.is_not_null())))
        .load(conn)?
        .into_iter()
        .collect();
    let groups: HashMap<GroupSessionId, NaiveDateTime> = group_sessions::table
        .filter(group_sessions::id.eq_any(&group_ids))
        .select((group_sessions::id, group_sessions::starts_at))
        .load(conn)?
        .into_iter()
        .collect();
    let confirmed_groups: HashSet<GroupSessionId> = group_seats::table
        .filter(group_seats::session_id.eq_any(&group_ids))
        .filter(group_seats::service_confirmed_at.is_not_null())
        .select(group_seats::session_id)
        .load::<GroupSessionId>(conn)?
        .into_iter()
        .collect();
    let mut out: Vec<ServiceFact> = rows
        .into_iter()
        .filter_map(|record| {
            let (starts_at, person_confirmed) = match (&record.appointment_id, &record.group_session_id) {
                (Some(a), _) => *appointments.get(a)?,
                (None, Some(g)) => (*groups.get(g)?, confirmed_groups.contains(g)),
                (None, None) => return None,
            };
            Some(ServiceFact { record, starts_at, person_confirmed })
        })
        .collect();
    if let Which::Mentors(_, from, to) = which {
        out.retain(|f| f.starts_at >= from && f.starts_at < to);
    }
    out.sort_by_key(|f| f.starts_at);
    Ok(out)
}

/// Recorded group sessions of mentors under a region prefix, newest first.
pub fn recorded_groups(conn: &mut DbConn, prefix: &str, limit: i64) -> QueryResult<Vec<(super::GroupRow, RecordRow)>> {
    use crate::core::db::schema::mentors;
    group_sessions::table
        .inner_join(service_records::table.on(service_records::group_session_id.eq(group_sessions::id.nullable())))
        .inner_join(mentors::table.on(mentors::id.eq(group_sessions::mentor_id)))
        .filter(mentors::region_code.like(format!("{prefix}%")))
        .order(group_sessions::starts_at.desc())
        .limit(limit)
        .select((super::GroupRow::as_select(), RecordRow::as_select()))
        .load(conn)
}

/// The session of every seat whose person confirmed attending, among these sessions.
pub fn attended(conn: &mut DbConn, sessions: &[GroupSessionId]) -> QueryResult<Vec<GroupSessionId>> {
    group_seats::table
        .filter(group_seats::session_id.eq_any(sessions))
        .filter(group_seats::service_confirmed_at.is_not_null())
        .select(group_seats::session_id)
        .load(conn)
}

/// The bureau confirms a group session took place; returns rows changed.
pub fn bureau_confirm(
    conn: &mut DbConn,
    id: &ServiceRecordId,
    by: &malanhua_shared::ids::UserId,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        service_records::table
            .find(id)
            .filter(service_records::group_session_id.is_not_null())
            .filter(service_records::bureau_confirmed_at.is_null()),
    )
    .set((service_records::bureau_confirmed_by.eq(Some(by)), service_records::bureau_confirmed_at.eq(Some(at))))
    .execute(conn)
}
