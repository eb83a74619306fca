//! Rebuilds the server when the built web app changes or first appears: the
//! app is embedded from `frontend/dist` (by path in debug builds, by content
//! in release builds), and both are fixed when this crate compiles.

fn main() {
    println!("cargo:rerun-if-changed=../frontend/dist");
    println!("cargo:rerun-if-changed=build.rs");
}
