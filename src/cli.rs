//! Command-line definitions (clap derive) and dispatch; `localize` gives
//! them the shop's language and turns clap's errors into its words.

pub mod localize;

use crate::commands::{self, Ctx, Format};
use crate::error::{Error, Result};
use crate::shop::config::Lang;
use crate::shop::index::ShopDir;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

pub use localize::{start, Start};

// Every word `--help` says lives in `lang::help`, keyed by command and
// option; `localize` puts it in, in the shop's language, before parsing.
// So the fields here carry no doc comments.
#[derive(Parser, Debug)]
#[command(name = "langgan", version = env!("LANGGAN_VERSION"))]
pub struct Cli {
    #[arg(long, global = true, value_name = "DIR")]
    pub shop: Option<PathBuf>,
    #[arg(long, global = true, value_name = "TIME", env = "LANGGAN_NOW")]
    pub now: Option<String>,
    #[arg(long, global = true)]
    pub no_cache: bool,
    #[command(subcommand)]
    pub command: Command,
    /// The language everything is said in (`localize::detect`).
    #[arg(skip = Lang::Id)]
    pub lang: Lang,
}

/// `--format` of `due` and `stats`: only what they can print.
#[derive(Clone, Copy, Debug, clap::ValueEnum, PartialEq, Eq)]
pub enum TableOrJson {
    Table,
    Json,
}

/// `--format` of the listings that also print CSV.
#[derive(Clone, Copy, Debug, clap::ValueEnum, PartialEq, Eq)]
pub enum TableJsonCsv {
    Table,
    Json,
    Csv,
}

impl From<TableOrJson> for Format {
    fn from(f: TableOrJson) -> Format {
        match f {
            TableOrJson::Table => Format::Table,
            TableOrJson::Json => Format::Json,
        }
    }
}

impl From<TableJsonCsv> for Format {
    fn from(f: TableJsonCsv) -> Format {
        match f {
            TableJsonCsv::Table => Format::Table,
            TableJsonCsv::Json => Format::Json,
            TableJsonCsv::Csv => Format::Csv,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    Init {
        dir: Option<PathBuf>,
        #[arg(long)]
        hooks: bool,
        #[arg(long, value_enum, value_name = "github|gitlab")]
        ci: Option<crate::io::team::Ci>,
        #[arg(long, requires = "ci")]
        encrypt: bool,
    },
    Check,
    Due {
        #[arg(long, value_name = "ADMIN")]
        admin: Option<String>,
        #[arg(long, value_name = "DUR")]
        upcoming: Option<String>,
        #[arg(long, value_enum, default_value = "table", value_name = "FORMAT")]
        format: TableOrJson,
    },
    Explain {
        id: String,
    },
    Customers {
        #[arg(long, value_name = "SEGMENT")]
        segment: Option<String>,
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        #[arg(long, value_enum, default_value = "table", value_name = "FORMAT")]
        format: TableJsonCsv,
    },
    Complaints {
        #[arg(long)]
        open: bool,
        #[arg(long, value_enum, default_value = "table", value_name = "FORMAT")]
        format: TableJsonCsv,
    },
    Report {
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        #[arg(long)]
        mask: bool,
        #[arg(long)]
        encrypt: bool,
    },
    Watch {
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        #[arg(long)]
        poll: bool,
        #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "127.0.0.1:8080")]
        serve: Option<String>,
        #[arg(long, requires = "serve")]
        public: bool,
        #[arg(long)]
        encrypt: bool,
    },
    #[command(subcommand)]
    New(NewCommand),
    Log {
        id: String,
        kind: Option<String>,
        note: Option<String>,
        #[arg(long, value_name = "ADMIN")]
        by: Option<String>,
        #[arg(long, value_name = "CHANNEL")]
        channel: Option<String>,
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        #[arg(long, value_name = "TIME")]
        replied: Option<String>,
        #[arg(long)]
        response: bool,
        #[arg(long)]
        resolved: bool,
        #[arg(long, value_name = "TEXT")]
        solution: Option<String>,
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=5))]
        csat: Option<u8>,
        #[arg(long)]
        force: bool,
    },
    #[command(subcommand)]
    Import(ImportCommand),
    Stats {
        #[arg(long, value_name = "WEEK")]
        week: Option<String>,
        #[arg(long, value_enum, default_value = "table", value_name = "FORMAT")]
        format: TableOrJson,
    },
}

