//! Training classes and the people enrolled in them (domain.md §7).
use chrono::{NaiveDate, NaiveDateTime};
use coso_domain::id::{OrgId, PersonId};
use coso_domain::training::{Audience, Category, Outcome};
use diesel::dsl::count_star;
use diesel::prelude::*;

use crate::schema::{enrollments, persons, training_classes};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = training_classes)]
pub struct ClassRow {
    pub id: String,
    pub title: String,
    pub category: Category,
    pub audience: Audience,
    pub level: String,
    pub organizer_org_id: OrgId,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub place: String,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, serde::Serialize)]
#[diesel(table_name = enrollments, treat_none_as_default_value = false)]
pub struct EnrollmentRow {
    pub id: String,
    pub class_id: String,
    pub person_id: PersonId,
    /// The trainee's unit as the list names it.
    pub unit: String,
    pub outcome: Option<Outcome>,
    pub grade: String,
    pub created_at: NaiveDateTime,
}

pub fn insert_class(conn: &mut DbConnection, row: &ClassRow) -> StoreResult<()> {
    diesel::insert_into(training_classes::table).values(row).execute(conn)?;
    Ok(())
}

/// Enrolls many at once, in multi-row statements.
pub fn insert_enrollments(conn: &mut DbConnection, rows: &[EnrollmentRow]) -> StoreResult<()> {
    insert_all!(conn, enrollments::table, rows, 500);
    Ok(())
}

pub fn class(conn: &mut DbConnection, id: &str) -> StoreResult<Option<ClassRow>> {
    Ok(training_classes::table.find(id).first(conn).optional()?)
}

/// Classes starting between two days (inclusive), newest first.
pub fn classes_between(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<ClassRow>> {
    Ok(training_classes::table
        .filter(training_classes::starts_on.ge(from))
        .filter(training_classes::starts_on.le(to))
        .order((training_classes::starts_on.desc(), training_classes::id.asc()))
        .load(conn)?)
}

/// Enrollments per class of those starting between two days.
pub fn enrollment_counts(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<(String, i64)>> {
    Ok(enrollments::table
        .inner_join(training_classes::table)
        .filter(training_classes::starts_on.ge(from))
        .filter(training_classes::starts_on.le(to))
        .group_by(enrollments::class_id)
        .select((enrollments::class_id, count_star()))
        .load(conn)?)
}

/// Distinct people enrolled in the given classes.
pub fn people_in(conn: &mut DbConnection, class_ids: &[String]) -> StoreResult<i64> {
    let mut people = std::collections::HashSet::new();
    for chunk in class_ids.chunks(500) {
        people.extend(
            enrollments::table
                .filter(enrollments::class_id.eq_any(chunk))
                .select(enrollments::person_id)
                .distinct()
                .load::<PersonId>(conn)?,
        );
    }
    Ok(people.len() as i64)
}

/// A class's trainees with their names, by name.
pub fn trainees(conn: &mut DbConnection, class_id: &str) -> StoreResult<Vec<(EnrollmentRow, String)>> {
    Ok(enrollments::table
        .inner_join(persons::table.on(persons::id.eq(enrollments::person_id)))
        .filter(enrollments::class_id.eq(class_id))
        .order(persons::name_folded.asc())
        .select((EnrollmentRow::as_select(), persons::full_name))
        .load(conn)?)
}

/// A person's classes, newest first.
pub fn history(conn: &mut DbConnection, person_id: &PersonId) -> StoreResult<Vec<(EnrollmentRow, ClassRow)>> {
    Ok(enrollments::table
        .inner_join(training_classes::table)
        .filter(enrollments::person_id.eq(person_id))
        .order(training_classes::starts_on.desc())
        .select((EnrollmentRow::as_select(), ClassRow::as_select()))
        .load(conn)?)
}

/// Persons with a folded name and day of birth among `keys`: whom a trainee list names.
pub fn persons_named(
    conn: &mut DbConnection,
    folded_names: &[String],
) -> StoreResult<Vec<(PersonId, String, NaiveDate)>> {
    let mut out = Vec::new();
    for chunk in folded_names.chunks(500) {
        out.extend(
            persons::table
                .filter(persons::name_folded.eq_any(chunk))
                .select((persons::id, persons::name_folded, persons::born_on))
                .load::<(PersonId, String, NaiveDate)>(conn)?,
        );
    }
    Ok(out)
}
