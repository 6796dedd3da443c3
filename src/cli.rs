//! Command-line definitions (clap derive) and dispatch.

use crate::error::{Error, Result};
use crate::index::ShopDir;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "langgan",
    version,
    about = "Customer records for small online shops, kept as plain YAML files in git",
    long_about = "langgan reads a shop folder (shop.toml, customers/, complaints/), checks the records, \
                  tells each admin what is due today and renders a weekly report site."
)]
pub struct Cli {
    /// Shop folder (default: the nearest folder with shop.toml, from here upwards)
    #[arg(long, global = true, value_name = "DIR")]
    pub shop: Option<PathBuf>,
    /// Pretend it is this time, e.g. "2026-11-20 15:00" (shop time zone)
    #[arg(long, global = true, value_name = "TIME", env = "LANGGAN_NOW")]
    pub now: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new shop skeleton (shop.toml, folders, .gitignore)
    Init {
        /// Folder to create the shop in (default: here)
        dir: Option<PathBuf>,
    },
    /// Validate every record; problems go to stderr as path:line:col
    Check,
    /// What is due today, grouped by admin, with ready-to-send messages
    Due {
        /// Only this admin's tasks
        #[arg(long, value_name = "ADMIN")]
        admin: Option<String>,
        /// Also list tasks coming due within this time, e.g. 2d
        #[arg(long, value_name = "DUR")]
        upcoming: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Explain a customer's or complaint's tasks and segments, step by step
    Explain {
        /// Customer or complaint id (file name without .yaml)
        id: String,
    },
    /// List customers with their segments
    Customers {
        /// Only this segment: lead, new, repeat, inactive, unpaid, high, medium, low
        #[arg(long, value_name = "SEGMENT")]
        segment: Option<String>,
        /// Only customers with this tag
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// List complaints with their status
    Complaints {
        /// Only complaints not yet resolved
        #[arg(long)]
        open: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Render the static report site (default: <shop>/public)
    Report {
        /// Output folder
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Build the report, then rebuild it on every change to the records
    Watch {
        /// Output folder
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Poll for changes instead of using file-system events (network drives, WSL)
        #[arg(long)]
        poll: bool,
        /// Also serve the site, reloading pages after each rebuild (default 127.0.0.1:8080)
        #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "127.0.0.1:8080")]
        serve: Option<String>,
    },
    /// Weekly service metrics
    Stats {
        /// ISO week, e.g. 2026-W47 (default: the week holding now)
        #[arg(long, value_name = "WEEK")]
        week: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}

pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Init { dir } => crate::commands::init(dir.as_deref()),
        Command::Watch { out, poll, serve } => {
            let dir = ShopDir::locate(cli.shop.as_deref())?;
            let config = crate::index::load_config(&dir)?;
            let now = cli
                .now
                .as_deref()
                .map(|s| crate::time::parse_time(s, &config.timezone))
                .transpose()
                .map_err(|m| Error::usage(format!("--now: {m}")))?;
            let out = out.unwrap_or_else(|| dir.root.join("public"));
            crate::watch::run(dir, now, crate::watch::Options { out, poll, serve })
        }
        command => {
            let dir = ShopDir::locate(cli.shop.as_deref())?;
            let ctx = crate::commands::Ctx::open(dir, cli.now.as_deref())?;
            match command {
                Command::Init { .. } | Command::Watch { .. } => {
                    Err(Error::usage("internal: command dispatched twice"))
                }
                Command::Check => crate::commands::check(&ctx),
                Command::Due {
                    admin,
                    upcoming,
                    format,
                } => crate::commands::due(&ctx, admin.as_deref(), upcoming.as_deref(), format),
                Command::Explain { id } => crate::explain::run(&ctx, &id),
                Command::Customers {
                    segment,
                    tag,
                    format,
                } => crate::commands::customers(&ctx, segment.as_deref(), tag.as_deref(), format),
                Command::Complaints { open, format } => {
                    crate::commands::complaints(&ctx, open, format)
                }
                Command::Stats { week, format } => {
                    crate::commands::stats(&ctx, week.as_deref(), format)
                }
                Command::Report { out } => crate::commands::report(&ctx, out.as_deref()),
            }
        }
    }
}
