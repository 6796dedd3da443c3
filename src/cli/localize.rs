//! The command line in the shop's language. The language is known only once
//! the shop is found, so [`start`] first looks cheaply through the arguments
//! for `--shop` (else the nearest shop.toml upwards) and reads that file's
//! `language` alone; without a shop (and for `init`) `LANGGAN_LANG` decides.
//! Then the clap command gets every help text from `lang::help`, and clap's
//! errors are said again in those words.

use super::Cli;
use crate::lang::help::{self, HelpWord, UsageProblem};
use crate::shop::config::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, ArgMatches, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// What `main` does next.
pub enum Start {
    /// Run the command.
    Run(Box<Cli>),
    /// Help, the version or a usage error was printed: exit with this.
    Exit(u8),
}

/// Parses the command line in the shop's language.
pub fn start<I, T>(args: I) -> Start
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let lang = detect(&args, std::env::var("LANGGAN_LANG").ok().as_deref());
    let mut cmd = command(lang);
    let matches = match cmd.try_get_matches_from_mut(&args) {
        Ok(m) => m,
        Err(e) => return Start::Exit(report(&mut cmd, &e, &args, lang)),
    };
    if let Some(path) = help_request(&matches) {
        return Start::Exit(help_for(&mut cmd, &path, lang));
    }
    match Cli::from_arg_matches(&matches) {
        Ok(mut cli) => {
            cli.lang = lang;
            Start::Run(Box::new(cli))
        }
        Err(e) => Start::Exit(report(&mut cmd, &e, &args, lang)),
    }
}

/// `LANGGAN_LANG`'s language, when it names one.
fn env_lang(value: Option<&str>) -> Option<Lang> {
    match value?.trim().to_ascii_lowercase().as_str() {
        "id" => Some(Lang::Id),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The language to speak: the shop's (from `--shop` or the nearest
/// shop.toml upwards), else `LANGGAN_LANG`, else Indonesian. For `init`,
/// which makes a new shop, `LANGGAN_LANG` comes first.
pub fn detect(args: &[OsString], env: Option<&str>) -> Lang {
    let env = env_lang(env);
    let (shop, first) = prescan(args);
    if first.as_deref() == Some("init") {
        if let Some(l) = env {
            return l;
        }
    }
    let toml = match shop {
        Some(dir) => Some(dir.join("shop.toml")).filter(|p| p.is_file()),
        None => nearest_shop_toml(),
    };
    toml.and_then(|p| shop_language(&p))
        .or(env)
        .unwrap_or(Lang::Id)
}

/// `--shop`'s folder and the first word that is not an option (the command).
fn prescan(args: &[OsString]) -> (Option<PathBuf>, Option<String>) {
    let mut shop = None;
    let mut first = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let s = a.to_string_lossy();
        if s == "--" {
            break;
        } else if s == "--shop" {
            shop = it.next().map(PathBuf::from);
        } else if let Some(dir) = s.strip_prefix("--shop=") {
            shop = Some(PathBuf::from(dir));
        } else if s == "--now" {
            it.next();
        } else if !s.starts_with('-') && first.is_none() {
            first = Some(s.into_owned());
        }
    }
    (shop, first)
}

fn nearest_shop_toml() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors()
        .map(|d| d.join("shop.toml"))
        .find(|p| p.is_file())
}

/// The `language` of a shop.toml, as the config parser reads it
/// ([`crate::shop::config::language_of`]); `None` when the file cannot be
/// read, or cannot be read as TOML and names no language. shop.toml's own
/// mistakes are reported later, by the command that loads it.
fn shop_language(path: &Path) -> Option<Lang> {
    let text = std::fs::read_to_string(path).ok()?;
    crate::shop::config::language_of(&text)
}

/// The clap command with every text in `lang`.
pub fn command(lang: Lang) -> Command {
    localize(Cli::command(), "", lang)
}

/// How `--help` is laid out in Indonesian: clap's own layout with the usage
/// heading in the language (the other headings are set per argument).
const TEMPLATE_ID: &str = "\
{before-help}{about-with-newline}
Penggunaan: {usage}

{all-args}{after-help}";

