use std::process::ExitCode;

fn main() -> ExitCode {
    no_huge_pages();
    let cli = match langgan::cli::start(std::env::args_os()) {
        langgan::cli::Start::Run(cli) => cli,
        langgan::cli::Start::Exit(code) => return ExitCode::from(code),
    };
    let lang = cli.lang;
    let result = langgan::cli::run(*cli);
    langgan::shop::cache::wait_for_writes();
    let code = match result {
        Ok(code) => code,
        Err(e) => {
            eprint!("{}", e.report_in(lang));
            e.code()
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// Transparent huge pages make every fresh 2 MiB of heap cost a 2 MiB clear;
/// a short-lived command touching a few hundred MiB runs faster without them
/// (measured: report at 100k 5.1 s ± 0.6 -> 4.6 s ± 0.1).
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE only sets a flag on this process; no memory is touched.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

// Loading a large shop is a storm of small allocations on both cores; mimalloc
// halves the warm load at 100k customers against glibc's malloc (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
