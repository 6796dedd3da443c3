//! Command-line definitions (clap derive) and dispatch.

use crate::commands::{self, Ctx, Format};
use crate::error::{Error, Result};
use crate::shop::index::ShopDir;
use clap::{Parser, Subcommand};
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
    /// Parse every record again instead of reusing the index cache (.langgan/)
    #[arg(long, global = true)]
    pub no_cache: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new shop skeleton (shop.toml, folders, .gitignore)
    Init {
        /// Folder to create the shop in (default: here)
        dir: Option<PathBuf>,
        /// Install a git pre-commit hook that runs `check` on the staged records
        #[arg(long)]
        hooks: bool,
        /// Write a CI workflow that checks, renders (contacts masked) and publishes the site
        #[arg(long, value_enum, value_name = "github|gitlab")]
        ci: Option<crate::io::team::Ci>,
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
        /// Mask phones and emails whatever shop.toml says (for a published site)
        #[arg(long)]
        mask: bool,
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
        /// Allow --serve on an address other than loopback: the site is then served
        /// to everyone on the network (refused while contacts are unmasked)
        #[arg(long, requires = "serve")]
        public: bool,
    },
    /// Create a new customer or complaint file
    #[command(subcommand)]
    New(NewCommand),
    /// Record work: append an interaction to a customer, or update a complaint
    Log {
        /// Customer or complaint id
        id: String,
        /// For a customer: inbound, followup, payment, shipping, aftercare, repeat, survey, note
        kind: Option<String>,
        /// A short note, e.g. "Sudah kirim pricelist"
        note: Option<String>,
        /// Who did it (an admin)
        #[arg(long, value_name = "ADMIN")]
        by: Option<String>,
        /// whatsapp, instagram, marketplace, …
        #[arg(long, value_name = "CHANNEL")]
        channel: Option<String>,
        /// When it happened (default: now)
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Complaint: set first_response to now (or --at)
        #[arg(long)]
        response: bool,
        /// Complaint: set resolved to now (or --at)
        #[arg(long)]
        resolved: bool,
        /// Complaint: the solution given
        #[arg(long, value_name = "TEXT")]
        solution: Option<String>,
        /// Complaint: the customer's rating 1–5
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=5))]
        csat: Option<u8>,
    },
    /// Import customers from a spreadsheet
    #[command(subcommand)]
    Import(ImportCommand),
    /// Weekly service metrics
    Stats {
        /// ISO week, e.g. 2026-W47 (default: the week holding now)
        #[arg(long, value_name = "WEEK")]
        week: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}

