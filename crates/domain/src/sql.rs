//! The domain's enums as TEXT columns on each database coso runs on (feature `sql`, enabled by
//! coso-store only): written as their code, read back into the enum, an unknown code being a
//! read error. The rules never see a database; this only says how a value is spelled there
//! (ADR 0009).
use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;
use diesel::sqlite::Sqlite;

macro_rules! text_codes {
    ($($kind:ty => $what:literal),* $(,)?) => {$(
        impl ToSql<Text, Sqlite> for $kind {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
                <str as ToSql<Text, Sqlite>>::to_sql(self.code(), out)
            }
        }

        impl ToSql<Text, Pg> for $kind {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                <str as ToSql<Text, Pg>>::to_sql(self.code(), out)
            }
        }

        impl FromSql<Text, Sqlite> for $kind {
            fn from_sql(bytes: <Sqlite as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                let code = <String as FromSql<Text, Sqlite>>::from_sql(bytes)?;
                <$kind>::from_code(&code).ok_or_else(|| format!("unknown {} code «{code}»", $what).into())
            }
        }

        impl FromSql<Text, Pg> for $kind {
            fn from_sql(bytes: <Pg as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                let code = <String as FromSql<Text, Pg>>::from_sql(bytes)?;
                <$kind>::from_code(&code).ok_or_else(|| format!("unknown {} code «{code}»", $what).into())
            }
        }
    )*};
}

text_codes! {
    crate::access::Role => "role",
    crate::meeting::MeetingKind => "meeting kind",
    crate::member::MemberStatus => "member status",
    crate::member::MemberEventKind => "member event",
    crate::member::Sex => "sex",
    crate::org::OrgKind => "organization kind",
    crate::org::Sector => "sector",
    crate::org::OrgEventKind => "organization event",
    crate::position::PositionRole => "position",
    crate::quota::QuotaLevel => "quota level",
}

macro_rules! text_ids {
    ($($id:ty),* $(,)?) => {$(
        impl ToSql<Text, Sqlite> for $id {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
                <str as ToSql<Text, Sqlite>>::to_sql(self.as_str(), out)
            }
        }

        impl ToSql<Text, Pg> for $id {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                <str as ToSql<Text, Pg>>::to_sql(self.as_str(), out)
            }
        }

        impl FromSql<Text, Sqlite> for $id {
            fn from_sql(bytes: <Sqlite as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                Ok(<String as FromSql<Text, Sqlite>>::from_sql(bytes)?.into())
            }
        }

        impl FromSql<Text, Pg> for $id {
            fn from_sql(bytes: <Pg as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                Ok(<String as FromSql<Text, Pg>>::from_sql(bytes)?.into())
            }
        }
    )*};
}

text_ids!(crate::id::OrgId, crate::id::PersonId, crate::id::MembershipId, crate::id::MeetingId);
