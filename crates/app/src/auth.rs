//! Accounts: passwords (argon2id), login with throttling, browser sessions and API tokens.
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use chrono::Duration;
use coso_domain::access::{Permission, Role};
use coso_store::accounts::{self, LoginAttemptRow, SessionRow, TokenRow, UserRow};
use coso_store::{DbConnection, new_id, now};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::access;
use crate::{Actor, App, AppError, AppResult, Tx, audit};

/// How long a browser session lives without a new login.
pub const SESSION_HOURS: i64 = 12;
/// Failed logins allowed for one username within the window before it is locked.
pub const MAX_FAILURES: i64 = 5;
/// Failed logins from one address, at any account, before that address must wait.
pub const MAX_ADDRESS_FAILURES: i64 = 20;
pub const THROTTLE_MINUTES: i64 = 15;

/// A new browser session: the cookie value (secret) and the form token bound to it.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    pub actor: Actor,
}

/// A request to create a user account.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct NewUser {
    pub username: String,
    pub display_name: Option<String>,
    pub role: String,
    pub org_code: Option<String>,
    pub password: String,
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

/// Secrets are stored only as their SHA-256: a stolen database opens no session.
fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

pub fn hash_password(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(format!("password hash: {e}")))
}

fn password_matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
        .unwrap_or(false)
}

fn normalize_username(username: &str) -> String {
    username.trim().to_lowercase()
}

impl App {
    /// The actor of an account, with its scope resolved to the bound organization's path.
    fn actor_of(&self, conn: &mut DbConnection, user: &UserRow) -> AppResult<Actor> {
        let role = user.role;
        let scope_path = match (&user.org_id, role) {
            (_, Role::Admin) | (None, _) => None,
            (Some(org_id), _) => {
                // The unit as it stands today, or last stood if it was dissolved.
                Some(crate::orgs::org_by_id_on(conn, org_id, crate::today())?.version.path)
            }
        };
        // A non-admin account always has a scope; an unbound one sees nothing.
        let scope_path = match (role, scope_path) {
            (Role::Admin, _) => None,
            (_, Some(p)) => Some(p),
            (_, None) => Some("/-none-/".into()),
        };
        Ok(Actor {
            user_id: Some(user.id.clone()),
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            role,
            org_id: user.org_id.clone(),
            scope_path,
        })
    }

    /// Creates an account. Only administrators (and the system) may.
    pub fn add_user(&self, actor: &Actor, input: NewUser) -> AppResult<String> {
        self.transaction(|tx| tx.add_user(actor, input))
    }

    /// Checks a password and opens a session. Repeated failures lock the username for a while.
    /// Logs in from the client `address`. Repeated failures lock that address out of that
    /// account, and a noisy address out of every account; the account itself stays open from
    /// elsewhere, so nobody can lock another person out by guessing.
    pub fn login(&self, username: &str, password: &str, address: &str) -> AppResult<NewSession> {
        let username = normalize_username(username);
        let since = now() - Duration::minutes(THROTTLE_MINUTES);
        let (failures, from_address) = self.db.read(|conn| {
            Ok::<_, AppError>((
                accounts::failures_since(conn, &username, address, since)?,
                accounts::address_failures_since(conn, address, since)?,
            ))
        })?;
        if failures >= MAX_FAILURES || from_address >= MAX_ADDRESS_FAILURES {
            return Err(AppError::Throttled { minutes: THROTTLE_MINUTES });
        }
        let user = self.db.read(|conn| accounts::user_by_username(conn, &username))?;
        let ok = match &user {
            Some(u) if u.active => password_matches(password, &u.password_hash),
            _ => {
                // Spend the same time as a real check, so timing does not reveal usernames.
                let _ = hash_password(password);
                false
            }
        };
        self.db.write(|conn| {
            accounts::insert_login_attempt(
                conn,
                &LoginAttemptRow {
                    id: new_id(),
                    username: username.clone(),
                    attempted_at: now(),
                    succeeded: ok,
                    address: address.to_string(),
                },
            )?;
            if !ok {
                let id = user.as_ref().map(|u| u.id.clone());
                let target = id.clone().unwrap_or_default();
                audit::record_by(
                    conn,
                    id,
                    &username,
                    "login_refused",
                    "user",
                    target,
                    audit::NONE,
                    audit::NONE,
                )?;
            }
            Ok::<_, AppError>(())
        })?;
        let Some(user) = user.filter(|_| ok) else {
            return Err(AppError::Unauthenticated);
        };
        self.db.write(|conn| {
            // Each successful login sweeps what has expired, so no background job is needed.
            accounts::purge_expired(conn, now(), now() - Duration::days(30))?;
            let token = random_hex(32);
            let csrf_token = random_hex(16);
            let created = now();
            accounts::insert_session(
                conn,
                &SessionRow {
                    id_hash: secret_hash(&token),
                    user_id: user.id.clone(),
                    csrf_token: csrf_token.clone(),
                    created_at: created,
                    expires_at: created + Duration::hours(SESSION_HOURS),
                },
            )?;
            let actor = self.actor_of(conn, &user)?;
            audit::record(conn, &actor, "login", "user", &user.id, audit::NONE, audit::NONE)?;
            Ok(NewSession { token, csrf_token, actor })
        })
    }

