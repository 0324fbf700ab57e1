//! The Lạng Sơn demo (being written).
