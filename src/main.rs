//! The `putokaz` command line: arguments in, a call into the library, diagnostics out.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::{Parser, Subcommand};
use putokaz::config::SiteConfig;
use putokaz::diagnostics::{Diagnostic, Severity};
use putokaz::pipeline::{self, BuildError, BuildOptions, BuildReport};
use putokaz::{scaffold, serve};

/// jemalloc: a build allocates and frees millions of small values across two threads, which
/// it serves in 0.95 of the time glibc's allocator takes (bench/README.md).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts (the crate prefixes its symbols with `_rjem_`): its
/// memory in transparent huge pages where the kernel allows them on request (`madvise`), so
/// that a build's heap is faulted in 2 MiB at a time rather than 4 KiB (45,000 page faults
/// → 5,000 at 1,000 pages per language: 0.92–0.94 of the wall time there and 0.94 for the real
/// portal, for 11–15 MiB more peak memory); and one arena for every thread instead of four per
/// core, so that what one thread frees serves the others' next allocations rather than waiting
/// in its own arena (peak memory 98 MiB instead of 117 at 1,000 pages per language, with a
/// little less time: bench/README.md). `_RJEM_MALLOC_CONF` in the environment still overrides it.
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &[u8; 41] = b"thp:always,metadata_thp:always,narenas:1\0";

/// Builds a multilingual transparency portal from plan data and Markdown pages.
#[derive(Parser)]
#[command(name = "putokaz", version, about)]
struct Cli {
    /// The site root: the folder with putokaz.toml.
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    /// Prints only errors and warnings.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Builds the site into a folder (public/ unless --out says otherwise).
    Build {
        /// The output folder; it is replaced only when the whole build succeeds.
        #[arg(long, short, default_value = "public")]
        out: PathBuf,
        /// The URL the site will be published at (overrides base_url in putokaz.toml).
        #[arg(long)]
        base_url: Option<String>,
        /// Publishes pages marked draft = true.
        #[arg(long)]
        drafts: bool,
        /// Prints how long each stage of the build took.
        #[arg(long)]
        timings: bool,
    },
    /// Serves a live preview that rebuilds and reloads on every change.
    Serve {
        /// The port to listen on.
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        interface: String,
        /// Shows pages marked draft = true.
        #[arg(long)]
        drafts: bool,
        /// Prints how long each rebuild took.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Validates everything a build would, reports translation coverage, and writes nothing.
    Check {
        /// Checks pages marked draft = true too.
        #[arg(long)]
        drafts: bool,
    },
    /// Reads a plan document and writes its data as content/plans/PLAN/plan.toml for review.
    Import {
        /// The form of the document.
        #[arg(value_enum)]
        format: ImportFormat,
        /// The document, as text.
        source: PathBuf,
        /// The plan's id, which names its folder and URLs, e.g. rs-2009-2011.
        #[arg(long)]
        plan: String,
        /// The country's ISO 3166 code in lowercase: rs, me or mk.
        #[arg(long)]
        country: String,
        /// The plan's title in English.
        #[arg(long)]
        title: String,
        /// The first and last year the plan covers, e.g. 2009-2011.
        #[arg(long, value_parser = parse_period)]
        period: [i32; 2],
        /// Who adopted the plan, in English.
        #[arg(long)]
        adopted_by: String,
        /// Replaces an existing plan.toml.
        #[arg(long)]
        force: bool,
    },
    /// Creates a page, or a translation of an existing page, to edit.
    New {
        /// The page's path under content/, e.g. news/first-report (not with --translate).
        #[arg(required_unless_present = "translate")]
        name: Option<String>,
        /// The language of the new file.
        #[arg(long)]
        lang: String,
        /// The title of a new page.
        #[arg(long, default_value = "")]
        title: String,
        /// An existing page to translate, e.g. content/about.en.md.
        #[arg(long, conflicts_with = "name")]
        translate: Option<PathBuf>,
    },
}

/// The document forms of `putokaz import`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ImportFormat {
    /// Pipe tables broken at page breaks (Serbia 2009–2011).
    Serbia,
    /// Tab-separated tables (Montenegro 2012–2013).
    Montenegro,
    /// Narrative chapters and an annex table (North Macedonia 2009–2012).
    Macedonia,
}

