//! The one authorization point: who the actor is, and the capabilities it hands out.
//!
//! A use case never asks "may I?" and goes on regardless: it asks this module for a grant, and
//! the code that reads or writes an organization's records takes that grant. The grants' fields
//! are private to this module, so a use case that forgot its check does not compile.
use coso_domain::access::{Permission, Role};
use coso_domain::id::OrgId;
use coso_domain::org::in_subtree;
use coso_store::DbConnection;
use coso_store::orgs::OrgAt;

use crate::{AppError, AppResult};

/// Whoever is acting: a logged-in user, a token holder, or the system itself (CLI, demo).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Actor {
    pub user_id: Option<String>,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The organization the account is bound to.
    pub org_id: Option<coso_domain::id::OrgId>,
    /// Path of the bound organization's subtree; `None` sees everything.
    pub scope_path: Option<String>,
}

/// The path prefix that matches every organization.
pub const WHOLE_TREE: &str = "/";

impl Actor {
    /// The system acting on its own behalf (command line, demo loader).
    pub fn system() -> Actor {
        Actor {
            user_id: None,
            username: "system".into(),
            display_name: "Hệ thống".into(),
            role: Role::Admin,
            org_id: None,
            scope_path: None,
        }
    }

    /// The subtree this actor's lists are limited to.
    pub fn scope(&self) -> &str {
        self.scope_path.as_deref().unwrap_or(WHOLE_TREE)
    }

    /// Whether the actor sees the whole tree: an unbound account or one bound to a root
    /// organization (a district-level committee).
    fn at_root(&self) -> bool {
        self.scope_path.as_deref().is_none_or(|p| p.trim_matches('/').split('/').count() == 1)
    }

    /// The role's rule and the scope's rule together, for an organization at `path`.
    fn permits(&self, permission: Permission, path: &str) -> bool {
        self.role.allows(permission) && self.scope_path.as_deref().is_none_or(|scope| in_subtree(path, scope))
    }
}

/// Capability over one organization and its subtree for one permission.
#[derive(Debug, Clone)]
pub struct OrgGrant {
    org_id: OrgId,
    path: String,
}

impl OrgGrant {
    /// The organization the grant is for: rows written under this grant belong to it.
    pub fn org_id(&self) -> &OrgId {
        &self.org_id
    }