fn localize(mut cmd: Command, path: &str, lang: Lang) -> Command {
    if let Some(about) = help::about(path, lang) {
        cmd = cmd.about(about);
    }
    cmd = cmd.long_about(None);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for (i, id) in ids.iter().enumerate() {
        cmd = cmd.mut_arg(id, |a| {
            // The global options come after a command's own.
            let a = if a.is_global_set() {
                a.display_order(1000 + i)
            } else {
                a
            };
            localize_arg(a, path, lang)
        });
    }
    cmd = cmd.disable_help_flag(true).arg(heading(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .display_order(2000)
            .help(HelpWord::PrintHelp.text(lang)),
        lang,
    ));
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(heading(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(2001)
                .help(HelpWord::PrintVersion.text(lang)),
            lang,
        ));
    }
    let mut subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    if !subs.is_empty() {
        // clap's own `help` command cannot be given other words, so it is
        // replaced by one that `start` answers itself.
        cmd = cmd
            .disable_help_subcommand(true)
            .subcommand(
                Command::new("help").arg(
                    Arg::new("command")
                        .num_args(0..)
                        .action(ArgAction::Append)
                        .value_name("COMMAND"),
                ),
            )
            .subcommand_value_name(help::value_name("COMMAND", lang))
            .subcommand_help_heading(HelpWord::Commands.text(lang));
        subs.push("help".into());
        for name in subs {
            let sub_path = if path.is_empty() {
                name.clone()
            } else {
                format!("{path} {name}")
            };
            cmd = cmd.mut_subcommand(&name, |c| localize(c, &sub_path, lang));
        }
    }
    if lang == Lang::Id {
        cmd = cmd.help_template(TEMPLATE_ID);
    }
    cmd
}

/// In Indonesian, clap's "Arguments"/"Options" headings are replaced by
/// giving every argument a heading of its own words.
fn heading(a: Arg, lang: Lang) -> Arg {
    if lang == Lang::En {
        return a;
    }
    let h = if a.is_positional() {
        HelpWord::Arguments
    } else {
        HelpWord::Options
    };
    a.help_heading(h.text(lang))
}

fn localize_arg(mut a: Arg, path: &str, lang: Lang) -> Arg {
    let id = a.get_id().to_string();
    let key_path = if a.is_global_set() { "" } else { path };
    let mut text = help::arg(key_path, &id, lang)
        .map(String::from)
        .or_else(|| a.get_help().map(ToString::to_string))
        .unwrap_or_default();
    let takes_values = a.get_action().takes_values();
    if takes_values {
        // The choices come from the value parser itself, so help offers
        // exactly what the command accepts.
        let choices: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|p| !p.is_hide_set())
            .map(|p| p.get_name().to_string())
            .collect();
        let default: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        let mut extra = Vec::new();
        if !choices.is_empty() {
            extra.push(format!(
                "{}: {}",
                HelpWord::Choices.text(lang),
                choices.join(", ")
            ));
        }
        if !default.is_empty() {
            extra.push(format!(
                "{}: {}",
                HelpWord::Default.text(lang),
                default.join(", ")
            ));
        }
        if !extra.is_empty() {
            text = format!("{text} [{}]", extra.join("; "));
        }
        if let Some(names) = a.get_value_names() {
            let shown: Vec<clap::builder::Str> = names
                .iter()
                .map(|n| match help::translated_value_name(n.as_str(), lang) {
                    Some(t) => t.into(),
                    None => n.clone(),
                })
                .collect();
            a = a.value_names(shown);
        }
        a = a.hide_possible_values(true).hide_default_value(true);
    }
    if a.get_env().is_some() {
        a = a.hide_env(true);
    }
    heading(a.help(text), lang)
}

