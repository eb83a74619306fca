//! Trainers' bookings: the sessions each trainer teaches, under a lock.

use super::*;

/// A session of a live class (pending or approved) that a trainer teaches.
#[derive(Debug, Clone, Queryable)]
pub struct TrainerBooking {
    /// The trainer.
    pub trainer_id: TrainerId,
    /// Their name.
    pub trainer_name: String,
    /// The class.
    pub class_id: ClassId,
    /// Its title.
    pub title: String,
    /// Session start (UTC).
    pub starts_at: NaiveDateTime,
    /// Session end (UTC).
    pub ends_at: NaiveDateTime,
}

/// Takes the trainers' rows for the rest of the transaction, so that two
/// classes filed at once cannot both book the same trainer at one time.
pub fn lock_trainers(conn: &mut DbConn, ids: &[TrainerId]) -> QueryResult<usize> {
    diesel::update(trainers::table.filter(trainers::id.eq_any(ids)))
        .set(trainers::name.eq(trainers::name))
        .execute(conn)
}

/// The sessions of live classes that any of the trainers teaches.
pub fn trainer_bookings(conn: &mut DbConn, ids: &[TrainerId]) -> QueryResult<Vec<TrainerBooking>> {
    class_sessions::table
        .inner_join(classes::table.on(classes::id.eq(class_sessions::class_id)))
        .inner_join(class_trainers::table.on(class_trainers::class_id.eq(classes::id)))
        .inner_join(trainers::table.on(trainers::id.eq(class_trainers::trainer_id)))
        .filter(class_trainers::trainer_id.eq_any(ids))
        .filter(classes::status.eq_any([ClassStatus::Pending, ClassStatus::Approved]))
        .select((
            trainers::id,
            trainers::name,
            classes::id,
            classes::title,
            class_sessions::starts_at,
            class_sessions::ends_at,
        ))
        .load(conn)
}