fn parse_period(text: &str) -> Result<[i32; 2], String> {
    let (a, b) = text
        .split_once(['-', '–'])
        .ok_or("write the period as FIRST-LAST, e.g. 2009-2011")?;
    let year = |s: &str| s.trim().parse::<i32>().map_err(|_| format!("`{s}` is not a year"));
    Ok([year(a)?, year(b)?])
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let quiet = cli.quiet;
    match cli.command {
        Command::Build {
            out,
            base_url,
            drafts,
            timings,
        } => {
            let started = Instant::now();
            let progress = progress_reporter(quiet);
            let options = BuildOptions {
                root: cli.root,
                out: Some(out.clone()),
                base_url,
                drafts,
                progress: progress.clone(),
                ..BuildOptions::default()
            };
            let result = pipeline::build(&options);
            if let Some(p) = &progress {
                p(usize::MAX, 0);
            }
            print_result(&result, quiet);
            match result {
                Ok(report) => {
                    if !quiet {
                        eprintln!(
                            "Built {} pages in {} locales ({} files) into {} in {:.2} s.",
                            report.pages,
                            report.locales,
                            report.files,
                            out.display(),
                            started.elapsed().as_secs_f64()
                        );
                    }
                    if timings {
                        for (stage, took) in &report.stages {
                            eprintln!("  {stage:<28} {:>8.1} ms", took.as_secs_f64() * 1000.0);
                        }
                    }
                    ExitCode::SUCCESS
                }
                Err(BuildError::Invalid(_)) => {
                    eprintln!("Nothing was written: {} is as it was before.", out.display());
                    ExitCode::FAILURE
                }
                Err(_) => ExitCode::FAILURE,
            }
        }
        Command::Check { drafts } => {
            let options = BuildOptions {
                root: cli.root,
                out: None,
                drafts,
                ..BuildOptions::default()
            };
            let result = pipeline::build(&options);
            print_result(&result, quiet);
            match result {
                Ok(report) => {
                    print_coverage(&report);
                    ExitCode::SUCCESS
                }
                Err(_) => ExitCode::FAILURE,
            }
        }
        Command::Serve {
            port,
            interface,
            drafts,
            verbose,
        } => {
            let options = serve::ServeOptions {
                root: cli.root,
                interface,
                port,
                drafts,
                verbose,
            };
            let report = move |result: &Result<BuildReport, BuildError>| {
                print_result(result, quiet);
                if result.is_err() {
                    eprintln!("The preview still shows the last good build.");
                }
            };
            match serve::serve(&options, &report) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Import {
            format,
            source,
            plan,
            country,
            title,
            period,
            adopted_by,
            force,
        } => run_import(
            &cli.root,
            format,
            &source,
            &plan,
            &country,
            &title,
            period,
            &adopted_by,
            force,
        ),
        Command::New {
            name,
            lang,
            title,
            translate,
        } => {
            let config = match SiteConfig::load(&cli.root) {
                Ok(c) => c,
                Err(errors) => {
                    errors.iter().for_each(|e| eprintln!("{e}"));
                    return ExitCode::FAILURE;
                }
            };
            let created = match translate {
                Some(original) => scaffold::new_translation(&cli.root, &config, &original, &lang),
                None => scaffold::new_page(&cli.root, &config, name.as_deref().unwrap_or_default(), &lang, &title),
            };
            match created {
                Ok(path) => {
                    println!(
                        "Created {} (a draft: delete `draft = true` to publish it).",
                        path.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Imports a plan document and prints what needs a reviewer's eye.
#[allow(clippy::too_many_arguments)]
fn run_import(
    root: &std::path::Path,
    format: ImportFormat,
    source: &std::path::Path,
    plan: &str,
    country: &str,
    title: &str,
    period: [i32; 2],
    adopted_by: &str,
    force: bool,
) -> ExitCode {
    use putokaz::import::{Format, emit};
    use putokaz::plan::{PlanMeta, Source};
    let text = match putokaz::diagnostics::read_text(source, source) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let format = match format {
        ImportFormat::Serbia => Format::Serbia,
        ImportFormat::Montenegro => Format::Montenegro,
        ImportFormat::Macedonia => Format::Macedonia,
    };
    let imported = format.parse(&text);
    let config = SiteConfig::load(root).ok();
    let registry = config.as_ref().map(|c| {
        let diagnostics = putokaz::diagnostics::Diagnostics::new();
        putokaz::plan::load(root, c, &diagnostics).institutions
    });
    let en = |s: &str| std::collections::BTreeMap::from([("en".to_owned(), s.to_owned())]);
    let meta = PlanMeta {
        country: country.to_owned(),
        title: en(title),
        period,
        adopted_by: en(adopted_by),
        adopted_on: None,
        source: Source {
            document: title.to_owned(),
            page: None,
            url: None,
        },
        budget: None,
        partners: Vec::new(),
    };
    let shown = source.display().to_string();
    let emitted = emit::emit(&imported, &meta, registry.as_deref().unwrap_or_default(), &shown);
    for d in &imported.doubts {
        eprintln!("check: {shown}:{}: {}", d.line, d.message);
    }
    match emit::write(root, plan, &emitted, country, force) {
        Ok(written) => {
            let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
            println!(
                "Imported {} activities ({} goals, {} measures) with {} row(s) to check; {} new institution(s). Wrote {}. Review before publishing.",
                imported.activities.len(),
                imported.goals.len(),
                imported.measures.len(),
                imported.doubts.len(),
                emitted.new_institutions.len(),
                files.join(" and ")
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints every diagnostic of a build, errors and warnings alike, then a count.
fn print_result(result: &Result<BuildReport, BuildError>, quiet: bool) {
    let diagnostics: &[Diagnostic] = match result {
        Ok(report) => &report.warnings,
        Err(BuildError::Invalid(d)) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return;
        }
    };
    for d in diagnostics {
        if !(quiet && d.severity == Severity::Warning) {
            eprintln!("{d}");
        }
    }
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    if errors > 0 {
        eprintln!("\n{errors} error(s): fix them and build again.");
    }
}

fn print_coverage(report: &BuildReport) {
    println!("Translation coverage:");
    for c in &report.coverage {
        println!("  {:<4} {}/{} pages", c.language, c.translated, c.total);
        for file in &c.missing_pages {
            println!("       missing: a translation of {}", file.display());
        }
        if !c.missing_strings.is_empty() {
            println!(
                "       {} interface string(s) shown in English: {}",
                c.missing_strings.len(),
                c.missing_strings.join(", ")
            );
        }
    }
}

/// A progress bar on a terminal; nothing when output is piped or --quiet is given.
///
/// The returned callback takes (done, total); `(usize::MAX, _)` clears the bar.
fn progress_reporter(quiet: bool) -> Option<Arc<dyn Fn(usize, usize) + Send + Sync>> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} pages").expect("a valid template"));
    Some(Arc::new(move |done, total| {
        if done == usize::MAX {
            bar.finish_and_clear();
        } else {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    }))
}
