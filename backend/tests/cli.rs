//! The `malanhua` command as an operator uses it, on a temporary SQLite file.

use std::path::PathBuf;
use std::process::{Command, Output};

fn malanhua(dir: &PathBuf, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_malanhua"));
    cmd.current_dir(dir).args(args).env_remove("DATABASE_URL").env_remove("MALANHUA_JWT_SECRET");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap_or_else(|e| panic!("cannot run malanhua: {e}"))
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("malanhua-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

#[test]
fn every_subcommand_has_help() {
    let dir = std::env::temp_dir();
    for sub in ["serve", "migrate", "seed-demo", "create-admin"] {
        let out = malanhua(&dir, &[sub, "--help"], &[]);
        assert!(out.status.success(), "{sub} --help failed");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: malanhua"), "{sub}");
    }
}

#[test]
fn migrate_then_create_admin_then_seed_demo_on_a_fresh_sqlite_file() {
    let dir = temp_dir();
    let out = malanhua(&dir, &["migrate"], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("database migrated (sqlite)"));
    assert!(dir.join("data/malanhua.db").exists(), "the default database is ./data/malanhua.db");
    let secret = std::fs::read_to_string(dir.join("data/jwt-secret")).unwrap_or_default();
    assert_eq!(secret.trim().len(), 64, "a secret is generated beside the database");

    let out = malanhua(
        &dir,
        &["create-admin", "--mobile", "13700000000", "--name", "李管理"],
        &[("MALANHUA_ADMIN_PASSWORD", "admin pass 2026")],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = malanhua(&dir, &["create-admin", "--mobile", "13700000001", "--password", "password"], &[]);
    assert!(!out.status.success(), "a common password must be refused");

    for expected in ["demo data loaded", "demo data already present"] {
        let out = malanhua(&dir, &["seed-demo"], &[]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(stdout.contains(expected), "{stdout}");
        assert!(stdout.contains("13800000000"));
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn postgres_without_a_secret_refuses_to_start_and_says_why() {
    let dir = std::env::temp_dir();
    let out = malanhua(&dir, &["migrate"], &[("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("MALANHUA_JWT_SECRET must be set"));
}
