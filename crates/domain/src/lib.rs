//! coso-domain: the pure types and rules of party-building work, free of IO.
#[macro_use]
mod coded;
pub mod access;
pub mod date;
pub mod discipline;
pub mod document;
pub mod id;
pub mod meeting;
pub mod member;
pub mod org;
pub mod pilot;
pub mod plan;
pub mod position;
pub mod quota;
pub mod rating;
pub mod register;
pub mod reorganization;
pub mod resolution;
#[cfg(feature = "sql")]
mod sql;
pub mod text;
pub mod training;
pub mod vi;
pub mod violation;

pub use violation::Violation;
