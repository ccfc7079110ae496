//! `putokaz serve`: a local preview that rebuilds on every change and reloads the browser.
//!
//! The site is built into a private temporary folder with the same pipeline as `build`, so the
//! preview shows exactly what will be published. After a save, the files the watcher reported
//! go to [`crate::pipeline::rebuild`]: an edit to Markdown bodies renders only their pages;
//! anything else rebuilds with what the previous build kept ([`crate::pipeline::BuildCache`]).
//! Only changed files are written. A failed rebuild leaves the last good preview in place and
//! prints every error. Pages wait on a version number (a small script, added only here) and
//! reload as soon as it changes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::pipeline::{self, BuildError, BuildOptions, BuildReport};

/// The URL path pages ask for the build version. With `?since=N` the answer waits until the
/// version is no longer `N` (or 25 seconds have passed), so a page learns of a rebuild at once.
pub const VERSION_PATH: &str = "/__putokaz/version";

/// How long a request for a new version waits before answering with the same one.
const LONG_POLL: Duration = Duration::from_secs(25);

/// How long the watcher waits for more events of the same save.
const BURST_MS: u64 = 8;

/// The number of successful builds, which pages wait on to reload.
#[derive(Default)]
struct Version {
    value: std::sync::Mutex<u64>,
    changed: std::sync::Condvar,
}

impl Version {
    fn get(&self) -> u64 {
        *self.value.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn bump(&self) {
        *self.value.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        self.changed.notify_all();
    }

    /// The version once it is no longer `seen`, or `seen` after `timeout`.
    fn wait_past(&self, seen: u64, timeout: Duration) -> u64 {
        let guard = self.value.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |v| *v == seen)
            .unwrap_or_else(|e| e.into_inner());
        *guard
    }
}

/// What to preview and where.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site root.
    pub root: PathBuf,
    /// The address to listen on, e.g. `127.0.0.1`.
    pub interface: String,
    /// The port.
    pub port: u16,
    /// Shows drafts.
    pub drafts: bool,
    /// Prints the time of every rebuild.
    pub verbose: bool,
}

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The port could not be opened.
    #[error("cannot listen on {address}: {message}")]
    Listen {
        /// The address tried.
        address: String,
        /// Why it failed.
        message: String,
    },
    /// The preview folder or the file watcher could not be set up.
    #[error("cannot prepare the preview: {0}")]
    Setup(String),
}

/// Builds, serves and rebuilds on change until the process is stopped.
///
/// `report` prints the outcome of each build (the same way `putokaz build` does).
pub fn serve(options: &ServeOptions, report: &dyn Fn(&Result<BuildReport, BuildError>)) -> Result<(), ServeError> {
    let address = format!("{}:{}", options.interface, options.port);
    let server = tiny_http::Server::http(&address).map_err(|e| ServeError::Listen {
        address: address.clone(),
        message: e.to_string(),
    })?;
    let workdir = tempfile::tempdir().map_err(|e| ServeError::Setup(e.to_string()))?;
    let out = workdir.path().join("site");
    let build_options = BuildOptions {
        root: options.root.clone(),
        out: Some(out.clone()),
        base_url: Some(format!("http://{address}")),
        drafts: options.drafts,
        live_reload: true,
        progress: None,
        cache: Some(Default::default()),
        update_in_place: true,
    };
    let version = Arc::new(Version::default());
    let started = Instant::now();
    let first = pipeline::build(&build_options);
    report(&first);
    if options.verbose {
        eprintln!("built in {} ms", started.elapsed().as_millis());
    }
    eprintln!("Serving the site at http://{address}/ — press Ctrl+C to stop.");

    let server = Arc::new(server);
    for _ in 0..4 {
        let (server, out, version) = (server.clone(), out.clone(), version.clone());
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                respond(request, &out, &version);
            }
        });
    }

    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| ServeError::Setup(e.to_string()))?;
    for name in [
        "content",
        "i18n",
        "themes",
        "templates",
        "static",
        crate::config::CONFIG_FILE,
    ] {
        let path = options.root.join(name);
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            watcher
                .watch(&path, mode)
                .map_err(|e| ServeError::Setup(format!("{}: {e}", path.display())))?;
        }
    }
    while let Ok(event) = rx.recv() {
        if !is_edit(&event) {
            continue;
        }
        let started = Instant::now();
        // Editors save in bursts (temporary file, rename, touch): wait for the burst to end,
        // noting every file it touched. An error from the watcher leaves the list empty, which
        // makes a full build.
        let mut changed: Option<Vec<PathBuf>> = Some(Vec::new());
        let mut note = |event: notify::Result<notify::Event>| match event {
            Ok(e) if !matches!(e.kind, notify::EventKind::Access(_)) => {
                if let Some(list) = &mut changed {
                    list.extend(e.paths.into_iter().filter(|p| !is_editor_scratch(p)));
                }
            }
            Ok(_) => {}
            Err(_) => changed = None,
        };
        note(event);
        while let Ok(event) = rx.recv_timeout(Duration::from_millis(BURST_MS)) {
            note(event);
        }
        let mut changed = changed.unwrap_or_default();
        changed.sort();
        changed.dedup();
        let result = pipeline::rebuild(&build_options, &changed);
        report(&result);
        if result.is_ok() {
            version.bump();
        }
        if options.verbose {
            match &result {
                Ok(r) => eprintln!(
                    "rebuilt {} of {} pages in {} ms after the first change ({})",
                    r.rendered,
                    r.pages,
                    started.elapsed().as_millis(),
                    r.stages_line()
                ),
                Err(_) => eprintln!("the rebuild failed after {} ms", started.elapsed().as_millis()),
            }
        }
    }
    Ok(())
}

