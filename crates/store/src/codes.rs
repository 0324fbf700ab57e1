//! The domain's enums and ids as TEXT columns through the connection that serves both
//! backends: the same list and spelling the domain gives SQLite and PostgreSQL
//! (`coso_domain::text_columns!`), so rows carry `OrgKind`, `MemberStatus`… and never a string
//! the app parses again (ADR 0009).
coso_domain::text_columns!(crate::db::MultiBackend);
