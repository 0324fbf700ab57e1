//! The one authorization point: who the actor is, and whether they may act on a subtree.
use coso_domain::access::{Permission, Role};

use crate::{AppError, AppResult};

/// Whoever is acting: a logged-in user, a token holder, or the system itself (CLI, demo).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Actor {
    pub user_id: Option<String>,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The organization the account is bound to.
    pub org_id: Option<String>,
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
}

/// May `actor` do `permission` on something located at `target_path`
/// (or at all, when there is no target yet)?
pub fn authorize(actor: &Actor, permission: Permission, target_path: Option<&str>) -> AppResult<()> {
    if !actor.role.allows(permission) {
        return Err(AppError::Forbidden);
    }
    match (target_path, actor.scope_path.as_deref()) {
        (Some(target), Some(scope)) if !coso_domain::org::in_subtree(target, scope) => {
            Err(AppError::Forbidden)
        }
        _ => Ok(()),
    }
}

/// May `actor` do `permission` for a whole tree (city-wide rules such as quota policies)? Only
/// an unbound account or one bound to a root organization (a district-level committee) may.
pub fn authorize_whole_tree(actor: &Actor, permission: Permission) -> AppResult<()> {
    authorize(actor, permission, None)?;
    let at_root = actor.scope_path.as_deref().is_none_or(|p| p.trim_matches('/').split('/').count() == 1);
    if at_root { Ok(()) } else { Err(AppError::Forbidden) }
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
            let got = authorize_whole_tree(&actor(role, scope), Permission::WriteOrgs).is_ok();
            assert_eq!(got, ok, "{role:?} {scope:?}");
        }
    }

    #[test]
    fn scope_and_role_both_apply() {
        let cases = [
            (Role::Admin, None, Permission::ManageUsers, Some("/a/b/"), true),
            (Role::OrgAdmin, Some("/a/b/"), Permission::WriteMembers, Some("/a/b/c/"), true),
            (Role::OrgAdmin, Some("/a/b/"), Permission::WriteMembers, Some("/a/x/"), false),
            (Role::OrgAdmin, Some("/a/b/"), Permission::WriteMembers, Some("/a/"), false),
            (Role::Viewer, Some("/a/"), Permission::WriteMembers, Some("/a/b/"), false),
            (Role::Viewer, Some("/a/"), Permission::ReadMembers, Some("/a/b/"), true),
            (Role::CellSecretary, Some("/a/c/"), Permission::WriteMembers, None, true),
        ];
        for (role, scope, perm, target, ok) in cases {
            let got = authorize(&actor(role, scope), perm, target).is_ok();
            assert_eq!(got, ok, "{role:?} {scope:?} {perm:?} {target:?}");
        }
    }
}
