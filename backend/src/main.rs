//! The `malanhua` command: serve, migrate, seed-demo, create-admin.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use malanhua::config::Config;
use malanhua::core::db;
use malanhua::seed;
use malanhua::{App, telemetry};

/// Malanhua (马兰花创业培训): classes, certificates, subsidies, mentors.
/// Configuration comes from the environment: DATABASE_URL, MALANHUA_ADDR,
/// MALANHUA_JWT_SECRET, MALANHUA_TOKEN_MINUTES, MALANHUA_DB_POOL,
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
        }
        Command::CreateAdmin { mobile, name, password } => {
            let id = seed::create_admin(&app.state, &mobile, &password, &name, app.state.now()).await?;
            println!("administrator {mobile} ready (account {id})");
        }
    }
    Ok(())
}
