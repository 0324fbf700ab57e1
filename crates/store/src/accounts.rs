//! User accounts, browser sessions, API tokens and the record of login attempts.
use chrono::NaiveDateTime;
use coso_domain::id::{OrgId, PersonId};
use diesel::prelude::*;

use crate::schema::{api_tokens, login_attempts, sessions, users};
use crate::{DbConnection, StoreResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users, treat_none_as_default_value = false)]
pub struct UserRow {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: coso_domain::access::Role,
    pub org_id: Option<OrgId>,
    pub person_id: Option<PersonId>,
    pub active: bool,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id_hash: String,
    pub user_id: String,
    pub csrf_token: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_tokens, treat_none_as_default_value = false)]
pub struct TokenRow {
    pub id: String,
    pub user_id: String,
    pub token_hash: String,
    pub created_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = login_attempts)]
pub struct LoginAttemptRow {
    pub id: String,
    pub username: String,
    pub attempted_at: NaiveDateTime,
    pub succeeded: bool,
    /// The client address the attempt came from.
    pub address: String,
}

pub fn insert_user(conn: &mut DbConnection, row: &UserRow) -> StoreResult<()> {
    diesel::insert_into(users::table).values(row).execute(conn)?;
    Ok(())
}

pub fn user_by_username(conn: &mut DbConnection, username: &str) -> StoreResult<Option<UserRow>> {
    Ok(users::table.filter(users::username.eq(username)).first(conn).optional()?)
}

pub fn count_users(conn: &mut DbConnection) -> StoreResult<i64> {
    Ok(users::table.count().get_result(conn)?)
}

pub fn insert_session(conn: &mut DbConnection, row: &SessionRow) -> StoreResult<()> {
    diesel::insert_into(sessions::table).values(row).execute(conn)?;
    Ok(())
}

/// A session still valid at `now`, with its user.
pub fn live_session(
    conn: &mut DbConnection,
    id_hash: &str,
    now: NaiveDateTime,
) -> StoreResult<Option<(SessionRow, UserRow)>> {
    Ok(sessions::table
        .inner_join(users::table)
        .filter(sessions::id_hash.eq(id_hash))
        .filter(sessions::expires_at.gt(now))
        .filter(users::active.eq(true))
        .select((SessionRow::as_select(), UserRow::as_select()))
        .first(conn)
        .optional()?)
}

/// Removes sessions that have expired and login attempts older than `before`: neither is
/// needed any more, and keeping them only grows the tables.
pub fn purge_expired(conn: &mut DbConnection, now: NaiveDateTime, before: NaiveDateTime) -> StoreResult<()> {
    diesel::delete(sessions::table.filter(sessions::expires_at.le(now))).execute(conn)?;
    diesel::delete(login_attempts::table.filter(login_attempts::attempted_at.lt(before))).execute(conn)?;
    Ok(())
}

pub fn delete_session(conn: &mut DbConnection, id_hash: &str) -> StoreResult<()> {
    diesel::delete(sessions::table.find(id_hash)).execute(conn)?;
    Ok(())
}

pub fn insert_token(conn: &mut DbConnection, row: &TokenRow) -> StoreResult<()> {
    diesel::insert_into(api_tokens::table).values(row).execute(conn)?;
    Ok(())
}

/// The user of an unrevoked token.
pub fn token_user(conn: &mut DbConnection, token_hash: &str) -> StoreResult<Option<UserRow>> {
    Ok(api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::token_hash.eq(token_hash))
        .filter(api_tokens::revoked_at.is_null())
        .filter(users::active.eq(true))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn revoke_token(conn: &mut DbConnection, token_hash: &str, at: NaiveDateTime) -> StoreResult<usize> {
    Ok(diesel::update(
        api_tokens::table
            .filter(api_tokens::token_hash.eq(token_hash))
            .filter(api_tokens::revoked_at.is_null()),
    )
    .set(api_tokens::revoked_at.eq(Some(at)))
    .execute(conn)?)
}

pub fn insert_login_attempt(conn: &mut DbConnection, row: &LoginAttemptRow) -> StoreResult<()> {
    diesel::insert_into(login_attempts::table).values(row).execute(conn)?;
    Ok(())
}

/// Failed attempts at a username from an address since `since`, not counting those before the
/// last success there.
pub fn failures_since(
    conn: &mut DbConnection,
    username: &str,
    address: &str,
    since: NaiveDateTime,
) -> StoreResult<i64> {
    let last_success: Option<NaiveDateTime> = login_attempts::table
        .filter(login_attempts::username.eq(username))
        .filter(login_attempts::address.eq(address))
        .filter(login_attempts::succeeded.eq(true))
        .select(diesel::dsl::max(login_attempts::attempted_at))
        .first(conn)?;
    let from = match last_success {
        Some(t) if t > since => t,
        _ => since,
    };
    Ok(login_attempts::table
        .filter(login_attempts::username.eq(username))
        .filter(login_attempts::address.eq(address))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::attempted_at.gt(from))
        .count()
        .get_result(conn)?)
}

/// Failed attempts from an address since `since`, at any username.
pub fn address_failures_since(
    conn: &mut DbConnection,
    address: &str,
    since: NaiveDateTime,
) -> StoreResult<i64> {
    Ok(login_attempts::table
        .filter(login_attempts::address.eq(address))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::attempted_at.gt(since))
        .count()
        .get_result(conn)?)
}