#[derive(Subcommand, Debug)]
pub enum NewCommand {
    /// A new customer file customers/<name>.yaml with first_contact = now
    Customer {
        /// Full name, e.g. "Siti Rahma"
        name: String,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        city: Option<String>,
        #[arg(long)]
        source: Option<String>,
        #[arg(long)]
        admin: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// Create it even when the phone already belongs to a customer
        #[arg(long)]
        force: bool,
    },
    /// A new complaint file complaints/<year>-<number>.yaml with opened = now
    Complaint {
        /// The customer's id
        customer: String,
        /// What went wrong, in a few words (default: "Komplain baru", to be edited)
        #[arg(long)]
        summary: Option<String>,
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        admin: Option<String>,
        #[arg(long)]
        channel: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Rows of a CSV export (comma or semicolon) become customer files
    Csv {
        file: PathBuf,
        /// Show what would be created, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows even when some are bad
        #[arg(long)]
        skip_bad: bool,
    },
    /// WhatsApp chat exports (.txt, or the .zip WhatsApp makes) become inbound interactions
    Whatsapp {
        /// One or more exports (Export chat → Without media)
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Every file is this customer's chat (also for a group chat)
        #[arg(long, value_name = "ID")]
        customer: Option<String>,
        /// The shop's name in the chat (default: [shop] whatsapp_name, or an admin's name)
        #[arg(long, value_name = "NAME")]
        me: Option<String>,
        /// The admin who answered (written as `by`)
        #[arg(long, value_name = "ADMIN")]
        by: Option<String>,
        /// Show what would be written, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Import the good files and lines even when some are bad
        #[arg(long)]
        skip_bad: bool,
    },
}

pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Init { dir, hooks, ci } => commands::init::init(dir.as_deref(), hooks, ci),
        Command::Watch {
            out,
            poll,
            serve,
            public,
        } => {
            let dir = ShopDir::locate(cli.shop.as_deref())?;
            let config = crate::shop::load::load_config(&dir)?;
            let now = cli
                .now
                .as_deref()
                .map(|s| crate::time::parse_now(Some(s), &config.timezone))
                .transpose()?;
            // Checked before the first build, so a refusal comes at once.
            let serve = serve
                .map(|addr| crate::watch::serve::plan(&addr, public, &config))
                .transpose()?;
            let out = out.unwrap_or_else(|| dir.root.join("public"));
            crate::watch::run(dir, now, crate::watch::Options { out, poll, serve })
        }
        Command::Log {
            id,
            kind,
            note,
            by,
            channel,
            at,
            response,
            resolved,
            solution,
            csat,
        } => {
            let dir = ShopDir::locate(cli.shop.as_deref())?;
            let entry = commands::log::LogEntry {
                kind,
                note,
                by,
                channel,
                at,
                response,
                resolved,
                solution,
                csat,
            };
            commands::log::log(&dir, cli.now.as_deref(), &id, &entry)
        }
        command => {
            let dir = ShopDir::locate(cli.shop.as_deref())?;
            let ctx = Ctx::open(dir, cli.now.as_deref(), !cli.no_cache)?;
            // The loaded shop lives until the process ends; freeing 100k records
            // one by one only costs time, so it is left to the OS.
            let ctx: &'static mut Ctx = Box::leak(Box::new(ctx));
            run_on_shop(command, ctx)
        }
    }
}

/// The commands that work on the loaded shop.
fn run_on_shop(command: Command, ctx: &mut Ctx) -> Result<i32> {
    match command {
        Command::New(NewCommand::Customer {
            name,
            phone,
            email,
            city,
            source,
            admin,
            note,
            force,
        }) => {
            let c = commands::new::NewCustomer {
                name,
                phone,
                email,
                city,
                source,
                admin,
                note,
            };
            commands::new::new_customer(ctx, &c, force)
        }
        Command::New(NewCommand::Complaint {
            customer,
            summary,
            category,
            admin,
            channel,
        }) => commands::new::new_complaint(
            ctx,
            &commands::new::NewComplaint {
                customer,
                summary,
                category,
                admin,
                channel,
            },
        ),
        Command::Import(ImportCommand::Csv {
            file,
            dry_run,
            skip_bad,
        }) => commands::import::import_csv(
            ctx,
            &file,
            &commands::import::ImportOptions { dry_run, skip_bad },
        ),
        Command::Import(ImportCommand::Whatsapp {
            files,
            customer,
            me,
            by,
            dry_run,
            skip_bad,
        }) => commands::import_whatsapp::import_whatsapp(
            ctx,
            &files,
            &commands::import_whatsapp::WhatsappOptions {
                customer,
                me,
                by,
                dry_run,
                skip_bad,
            },
        ),
        Command::Init { .. } | Command::Watch { .. } | Command::Log { .. } => {
            Err(Error::usage("internal: command dispatched twice"))
        }
        Command::Check => commands::check::check(ctx),
        Command::Due {
            admin,
            upcoming,
            format,
        } => commands::due::due(ctx, admin.as_deref(), upcoming.as_deref(), format),
        Command::Explain { id } => commands::explain::run(ctx, &id),
        Command::Customers {
            segment,
            tag,
            format,
        } => commands::customers::customers(ctx, segment.as_deref(), tag.as_deref(), format),
        Command::Complaints { open, format } => commands::complaints::complaints(ctx, open, format),
        Command::Stats { week, format } => commands::stats::stats(ctx, week.as_deref(), format),
        Command::Report { out, mask } => commands::report::report(ctx, out.as_deref(), mask),
    }
}
