use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = langgan::cli::Cli::parse();
    let code = match langgan::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            for d in &e.diagnostics {
                eprintln!("{d}");
            }
            eprintln!("langgan: {e}");
            e.code
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

// Loading a large shop is a storm of small allocations on both cores; mimalloc
// halves the warm load at 100k customers against glibc's malloc (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
