//! Business rules as pure, synchronous functions: no warp, no diesel, no
//! clock (time is a parameter). Find a rule by its feature name here.

pub mod accounts;
pub mod authorization;
pub mod certificates;
pub mod classes;
pub mod subsidies;