fn is_edit(event: &notify::Result<notify::Event>) -> bool {
    match event {
        Ok(e) => !matches!(e.kind, notify::EventKind::Access(_)) && !e.paths.iter().all(|p| is_editor_scratch(p)),
        Err(_) => false,
    }
}

/// Files editors make while saving, which are never part of a site: Emacs locks and backups,
/// Vim swap files and the numbered file Vim writes to test a folder (`4913`).
fn is_editor_scratch(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
}

fn respond(request: tiny_http::Request, out: &Path, version: &Arc<Version>) {
    let url = request.url().split(['?', '#']).next().unwrap_or("/").to_owned();
    if url == VERSION_PATH {
        let since = request
            .url()
            .split_once("?since=")
            .and_then(|(_, v)| v.parse::<u64>().ok());
        let answer = |request: tiny_http::Request, v: u64| {
            let response =
                tiny_http::Response::from_string(v.to_string()).with_header(header("Cache-Control", "no-store"));
            let _ = request.respond(response);
        };
        match since {
            // Wait on a thread of its own, so that open pages do not hold up the server.
            Some(seen) if seen == version.get() => {
                let version = version.clone();
                std::thread::spawn(move || answer(request, version.wait_past(seen, LONG_POLL)));
            }
            _ => answer(request, version.get()),
        }
        return;
    }
    let decoded = percent_decode(&url);
    let (status, file) = match resolve(out, &decoded) {
        Some(file) => (200, file),
        None => {
            let lang = decoded.trim_start_matches('/').split('/').next().unwrap_or("");
            let localized = out.join(lang).join("404.html");
            (
                404,
                if !lang.is_empty() && localized.is_file() {
                    localized
                } else {
                    out.join("404.html")
                },
            )
        }
    };
    let response = match std::fs::read(&file) {
        Ok(bytes) => tiny_http::Response::from_data(bytes)
            .with_status_code(status)
            .with_header(header("Content-Type", content_type(&file)))
            .with_header(header("Cache-Control", "no-store"))
            .with_header(header("Referrer-Policy", "no-referrer")),
        Err(_) => tiny_http::Response::from_data(b"Not found".to_vec()).with_status_code(404),
    };
    let _ = request.respond(response);
}

/// The file for a URL path inside `out`, refusing any path that climbs out of it.
fn resolve(out: &Path, url: &str) -> Option<PathBuf> {
    if url.split('/').any(|part| part == ".." || part.contains('\\')) {
        return None;
    }
    let mut path = out.join(url.trim_start_matches('/'));
    if path.is_dir() {
        path = path.join("index.html");
    }
    path.is_file().then_some(path)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(b) = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header names and values are valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_climb_out_of_the_preview() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en/index.html"), "x").unwrap();
        assert_eq!(resolve(dir.path(), "/en/"), Some(dir.path().join("en/index.html")));
        assert_eq!(resolve(dir.path(), "/../etc/passwd"), None);
        assert_eq!(percent_decode("/sr/%D0%B0/"), "/sr/а/");
    }
}
