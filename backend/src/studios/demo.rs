//! Demo data for studios (filled in later).