    /// The actor and form token of a live session cookie.
    pub fn session(&self, token: &str) -> AppResult<(Actor, String)> {
        self.db.read(|conn| {
            let (session, user) =
                accounts::live_session(conn, &secret_hash(token), now())?.ok_or(AppError::Unauthenticated)?;
            Ok((self.actor_of(conn, &user)?, session.csrf_token))
        })
    }

    /// Ends a session; the audit log keeps who left and when.
    pub fn logout(&self, token: &str) -> AppResult<()> {
        self.db.write(|conn| {
            let hash = secret_hash(token);
            if let Some((_, user)) = accounts::live_session(conn, &hash, now())? {
                let actor = self.actor_of(conn, &user)?;
                audit::record(conn, &actor, "logout", "user", &user.id, audit::NONE, audit::NONE)?;
            }
            accounts::delete_session(conn, &hash).map_err(AppError::from)
        })
    }

    /// Issues an API token for a user; only its hash is kept. Returns the token.
    pub fn create_token(&self, actor: &Actor, username: &str) -> AppResult<String> {
        access::whole_tree(actor, Permission::ManageUsers)?;
        let username = normalize_username(username);
        self.db.write(|conn| {
            let user = accounts::user_by_username(conn, &username)?
                .ok_or_else(|| AppError::NotFound(format!("tài khoản {username}")))?;
            let token = format!("coso_{}", random_hex(32));
            let row = TokenRow {
                id: new_id(),
                user_id: user.id.clone(),
                token_hash: secret_hash(&token),
                created_at: now(),
                revoked_at: None,
            };
            accounts::insert_token(conn, &row)?;
            audit::record(conn, actor, "create", "api_token", &row.id, audit::NONE, Some(&user.username))?;
            Ok(token)
        })
    }

    /// Revokes an API token; it stops working at once.
    pub fn revoke_token(&self, actor: &Actor, token: &str) -> AppResult<()> {
        access::whole_tree(actor, Permission::ManageUsers)?;
        self.db.write(|conn| {
            let n = accounts::revoke_token(conn, &secret_hash(token), now())?;
            if n == 0 {
                return Err(AppError::NotFound("mã truy cập".into()));
            }
            audit::record(conn, actor, "revoke", "api_token", "-", audit::NONE, audit::NONE)
        })
    }

    /// The actor of a bearer token.
    pub fn token_actor(&self, token: &str) -> AppResult<Actor> {
        self.db.read(|conn| {
            let user = accounts::token_user(conn, &secret_hash(token))?.ok_or(AppError::Unauthenticated)?;
            self.actor_of(conn, &user)
        })
    }
}

impl Tx<'_> {
    /// Creates an account. Only administrators (and the system) may.
    pub fn add_user(&mut self, actor: &Actor, input: NewUser) -> AppResult<String> {
        let conn = &mut *self.conn;
        access::whole_tree(actor, Permission::ManageUsers)?;
        let username = normalize_username(&input.username);
        let mut problems = Vec::new();
        if username.len() < 3 || !username.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)) {
            problems.push(coso_domain::Violation::on(
                "username",
                "Tên đăng nhập gồm ít nhất 3 ký tự: chữ không dấu, số, dấu chấm, gạch ngang.",
            ));
        }
        if input.password.chars().count() < 8 {
            problems.push(coso_domain::Violation::on("password", "Mật khẩu cần ít nhất 8 ký tự."));
        }
        let role = Role::from_code(input.role.trim());
        if role.is_none() {
            problems.push(coso_domain::Violation::on(
                "role",
                "Vai trò không hợp lệ (admin, city, org_admin, cell_secretary, cadre, inspector, viewer).",
            ));
        }
        crate::input::rules(problems)?;
        let role = role.unwrap_or(Role::Viewer);
        let hash = hash_password(&input.password)?;
        {
            if accounts::user_by_username(conn, &username)?.is_some() {
                return Err(AppError::field("username", "Tên đăng nhập đã được dùng."));
            }
            let org_id = match input.org_code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                Some(code) => Some(
                    coso_store::orgs::by_code(conn, code)?
                        .ok_or_else(|| AppError::field("org", format!("Không có tổ chức mã {code}.")))?
                        .id,
                ),
                None if role.needs_org() => {
                    return Err(AppError::field("org", "Tài khoản này cần gắn với một tổ chức (--org MÃ)."));
                }
                None => None,
            };
            let row = UserRow {
                id: new_id(),
                username: username.clone(),
                display_name: input.display_name.clone().unwrap_or_else(|| username.clone()),
                password_hash: hash,
                role,
                org_id,
                person_id: None,
                active: true,
                created_at: now(),
            };
            accounts::insert_user(conn, &row)?;
            let shown = serde_json::json!({"username": row.username, "role": row.role, "org_id": row.org_id});
            audit::record(conn, actor, "create", "user", &row.id, audit::NONE, Some(&shown))?;
            Ok(row.id)
        }
    }
}