#[derive(Subcommand, Debug)]
pub enum NewCommand {
    Customer {
        name: String,
        #[arg(long, value_name = "PHONE")]
        phone: Option<String>,
        #[arg(long, value_name = "EMAIL")]
        email: Option<String>,
        #[arg(long, value_name = "CITY")]
        city: Option<String>,
        #[arg(long, value_name = "SOURCE")]
        source: Option<String>,
        #[arg(long, value_name = "ADMIN")]
        admin: Option<String>,
        #[arg(long, value_name = "NOTE")]
        note: Option<String>,
        #[arg(long, value_name = "TIME")]
        first_contact: Option<String>,
        #[arg(long)]
        force: bool,
    },
    Complaint {
        customer: String,
        #[arg(long, value_name = "TEXT")]
        summary: String,
        #[arg(long, value_name = "CATEGORY")]
        category: Option<String>,
        #[arg(long, value_name = "ADMIN")]
        admin: Option<String>,
        #[arg(long, value_name = "CHANNEL")]
        channel: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    #[command(visible_alias = "csv")]
    Customers {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        skip_bad: bool,
    },
    Orders {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_enum, value_name = "MARKETPLACE")]
        from: Option<commands::import::Market>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        skip_bad: bool,
    },
    Whatsapp {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_name = "ID")]
        customer: Option<String>,
        #[arg(long, value_name = "NAME")]
        me: Option<String>,
        #[arg(long, value_name = "ADMIN")]
        by: Option<String>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        skip_bad: bool,
    },
}

pub fn run(cli: Cli) -> Result<i32> {
    let lang = cli.lang;
    match cli.command {
        Command::Init {
            dir,
            hooks,
            ci,
            encrypt,
        } => commands::init::init(dir.as_deref(), hooks, ci, encrypt, lang),
        Command::Watch {
            out,
            poll,
            serve,
            public,
            encrypt,
        } => {
            let dir = ShopDir::locate(cli.shop.as_deref(), lang)?;
            let config = crate::shop::load::load_config(&dir)?;
            let now = cli
                .now
                .as_deref()
                .map(|s| commands::now_of(Some(s), &config))
                .transpose()?;
            // Checked before the first build, so a refusal comes at once.
            let password = encrypt
                .then(|| crate::report::encrypt::Sealer::password(config.language))
                .transpose()?;
            let serve = serve
                .map(|addr| crate::watch::serve::plan(&addr, public, &config, encrypt))
                .transpose()?;
            let out = out.unwrap_or_else(|| dir.root.join("public"));
            let opts = crate::watch::Options {
                out,
                poll,
                serve,
                password,
            };
            crate::watch::run(dir, now, opts)
        }
        Command::Log {
            id,
            kind,
            note,
            by,
            channel,
            at,
            replied,
            response,
            resolved,
            solution,
            csat,
            force,
        } => {
            let dir = ShopDir::locate(cli.shop.as_deref(), lang)?;
            let entry = commands::log::LogEntry {
                kind,
                note,
                by,
                channel,
                at,
                replied,
                response,
                resolved,
                solution,
                csat,
                force,
            };
            commands::log::log(&dir, cli.now.as_deref(), &id, &entry)
        }
        Command::Import(ImportCommand::Orders {
            file,
            from,
            dry_run,
            skip_bad,
        }) => {
            let dir = ShopDir::locate(cli.shop.as_deref(), lang)?;
            commands::import::import_orders(
                dir,
                cli.now.as_deref(),
                !cli.no_cache,
                &file,
                from,
                &commands::import::ImportOptions { dry_run, skip_bad },
            )
        }
        command => {
            let dir = ShopDir::locate(cli.shop.as_deref(), lang)?;
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
            first_contact,
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
            commands::new::new_customer(ctx, &c, first_contact.as_deref(), force)
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
        Command::Import(ImportCommand::Customers {
            file,
            dry_run,
            skip_bad,
        }) => commands::import::import_customers(
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
        Command::Init { .. }
        | Command::Watch { .. }
        | Command::Log { .. }
        | Command::Import(ImportCommand::Orders { .. }) => {
            Err(Error::usage("internal: command dispatched twice"))
        }
        Command::Check => commands::check::check(ctx),
        Command::Due {
            admin,
            upcoming,
            format,
        } => commands::due::due(ctx, admin.as_deref(), upcoming.as_deref(), format.into()),
        Command::Explain { id } => commands::explain::run(ctx, &id),
        Command::Customers {
            segment,
            tag,
            format,
        } => commands::customers::customers(ctx, segment.as_deref(), tag.as_deref(), format.into()),
        Command::Complaints { open, format } => {
            commands::complaints::complaints(ctx, open, format.into())
        }
        Command::Stats { week, format } => {
            commands::stats::stats(ctx, week.as_deref(), format.into())
        }
        Command::Report { out, mask, encrypt } => {
            commands::report::report(ctx, out.as_deref(), mask, encrypt)
        }
    }
}
