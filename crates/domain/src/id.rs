//! The identifiers of coso's records, one type per kind of record: an organization's id cannot
//! stand where a member's is expected. They are UUIDs written as text (ADR 0002); in JSON and
//! in the database they are plain strings (ADR 0009).
use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_types {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "sql", derive(diesel::AsExpression, diesel::FromSqlRow), diesel(sql_type = diesel::sql_types::Text))]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<String> for $name {
            fn from(raw: String) -> Self {
                $name(raw)
            }
        }

        impl From<&str> for $name {
            fn from(raw: &str) -> Self {
                $name(raw.trim().to_string())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    )*};
}

id_types! {
    /// A party organization, whatever its versions.
    OrgId,
    /// A person: a member, a trainee or a cadre.
    PersonId,
    /// A person's party record.
    MembershipId,
    /// A cell meeting.
    MeetingId,
}
