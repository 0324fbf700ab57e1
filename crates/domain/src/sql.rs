//! The domain's enums and ids as TEXT columns (feature `sql`, enabled by coso-store only):
//! written as their code, read back into the enum, an unknown code being a read error. The
//! rules never see a database; this only says how a value is spelled there (ADR 0009).
//!
//! [`text_columns!`](crate::text_columns) holds the one list of such types and the one way to
//! spell them; it is invoked here for SQLite and PostgreSQL and by coso-store for the
//! connection that serves both.

/// `ToSql<Text, B>` and `FromSql<Text, B>` for every domain type stored as TEXT, for the
/// backend `B` given. The caller needs `diesel` among its dependencies.
#[macro_export]
macro_rules! text_columns {
    ($backend:ty) => {
        $crate::text_columns!(@codes $backend;
            $crate::access::Role => "role",
            $crate::meeting::MeetingKind => "meeting kind",
            $crate::member::MemberStatus => "member status",
            $crate::member::MemberEventKind => "member event",
            $crate::member::LeavingGround => "leaving ground",
            $crate::member::Sex => "sex",
            $crate::org::OrgKind => "organization kind",
            $crate::org::Sector => "sector",
            $crate::org::OrgEventKind => "organization event",
            $crate::position::PositionRole => "position",
            $crate::quota::QuotaLevel => "quota level",
            $crate::rating::Tier => "rating tier",
            $crate::rating::RatingStage => "rating stage",
            $crate::discipline::DisciplineForm => "discipline form",
            $crate::discipline::InspectionKind => "inspection kind",
            $crate::pilot::Indicator => "pilot indicator",
            $crate::pilot::ActionStatus => "action status",
            $crate::plan::PlanKind => "plan kind",
            $crate::plan::Measure => "measure",
            $crate::plan::Governs => "document subject",
            $crate::training::Category => "training category",
            $crate::training::Audience => "training audience",
            $crate::training::Outcome => "training outcome",
        );
        $crate::text_columns!(@ids $backend;
            $crate::id::OrgId,
            $crate::id::PersonId,
            $crate::id::MembershipId,
            $crate::id::MeetingId,
        );
    };
    (@codes $backend:ty; $($kind:ty => $what:literal),* $(,)?) => {$(
        impl ::diesel::serialize::ToSql<::diesel::sql_types::Text, $backend> for $kind {
            fn to_sql<'b>(
                &'b self,
                out: &mut ::diesel::serialize::Output<'b, '_, $backend>,
            ) -> ::diesel::serialize::Result {
                <str as ::diesel::serialize::ToSql<::diesel::sql_types::Text, $backend>>::to_sql(self.code(), out)
            }
        }

        impl ::diesel::deserialize::FromSql<::diesel::sql_types::Text, $backend> for $kind {
            fn from_sql(
                bytes: <$backend as ::diesel::backend::Backend>::RawValue<'_>,
            ) -> ::diesel::deserialize::Result<Self> {
                let code = <String as ::diesel::deserialize::FromSql<::diesel::sql_types::Text, $backend>>::from_sql(bytes)?;
                <$kind>::from_code(&code).ok_or_else(|| format!("unknown {} code «{code}»", $what).into())
            }
        }
    )*};
    (@ids $backend:ty; $($id:ty),* $(,)?) => {$(
        impl ::diesel::serialize::ToSql<::diesel::sql_types::Text, $backend> for $id {
            fn to_sql<'b>(
                &'b self,
                out: &mut ::diesel::serialize::Output<'b, '_, $backend>,
            ) -> ::diesel::serialize::Result {
                <str as ::diesel::serialize::ToSql<::diesel::sql_types::Text, $backend>>::to_sql(self.as_str(), out)
            }
        }

        impl ::diesel::deserialize::FromSql<::diesel::sql_types::Text, $backend> for $id {
            fn from_sql(
                bytes: <$backend as ::diesel::backend::Backend>::RawValue<'_>,
            ) -> ::diesel::deserialize::Result<Self> {
                Ok(<String as ::diesel::deserialize::FromSql<::diesel::sql_types::Text, $backend>>::from_sql(bytes)?.into())
            }
        }
    )*};
}

text_columns!(diesel::sqlite::Sqlite);
text_columns!(diesel::pg::Pg);
