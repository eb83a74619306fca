//! The `malanhua` command: serve, migrate, seed-demo, create-admin, backup.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use malanhua::config::Config;
use malanhua::core::db;
use malanhua::seed;
use malanhua::{App, telemetry};

/// Malanhua (马兰花创业培训): classes, certificates, subsidies, mentors.
/// Configuration comes from the environment: DATABASE_URL, MALANHUA_ADDR,
/// MALANHUA_JWT_SECRET, MALANHUA_TOKEN_MINUTES, MALANHUA_DB_POOL,
/// MALANHUA_DB_WAIT_SECONDS, MALANHUA_HASH_QUEUE, MALANHUA_PUBLIC_URL,
/// MALANHUA_STATIC_DIR, RUST_LOG.
#[derive(Parser)]
#[command(name = "malanhua", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Apply migrations and serve the API and the web app.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo accounts once (skipped if already loaded) and print the logins.
    SeedDemo,
    /// Create an administrator, or make an existing account one.
    CreateAdmin {
        /// The administrator's mobile number.
        #[arg(long)]
        mobile: String,
        /// Real name.
        #[arg(long, default_value = "管理员")]
        name: String,
        /// Password; read from MALANHUA_ADMIN_PASSWORD when not given.
        #[arg(long, env = "MALANHUA_ADMIN_PASSWORD", hide_env_values = true)]
        password: String,
    },
    /// Write a consistent copy of the SQLite database to a new file, while
    /// the server runs (PostgreSQL: use pg_dump).
    Backup {
        /// The file to write (must not exist).
        to: std::path::PathBuf,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init();
    let cli = Cli::parse();
    match run(cli.command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("malanhua: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_env()?;
    let app = App::build(config).await?;
    match command {
        Command::Serve => app.serve().await?,
        Command::Migrate => {
            let state = app.state.clone();
            let version = state.db(|c| Ok(db::migration_version(c)?)).await?;
            println!("database migrated ({}), newest migration {version}", state.backend.name());
        }
        Command::SeedDemo => {
            let loaded = seed::seed_demo(&app.state, app.state.now()).await?;
            println!("{}", if loaded { "demo data loaded" } else { "demo data already present" });
            println!("demo logins (password {}):", seed::DEMO_PASSWORD);
            for login in seed::DEMO_LOGINS {
                println!("  {:<12} {}", login.mobile, login.label);
            }
            println!(
                "text messages (sign-up and reset codes) go to the development outbox: the server log, and \
                 {}/api/dev/sms?mobile=<number>",
                app.state.config.public_url
            );
        }
        Command::CreateAdmin { mobile, name, password } => {
            let id = seed::create_admin(&app.state, &mobile, &password, &name, app.state.now()).await?;
            println!("administrator {mobile} ready (account {id})");
        }
        Command::Backup { to } => {
            let (pool, path) = (app.state.pool.clone(), to.clone());
            let bytes =
                tokio::task::spawn_blocking(move || -> Result<u64, Box<dyn std::error::Error + Send + Sync>> {
                    Ok(db::backup(&mut *pool.get()?, &path)?)
                })
                .await?
                .map_err(|e| e.to_string())?;
            println!("backup written to {} ({bytes} bytes)", to.display());
        }
    }
    Ok(())
}
