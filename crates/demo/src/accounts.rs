//! The demo's accounts, one per kind of user the seed article names; passwords are for trying
//! coso out and are printed when the demo loads.
use coso_domain::access::Role;
use coso_domain::position::PositionRole;

use super::{Demo, DemoAccount};
use coso_app::auth::NewUser;
use coso_app::{Actor, AppResult, Tx};

/// (username, password, role, organization code, display name).
const ACCOUNTS: [(&str, &str, Role, Option<&str>, &str); 5] = [
    ("admin", "admin12345", Role::Admin, None, "Quản trị hệ thống"),
    ("thanhuy", "thanhuy123", Role::City, Some("LS"), "Ban Tổ chức Thành ủy"),
    ("hoangvanthu", "hoangvanthu1", Role::OrgAdmin, Some("LS-HVT"), "Văn phòng Đảng ủy phường Hoàng Văn Thụ"),
    ("khoi9", "khoi9bithu", Role::CellSecretary, Some("LS-HVT-K9"), "Bí thư Chi bộ khối 9"),
    ("xem", "xem12345", Role::Viewer, Some("LS"), "Người xem"),
];

impl Demo {
    /// Creates the accounts through the account use case and lists them for the person
    /// starting the demo.
    pub(crate) fn open_accounts(&mut self, tx: &mut Tx<'_>, actor: &Actor) -> AppResult<()> {
        for (username, password, role, org, display_name) in ACCOUNTS {
            // The cell secretary's account carries the name of the secretary the demo elected.
            let display_name = match org.filter(|_| role == Role::CellSecretary) {
                Some(cell) => {
                    self.holder_name(cell, PositionRole::Secretary).unwrap_or(display_name).to_string()
                }
                None => display_name.to_string(),
            };
            let input = NewUser {
                username: username.into(),
                display_name: Some(display_name),
                role: role.code().into(),
                org_code: org.map(String::from),
                password: password.into(),
            };
            tx.add_user(actor, input)?;
            let org_name = match org {
                Some(code) => self.tree.unit(code).map(|u| u.name.clone()).unwrap_or_default(),
                None => "Toàn hệ thống".into(),
            };
            self.accounts.push(DemoAccount {
                username: username.into(),
                password: password.into(),
                role: role.label().into(),
                org: org_name,
            });
        }
        Ok(())
    }

    /// The name of who holds `role` in the unit `code` from the 2020 congress.
    fn holder_name(&self, code: &str, role: PositionRole) -> Option<&str> {
        self.officers
            .iter()
            .find(|p| p.org == code && p.role == role)
            .map(|p| self.members[p.member].person.full_name.as_str())
    }
}