    /// The subtree the grant covers, as the organization stood where the grant was checked.
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// Capability over the actor's own scope for one permission: the subtree its lists are
/// filtered to in SQL.
#[derive(Debug, Clone)]
pub struct ScopeGrant {
    path: String,
}

impl ScopeGrant {
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// Capability over the whole installation for one permission: city-wide rules and accounts.
/// Only [`whole_tree`] makes one.
#[derive(Debug, Clone)]
pub struct TreeGrant {
    _checked: (),
}

/// May `actor` do `permission` anywhere in its own scope? Lists are then filtered to the
/// grant's path.
pub(crate) fn scope(actor: &Actor, permission: Permission) -> AppResult<ScopeGrant> {
    if !actor.role.allows(permission) {
        return Err(AppError::Forbidden);
    }
    Ok(ScopeGrant { path: actor.scope().to_string() })
}

/// May `actor` do `permission` for the whole tree (city-wide rules such as quota policies)?
/// Only an unbound account or one bound to a root organization may.
pub(crate) fn whole_tree(actor: &Actor, permission: Permission) -> AppResult<TreeGrant> {
    if actor.role.allows(permission) && actor.at_root() {
        Ok(TreeGrant { _checked: () })
    } else {
        Err(AppError::Forbidden)
    }
}

/// Whether `actor` could get a [`whole_tree`] grant: pages show the city-wide forms by it.
pub(crate) fn may_act_on_whole_tree(actor: &Actor, permission: Permission) -> bool {
    whole_tree(actor, permission).is_ok()
}

/// May `actor` do `permission` on the organization `at` (as it stood on the date the use case
/// reads) and its subtree?
///
/// Records are handed over with their unit: writes are judged by where the organization stands
/// today, so a cell that moved to another ward belongs, with its history, to its new ward's
/// accounts. Reads of a past date are allowed to those who held the unit on that date and to
/// its owners today.
pub(crate) fn org(
    conn: &mut DbConnection,
    actor: &Actor,
    permission: Permission,
    at: &OrgAt,
) -> AppResult<OrgGrant> {
    if !actor.role.allows(permission) {
        return Err(AppError::Forbidden);
    }
    let today = place_today(conn, at)?;
    let path = if permission.is_write() {
        actor.permits(permission, &today).then_some(today)
    } else if actor.permits(permission, &at.version.path) {
        Some(at.version.path.clone())
    } else {
        actor.permits(permission, &today).then_some(today)
    };
    match path {
        Some(path) => Ok(OrgGrant { org_id: at.org.id.clone(), path }),
        None => Err(AppError::Forbidden),
    }
}

/// Whether `actor` could get an [`org`] grant: the `can_write` flags pages show.
pub(crate) fn can(
    conn: &mut DbConnection,
    actor: &Actor,
    permission: Permission,
    at: &OrgAt,
) -> AppResult<bool> {
    match org(conn, actor, permission, at) {
        Ok(_) => Ok(true),
        Err(AppError::Forbidden) => Ok(false),
        Err(other) => Err(other),
    }
}

/// Where the organization stands today: its open version, or its last one if it was dissolved.
fn place_today(conn: &mut DbConnection, at: &OrgAt) -> AppResult<String> {
    if at.version.valid_to.is_none() {
        return Ok(at.version.path.clone());
    }
    Ok(crate::orgs::org_by_id_on(conn, &at.org.id, crate::today())?.version.path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, scope: Option<&str>) -> Actor {
        Actor { role, scope_path: scope.map(String::from), ..Actor::system() }
    }

    #[test]
    fn whole_tree_rules_need_a_root_scope() {
        let cases = [
            (Role::Admin, None, true),
            (Role::City, Some("/root/"), true),
            (Role::OrgAdmin, Some("/root/ward/"), false),
            (Role::Viewer, Some("/root/"), false),
        ];
        for (role, scope, ok) in cases {
            let got = whole_tree(&actor(role, scope), Permission::WriteOrgs).is_ok();
            assert_eq!(got, ok, "{role:?} {scope:?}");
        }
    }

    #[test]
    fn scope_and_role_both_apply() {
        let cases = [
            (Role::Admin, None, Permission::ManageUsers, "/a/b/", true),
            (Role::OrgAdmin, Some("/a/b/"), Permission::WriteMembers, "/a/b/c/", true),
            (Role::OrgAdmin, Some("/a/b/"), Permission::WriteMembers, "/a/x/", false),
            (Role::OrgAdmin, Some("/a/b/"), Permission::WriteMembers, "/a/", false),
            (Role::Viewer, Some("/a/"), Permission::WriteMembers, "/a/b/", false),
            (Role::Viewer, Some("/a/"), Permission::ReadMembers, "/a/b/", true),
            (Role::CellSecretary, Some("/a/c/"), Permission::WriteMembers, "/a/d/", false),
        ];
        for (role, scope, perm, target, ok) in cases {
            let got = actor(role, scope).permits(perm, target);
            assert_eq!(got, ok, "{role:?} {scope:?} {perm:?} {target:?}");
        }
    }

    #[test]
    fn a_scope_grant_is_the_actors_subtree_and_needs_the_role() {
        assert_eq!(
            scope(&actor(Role::OrgAdmin, Some("/a/b/")), Permission::WriteOrgs).map(|g| g.path).ok(),
            Some("/a/b/".into())
        );
        assert_eq!(
            scope(&Actor::system(), Permission::ReadOrgs).map(|g| g.path).ok(),
            Some(WHOLE_TREE.into())
        );
        assert!(matches!(
            scope(&actor(Role::Viewer, Some("/a/")), Permission::WriteOrgs),
            Err(AppError::Forbidden)
        ));
    }
}
