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
    /// Fill the database with a province's worth of generated data for the
    /// benchmark (factor 1: 100,000 classes, 1,000,000 trainees, enrolments
    /// and claims); prints what it made as one JSON line.
    SeedScale {
        /// 1 is a province; 0.1 a quick run.
        #[arg(long, default_value_t = 1.0)]
        factor: f64,
        /// The same seed makes the same data.
        #[arg(long, default_value_t = 20261204)]
        seed: u64,
    },
    /// The benchmark's database ceiling of the enrolment transaction: the
    /// product's enrolment and withdrawal called directly (no HTTP) by
    /// `--workers` tasks for the people whose tokens are in `--tokens`;
    /// prints the rate as one JSON line.
    BenchEnrol {
        /// The class to enrol in and withdraw from.
        #[arg(long)]
        class: String,
        /// A file with one bearer token per line (whose people take part).
        #[arg(long)]
        tokens: std::path::PathBuf,
        /// Concurrent tasks.
        #[arg(long, default_value_t = 64)]
        workers: usize,
        /// How long to run.
        #[arg(long, default_value_t = 10.0)]
        seconds: f64,
    },
    /// The query plans of bureau worklist pages (query strings as the API
    /// takes them) over the claims of `--region`, as Markdown.
    ExplainWorklist {
        /// The officer's region (six digits).
        #[arg(long)]
        region: String,
        /// Worklist query strings: `status=paid&sort=amount_desc`.
        queries: Vec<String>,
    },
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

/// Blocking threads beyond the pool's connections: database work waits in
/// tokio's queue instead of in hundreds of threads (each with its stack and
/// its allocator arena) all waiting for one of the pool's connections. The
/// bench showed the server's memory growing with the threads under load;
/// this cap came after that measurement and is not measured yet.
const SPARE_BLOCKING_THREADS: usize = 8;

fn main() -> ExitCode {
    telemetry::init();
    let cli = Cli::parse();
    let result: Result<(), Box<dyn std::error::Error>> = Config::from_env().map_err(Into::into).and_then(|config| {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .max_blocking_threads(config.pool_size as usize + SPARE_BLOCKING_THREADS)
            .build()
            .map_err(Into::into)
            .and_then(|runtime| runtime.block_on(run(cli.command, config)))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("malanhua: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, config: Config) -> Result<(), Box<dyn std::error::Error>> {
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
        Command::SeedScale { factor, seed } => {
            let plan = malanhua::scale::Plan::new(factor, seed)?;
            let summary = malanhua::scale::seed_scale(&app.state, plan, app.state.now()).await?;
            eprintln!(
                "seed-scale: done in {:.1} s; database {:.1} MB; password of every account {}",
                summary.seconds,
                summary.database_bytes as f64 / 1e6,
                malanhua::scale::SCALE_PASSWORD
            );
            println!("{}", serde_json::to_string(&summary)?);
        }
        Command::BenchEnrol { class, tokens, workers, seconds } => {
            let text = std::fs::read_to_string(&tokens).map_err(|e| format!("{}: {e}", tokens.display()))?;
            let people = malanhua::scale::ceiling::people_of(&app.state, &text)?;
            let result =
                malanhua::scale::ceiling::enrolment(app.state.clone(), class, people, workers, seconds).await?;
            println!("{}", serde_json::to_string(&result)?);
        }
        Command::ExplainWorklist { region, queries } => {
            let plans = app.state.db(move |c| malanhua::scale::explain::worklist_plans(c, &region, &queries)).await?;
            print!("{plans}");
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
