//! The domain's enums as TEXT columns through the connection that serves both backends: the
//! domain spells them for SQLite and PostgreSQL (`coso_domain::sql`), this forwards to the same
//! code, so rows carry `OrgKind`, `MemberStatus`… and never a string the app parses again
//! (ADR 0009).
use diesel::deserialize::{self, FromSql};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;

use crate::db::MultiBackend;

macro_rules! text_codes {
    ($($kind:ty => $what:literal),* $(,)?) => {$(
        impl ToSql<Text, MultiBackend> for $kind {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                <str as ToSql<Text, MultiBackend>>::to_sql(self.code(), out)
            }
        }

        impl FromSql<Text, MultiBackend> for $kind {
            fn from_sql(bytes: <MultiBackend as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                let code = <String as FromSql<Text, MultiBackend>>::from_sql(bytes)?;
                <$kind>::from_code(&code).ok_or_else(|| format!("unknown {} code «{code}»", $what).into())
            }
        }
    )*};
}

text_codes! {
    coso_domain::access::Role => "role",
    coso_domain::meeting::MeetingKind => "meeting kind",
    coso_domain::member::MemberStatus => "member status",
    coso_domain::member::MemberEventKind => "member event",
    coso_domain::member::Sex => "sex",
    coso_domain::org::OrgKind => "organization kind",
    coso_domain::org::Sector => "sector",
    coso_domain::org::OrgEventKind => "organization event",
    coso_domain::position::PositionRole => "position",
    coso_domain::quota::QuotaLevel => "quota level",
}

macro_rules! text_ids {
    ($($id:ty),* $(,)?) => {$(
        impl ToSql<Text, MultiBackend> for $id {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                <str as ToSql<Text, MultiBackend>>::to_sql(self.as_str(), out)
            }
        }

        impl FromSql<Text, MultiBackend> for $id {
            fn from_sql(bytes: <MultiBackend as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                Ok(<String as FromSql<Text, MultiBackend>>::from_sql(bytes)?.into())
            }
        }
    )*};
}

text_ids!(
    coso_domain::id::OrgId,
    coso_domain::id::PersonId,
    coso_domain::id::MembershipId,
    coso_domain::id::MeetingId,
);
