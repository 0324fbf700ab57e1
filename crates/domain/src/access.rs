//! Roles of user accounts and what each may do within its organization subtree.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
pub enum Role {
    /// Runs the installation: accounts, everything.
    Admin,
    /// City organization board: the whole tree.
    City,
    /// Grassroots committee staff: their own subtree, with writes.
    OrgAdmin,
    /// A cell secretary: their own cell.
    CellSecretary,
    /// A committee member: their own assignments.
    Cadre,
    /// Inspection commission: inspection and discipline in scope.
    Inspector,
    /// Read-only in scope.
    Viewer,
}

/// Something a user may want to do; each use case asks for exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    ReadOrgs,
    WriteOrgs,
    ReadMembers,
    WriteMembers,
    ManageUsers,
    ReadAudit,
    /// Meetings, attendance and the reports on them.
    ReadMeetings,
    WriteMeetings,
    /// The annual rating: reading it and its statistics.
    ReadRatings,
    /// Self-assessment and the proposal of a cell or committee.
    ProposeRatings,
    /// The decision of the competent level (its scope must hold the rated unit's superior).
    DecideRatings,
    /// Inspection and supervision cases and discipline decisions.
    ReadInspections,
    WriteInspections,
}

impl Permission {
    /// Whether the permission changes records (writes are judged by where a unit stands today).
    pub fn is_write(self) -> bool {
        use Permission::*;
        match self {
            WriteOrgs | WriteMembers | ManageUsers | WriteMeetings | ProposeRatings | DecideRatings
            | WriteInspections => true,
            ReadOrgs | ReadMembers | ReadAudit | ReadMeetings | ReadRatings | ReadInspections => false,
        }
    }
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Admin,
        Role::City,
        Role::OrgAdmin,
        Role::CellSecretary,
        Role::Cadre,
        Role::Inspector,
        Role::Viewer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::City => "city",
            Role::OrgAdmin => "org_admin",
            Role::CellSecretary => "cell_secretary",
            Role::Cadre => "cadre",
            Role::Inspector => "inspector",
            Role::Viewer => "viewer",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Quản trị hệ thống",
            Role::City => "Ban Tổ chức Thành ủy",
            Role::OrgAdmin => "Cán bộ đảng ủy cơ sở",
            Role::CellSecretary => "Bí thư chi bộ",
            Role::Cadre => "Cấp ủy viên",
            Role::Inspector => "Ủy ban Kiểm tra",
            Role::Viewer => "Chỉ xem",
        }
    }

    /// Every role but admin is bound to one organization whose subtree is its scope.
    pub fn needs_org(self) -> bool {
        self != Role::Admin
    }

    pub fn allows(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Admin => true,
            Role::City => permission != ManageUsers,
            Role::OrgAdmin => matches!(
                permission,
                ReadOrgs
                    | WriteOrgs
                    | ReadMembers
                    | WriteMembers
                    | ReadMeetings
                    | WriteMeetings
                    | ReadRatings
                    | ProposeRatings
                    | DecideRatings
                    | ReadInspections
                    | WriteInspections
            ),
            Role::CellSecretary => matches!(
                permission,
                ReadOrgs
                    | ReadMembers
                    | WriteMembers
                    | ReadMeetings
                    | WriteMeetings
                    | ReadRatings
                    | ProposeRatings
            ),
            Role::Cadre => matches!(permission, ReadOrgs | ReadMeetings | ReadRatings),
            Role::Inspector => {
                matches!(
                    permission,
                    ReadOrgs | ReadMembers | ReadMeetings | ReadRatings | ReadInspections | WriteInspections
                )
            }
            Role::Viewer => {
                matches!(permission, ReadOrgs | ReadMembers | ReadMeetings | ReadRatings | ReadInspections)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::*;

    #[test]
    fn role_permissions() {
        let cases = [
            (Role::Admin, ManageUsers, true),
            (Role::City, ManageUsers, false),
            (Role::City, WriteOrgs, true),
            (Role::City, ReadAudit, true),
            (Role::OrgAdmin, WriteOrgs, true),
            (Role::OrgAdmin, ReadAudit, false),
            (Role::CellSecretary, WriteMembers, true),
            (Role::CellSecretary, WriteOrgs, false),
            (Role::Cadre, ReadMembers, false),
            (Role::Cadre, ReadOrgs, true),
            (Role::Inspector, ReadMembers, true),
            (Role::Inspector, WriteMembers, false),
            (Role::Viewer, WriteMembers, false),
            (Role::Viewer, ReadMembers, true),
            (Role::CellSecretary, WriteMeetings, true),
            (Role::Viewer, WriteMeetings, false),
            (Role::Cadre, ReadMeetings, true),
            (Role::Cadre, WriteMeetings, false),
            // Ratings: the cell proposes, the committee above decides (domain.md §8).
            (Role::CellSecretary, ProposeRatings, true),
            (Role::CellSecretary, DecideRatings, false),
            (Role::OrgAdmin, DecideRatings, true),
            (Role::City, DecideRatings, true),
            (Role::Viewer, ReadRatings, true),
            (Role::Viewer, ProposeRatings, false),
            (Role::Cadre, ReadRatings, true),
            (Role::Inspector, WriteInspections, true),
            (Role::Inspector, ProposeRatings, false),
            (Role::CellSecretary, ReadInspections, false),
            (Role::OrgAdmin, WriteInspections, true),
            (Role::OrgAdmin, ManageUsers, false),
        ];
        for (role, p, want) in cases {
            assert_eq!(role.allows(p), want, "{role:?} {p:?}");
        }
        for (p, write) in [(ReadOrgs, false), (WriteOrgs, true), (ReadMeetings, false), (WriteMeetings, true)]
        {
            assert_eq!(p.is_write(), write, "{p:?}");
        }
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
    }
}