/// `langgan help [COMMAND…]` (or `langgan new help …`): the path of the
/// command whose help is asked for.
fn help_request(m: &ArgMatches) -> Option<Vec<String>> {
    let mut path = Vec::new();
    let mut m = m;
    while let Some((name, sub)) = m.subcommand() {
        if name == "help" {
            path.extend(
                sub.get_many::<String>("command")
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
            return Some(path);
        }
        path.push(name.to_string());
        m = sub;
    }
    None
}

/// Prints the help of the command at `path`.
fn help_for(cmd: &mut Command, path: &[String], lang: Lang) -> u8 {
    cmd.build();
    let mut at: &Command = cmd;
    for (i, name) in path.iter().enumerate() {
        let Some(c) = at.find_subcommand(name) else {
            let p = UsageProblem::UnknownCommand {
                command: name.clone(),
            };
            let known = at.get_subcommands().map(|c| c.get_name());
            let hint: Vec<String> = crate::text::suggest(name, known)
                .map(String::from)
                .into_iter()
                .collect();
            let mut here = vec!["langgan".to_string()];
            here.extend(path[..i].iter().cloned());
            eprintln!(
                "langgan: {}{}\n\n{}",
                help::usage_problem(&p, lang),
                help::did_you_mean(&hint, lang),
                help::see_help(&here.join(" "), lang)
            );
            return 2;
        };
        at = c;
    }
    let mut at = at.clone();
    let text = if crate::io::table::color_enabled() {
        at.render_help().ansi().to_string()
    } else {
        at.render_help().to_string()
    };
    print!("{}", in_words(&text, lang));
    0
}

/// What clap wrote itself, in the language: its `[OPTIONS]` placeholder.
fn in_words(text: &str, lang: Lang) -> String {
    text.replace("[OPTIONS]", help::options_placeholder(lang))
}

/// Prints what clap stopped at (help, the version, a usage error) and
/// returns the exit status.
fn report(cmd: &mut Command, e: &clap::Error, args: &[OsString], lang: Lang) -> u8 {
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let text = if crate::io::table::color_enabled() {
                e.render().ansi().to_string()
            } else {
                e.render().to_string()
            };
            print!("{}", in_words(&text, lang));
            code
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", in_words(&e.render().to_string(), lang));
            code
        }
        _ => {
            eprint!("{}", usage_error(cmd, e, args, lang));
            2
        }
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn context_list(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

/// A usage error in the language: what is wrong (with a suggestion when
/// clap has one), the usage line, and where to read more.
pub fn usage_error(cmd: &mut Command, e: &clap::Error, args: &[OsString], lang: Lang) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let problem = match e.kind() {
        ErrorKind::UnknownArgument => UsageProblem::UnknownArgument { arg },
        ErrorKind::InvalidSubcommand => UsageProblem::UnknownCommand {
            command: context(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
        },
        ErrorKind::InvalidValue if value.is_empty() => UsageProblem::MissingValue { arg },
        ErrorKind::InvalidValue => UsageProblem::InvalidValue {
            arg,
            value,
            choices: context_list(e, ContextKind::ValidValue),
        },
        ErrorKind::ValueValidation => UsageProblem::BadValue { arg, value },
        ErrorKind::MissingRequiredArgument => UsageProblem::MissingRequired {
            args: context_list(e, ContextKind::InvalidArg),
        },
        ErrorKind::ArgumentConflict => {
            let other = context(e, ContextKind::PriorArg);
            if other.as_deref() == Some(arg.as_str()) {
                UsageProblem::Repeated { arg }
            } else {
                UsageProblem::Conflict { arg, other }
            }
        }
        ErrorKind::TooManyValues => UsageProblem::Unexpected { value },
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            UsageProblem::MissingValue { arg }
        }
        ErrorKind::MissingSubcommand => UsageProblem::MissingCommand {
            command: context(e, ContextKind::InvalidSubcommand).unwrap_or_default(),
            choices: context_list(e, ContextKind::ValidSubcommand),
        },
        _ => UsageProblem::Other,
    };
    let mut suggestions = context_list(e, ContextKind::SuggestedArg);
    suggestions.extend(context_list(e, ContextKind::SuggestedSubcommand));
    suggestions.extend(context_list(e, ContextKind::SuggestedValue));
    cmd.build();
    let path = command_path(cmd, args);
    let mut at: &Command = cmd;
    for name in &path {
        at = at.find_subcommand(name).unwrap_or(at);
    }
    let usage = at.clone().render_usage().to_string();
    let usage = in_words(
        usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim(),
        lang,
    );
    let mut path: Vec<&str> = path.iter().map(String::as_str).collect();
    path.insert(0, "langgan");
    let mut out = format!(
        "langgan: {}{}\n",
        help::usage_problem(&problem, lang),
        help::did_you_mean(&suggestions, lang)
    );
    // A missing value or argument: what it is for, from its own help.
    let wanted: Vec<String> = match &problem {
        UsageProblem::MissingRequired { args } => args.clone(),
        UsageProblem::MissingValue { arg } | UsageProblem::BadValue { arg, .. } => {
            vec![arg.clone()]
        }
        _ => Vec::new(),
    };
    for w in wanted {
        if let Some(h) = arg_help(cmd, &path, &w) {
            out.push_str(&format!("  {w}: {h}\n"));
        }
    }
    out.push_str(&format!("\n{}: {usage}\n", HelpWord::Usage.text(lang)));
    out.push_str(&format!("\n{}\n", help::see_help(&path.join(" "), lang)));
    out
}

/// The commands named on the command line (`["new", "complaint"]`): words
/// that name a command of the one before, skipping the values of options.
fn command_path(cmd: &Command, args: &[OsString]) -> Vec<String> {
    let mut path = Vec::new();
    let mut at = cmd;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = it.next() {
        if word == "--" {
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            let takes_value = !long.contains('=')
                && at
                    .get_arguments()
                    .find(|a| a.get_long() == Some(long))
                    .is_some_and(|a| {
                        a.get_action().takes_values()
                            && a.get_num_args().is_none_or(|n| n.min_values() > 0)
                    });
            if takes_value {
                it.next();
            }
            continue;
        }
        if let Some(sub) = at.find_subcommand(word.as_ref()) {
            path.push(sub.get_name().to_string());
            at = sub;
        }
    }
    path
}

/// The help of the argument shown as `shown` (`--summary <TEKS>`, `<ID>`)
/// of the command at `path` (`langgan new complaint`).
fn arg_help(cmd: &mut Command, path: &[&str], shown: &str) -> Option<String> {
    cmd.build();
    let mut at: &Command = cmd;
    for name in path.iter().skip(1) {
        at = at.find_subcommand(name)?;
    }
    let first = shown.split_whitespace().next()?;
    let a = if let Some(long) = first.strip_prefix("--") {
        let long = long.split('=').next().unwrap_or(long);
        at.get_arguments().find(|a| a.get_long() == Some(long))
    } else {
        let name = first.trim_matches(|c| matches!(c, '<' | '>' | '[' | ']' | '.'));
        at.get_positionals().find(|a| {
            a.get_value_names()
                .is_some_and(|v| v.iter().any(|n| n.as_str() == name))
        })
    }?;
    a.get_help().map(ToString::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_shop_decides_else_the_environment() {
        let dir = tempfile::tempdir().expect("temp");
        let shop = dir.path().join("toko");
        std::fs::create_dir(&shop).expect("mkdir");
        std::fs::write(
            shop.join("shop.toml"),
            "[shop]\nname = \"T\"\nlanguage = \"en\"\n",
        )
        .expect("write");
        let s = shop.display().to_string();
        assert_eq!(
            detect(&args(&["langgan", "--shop", &s, "due"]), None),
            Lang::En
        );
        assert_eq!(
            detect(
                &args(&["langgan", "due", &format!("--shop={s}")]),
                Some("id")
            ),
            Lang::En,
            "a shop's language beats LANGGAN_LANG"
        );
        let none = dir.path().join("kosong").display().to_string();
        assert_eq!(
            detect(&args(&["langgan", "--shop", &none, "due"]), Some("EN")),
            Lang::En
        );
        assert_eq!(
            detect(&args(&["langgan", "--shop", &none, "due"]), Some("fr")),
            Lang::Id
        );
        // `init` makes a new shop: LANGGAN_LANG first.
        assert_eq!(
            detect(&args(&["langgan", "--shop", &s, "init", "x"]), Some("id")),
            Lang::Id
        );
        std::fs::write(shop.join("shop.toml"), "[shop]\nname = \"T\"\n").expect("write");
        assert_eq!(
            detect(&args(&["langgan", "--shop", &s, "due"]), Some("en")),
            Lang::Id,
            "a shop without `language` is Indonesian"
        );
    }

    /// Every command and argument has its words in both languages.
    #[test]
    fn every_help_text_is_in_the_catalogue() {
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            for lang in [Lang::Id, Lang::En] {
                if help::about(path, lang).is_none() {
                    missing.push(format!("about `{path}`"));
                }
                for a in cmd.get_arguments() {
                    let id = a.get_id().as_str();
                    let key = if a.is_global_set() { "" } else { path };
                    if help::arg(key, id, lang).is_none() {
                        missing.push(format!("`{path}` {id}"));
                    }
                }
            }
            for s in cmd.get_subcommands() {
                let p = if path.is_empty() {
                    s.get_name().to_string()
                } else {
                    format!("{path} {}", s.get_name())
                };
                walk(s, &p, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no help text: {missing:?}");
    }

    #[test]
    fn the_localized_command_is_well_formed() {
        command(Lang::Id).debug_assert();
        command(Lang::En).debug_assert();
    }

    #[test]
    fn help_offers_exactly_the_formats_that_work() {
        let mut cmd = command(Lang::En);
        cmd.build();
        let choices = |sub: &str| -> Vec<String> {
            let c = cmd.find_subcommand(sub).expect("command");
            let a = c
                .get_arguments()
                .find(|a| a.get_id() == "format")
                .expect("--format");
            a.get_possible_values()
                .iter()
                .map(|p| p.get_name().to_string())
                .collect()
        };
        assert_eq!(choices("due"), ["table", "json"]);
        assert_eq!(choices("stats"), ["table", "json"]);
        assert_eq!(choices("customers"), ["table", "json", "csv"]);
    }
}
