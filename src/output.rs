//! Writing the site: minification, and the temporary folder swapped in only on success.
//!
//! A build never writes into the live output folder. Everything goes into a sibling folder;
//! only when every file is written is the old folder moved aside and the new one moved in, so a
//! failed build leaves the last good site as it was.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// What an output file holds.
#[derive(Debug, Clone)]
pub enum Body {
    /// Bytes produced by the build.
    Bytes(std::sync::Arc<[u8]>),
    /// Text produced by the build (pages), kept as text so that checks read it without decoding.
    Text(std::sync::Arc<String>),
    /// Already put into the output being prepared ([`Staging::put`]), or checked by a build that
    /// writes nothing (`putokaz check`); the bytes are not kept.
    Staged,
    /// A file copied as it is (site static files such as PDFs).
    Copy(PathBuf),
}

impl Body {
    /// The bytes of a body the build produced; `None` for a copied file.
    pub fn generated(&self) -> Option<&[u8]> {
        match self {
            Body::Bytes(b) => Some(b),
            Body::Text(t) => Some(t.as_bytes()),
            Body::Copy(_) | Body::Staged => None,
        }
    }
}

/// One file of the output.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Path below the output folder, with `/` separators, e.g. `en/about/index.html`.
    pub path: String,
    /// Its content.
    pub body: Body,
}

/// Response headers for every file of the site: a strict Content-Security-Policy (nothing from
/// other origins, no inline scripts or styles), no referrer, no framing, HTTPS only.
///
/// `netlify.toml` repeats them (a test keeps the two equal); the build also writes them as a
/// `_headers` file for other static hosts.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; \
         manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests",
    ),
    ("Strict-Transport-Security", "max-age=63072000; includeSubDomains"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    ),
    ("Cross-Origin-Opener-Policy", "same-origin"),
];

/// Caching for fingerprinted files under `/assets/`: a year, never revalidated.
pub const ASSET_CACHE: &str = "public, max-age=31536000, immutable";

/// The `_headers` file (Netlify, Cloudflare Pages and others read this format).
pub fn headers_file() -> String {
    let mut text = String::from("/*\n");
    for (name, value) in SECURITY_HEADERS {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    text.push_str(&format!("/assets/*\n  Cache-Control: {ASSET_CACHE}\n"));
    text
}

/// The output file path for a page URL: `/en/about/` → `en/about/index.html`.
pub fn file_for_url(url: &str) -> String {
    let trimmed = url.trim_start_matches('/');
    if trimmed.is_empty() || trimmed.ends_with('/') {
        [trimmed, "index.html"].concat()
    } else {
        trimmed.to_owned()
    }
}

/// The text around byte `at` of `text`, on one line, to show where an error is.
pub fn near(text: &str, at: usize) -> String {
    let at = at.min(text.len());
    let mut from = at.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + 20).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text[from..to].split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Refuses output folders that would swallow the sources: the site root or any folder above it.
pub fn check_out_dir(root: &Path, out: &Path) -> Result<(), String> {
    let root = std::path::absolute(root).map_err(|e| e.to_string())?;
    let out = std::path::absolute(out).map_err(|e| e.to_string())?;
    if root.starts_with(&out) {
        return Err(format!(
            "the output folder {} holds the site's own sources",
            out.display()
        ));
    }
    for marker in [crate::config::CONFIG_FILE, "Cargo.toml", ".git"] {
        if out.join(marker).exists() {
            return Err(format!(
                "the output folder {} holds {marker}: it is not a build output",
                out.display()
            ));
        }
    }
    Ok(())
}

/// Writes `files` into a folder beside `out`, then swaps it into place: `out` always holds one
/// complete build, the last one that succeeded (see [`Staging`]).
pub fn write_atomically(out: &Path, files: &[OutputFile]) -> io::Result<()> {
    let staging = Staging::begin(out)?;
    match files.par_iter().try_for_each(|f| staging.put(f)) {
        Ok(()) => staging.publish(),
        Err(e) => {
            staging.abandon();
            Err(e)
        }
    }
}

/// The suffix of the folder beside the output that keeps the previous output for reuse.
pub const PREVIOUS_SUFFIX: &str = "putokaz-previous";

/// A new output being prepared beside `out`, file by file as the build makes them, and swapped
/// in whole by [`Staging::publish`]: `out` always holds one complete build, the last one that
/// succeeded.
///
/// The folder written into is the previous output, kept beside `out` as `.NAME.putokaz-previous`
/// after each swap, or a new one the first time. Creating files and folders costs far more than
/// keeping or linking them, so a file already right in that folder is kept, and one whose bytes
/// equal the published file is hard-linked from `out`; only changed files are written, and what
/// no longer belongs is removed at the end. A file is never written into in place (it may share
/// its data with a published file): it is removed and created anew.
pub struct Staging {
    out: PathBuf,
    name: String,
    parent: PathBuf,
    /// The folder being prepared.
    dir: PathBuf,
    /// Whether `dir` started empty (there was no previous output to reuse): nothing is there but
    /// what was put, so putting a file need not look at what its path holds.
    fresh: bool,
    /// Whether `out` held a published site to link unchanged files from.
    linkable: bool,
    /// Every file put so far, as a path below the output (in a reused folder only: see `fresh`).
    put: std::sync::Mutex<std::collections::HashSet<String>>,
    /// Whether the new output was published; if not, dropping it gives it up ([`Staging::abandon`]).
    published: bool,
    /// The thread making folders ahead of the files put into them ([`Staging::make_folders`]).
    folders: Option<FolderMaker>,
}

/// A thread making a fresh output's folders, and the flag that stops it early.
struct FolderMaker {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl FolderMaker {
    /// Waits for the thread, stopping it first if `stop`.
    fn finish(self, stop: bool) {
        if stop {
            self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let _ = self.thread.join();
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if let Some(folders) = self.folders.take() {
            folders.finish(true);
        }
        if !self.published && std::fs::rename(&self.dir, self.previous()).is_err() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl Staging {
    /// Starts preparing the next output of `out`.
    pub fn begin(out: &Path) -> io::Result<Staging> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.putokaz-new-"))
            .tempdir_in(&parent)?
            .keep();
        let previous = parent.join(format!(".{name}.{PREVIOUS_SUFFIX}"));
        let fresh = !previous.is_dir();
        if !fresh {
            std::fs::remove_dir(&dir).and_then(|()| std::fs::rename(&previous, &dir))?;
        }
        Ok(Staging {
            linkable: out.is_dir(),
            out: out.to_path_buf(),
            name,
            parent,
            dir,
            fresh,
            put: Default::default(),
            published: false,
            folders: None,
        })
    }

    /// Starts making the folders of the files at `paths` (below the output) on a thread of its
    /// own, in a fresh output. Pages are made on every core and put as they are made, each in
    /// a folder of its own; making a folder locks its parent, which thousands of pages share
    /// (`en/pages/`), so two cores making them side by side keep waiting for each other. One
    /// thread making them in the order of `paths`, ahead of the pages, does not
    /// ([`Staging::put`] still makes any folder not made yet). Every file at `paths` is to be
    /// put before the output is published: a folder made for nothing would stay, empty.
    pub fn make_folders(&mut self, paths: Vec<String>) {
        if !self.fresh || self.folders.is_some() {
            return;
        }
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let dir = self.dir.clone();
        let stopped = std::sync::Arc::clone(&stop);
        let make = move || {
            for folder in folders_of(&paths) {
                if stopped.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                // One that fails is made, or its failure reported, by the file put into it.
                let _ = std::fs::create_dir(dir.join(folder));
            }
        };
        // Without a thread, files make their own folders as they are put.
        let thread = std::thread::Builder::new().name("putokaz-folders".into()).spawn(make);
        self.folders = thread.ok().map(|thread| FolderMaker { stop, thread });
    }

    /// Puts one file into the new output (from any thread). A [`Body::Staged`] file is only
    /// counted: it was put before its bytes were let go.
    pub fn put(&self, file: &OutputFile) -> io::Result<()> {
        // Only a reused folder has leftovers to tell from what was put.
        if !self.fresh {
            self.put
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(file.path.clone());
        }
        if matches!(file.body, Body::Staged) {
            return Ok(());
        }
        let target = self.dir.join(&file.path);
        if self.fresh {
            // Its folder was most likely made ahead ([`Staging::make_folders`]).
            let put = || self.put_new(&target, &file.path, &file.body);
            return match put() {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    if let Some(folder) = target.parent() {
                        std::fs::create_dir_all(folder)?;
                    }
                    put()
                }
                done => done,
            };
        } else if unchanged(&target, &file.body) {
            return Ok(());
        } else {
            self.make_room(&target)?;
        }
        self.put_new(&target, &file.path, &file.body)
    }

    /// Creates `target`, the file at `path` below the output, holding `body`.
    fn put_new(&self, target: &Path, path: &str, body: &Body) -> io::Result<()> {
        if self.linkable {
            link_or_create(target, &self.out.join(path), body)
        } else {
            create(target, body)
        }
    }

    /// Clears the way for a new file at `target` in a reused folder: removes what the previous
    /// output has there, and any file of it where one of the file's folders goes, and makes the
    /// folders.
    fn make_room(&self, target: &Path) -> io::Result<()> {
        match std::fs::symlink_metadata(target) {
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(target)?,
            Ok(_) => std::fs::remove_file(target)?,
            Err(_) => {}
        }
        let Some(folder) = target.parent() else {
            return Ok(());
        };
        if !folder.is_dir() && std::fs::create_dir_all(folder).is_err() {
            for above in folder.ancestors().take_while(|a| *a != self.dir) {
                if above.is_file() {
                    std::fs::remove_file(above)?;
                }
            }
            std::fs::create_dir_all(folder)?;
        }
        Ok(())
    }

    /// Removes what no file was put for and swaps the new output in.
    pub fn publish(mut self) -> io::Result<()> {
        if let Some(folders) = self.folders.take() {
            folders.finish(false);
        }
        self.remove_unput()?;
        self.published = true;
        let (out, name, parent, dir) = (&self.out, &self.name, &self.parent, &self.dir);
        if out.exists() {
            let old = tempfile::Builder::new()
                .prefix(&format!(".{name}.putokaz-old-"))
                .tempdir_in(parent)?
                .keep();
            // `old` exists as an empty folder; move the live site inside it, then keep it for reuse.
            let aside = old.join(name);
            std::fs::rename(out, &aside)?;
            if let Err(e) = std::fs::rename(dir, out) {
                // Put the last good site back before reporting.
                std::fs::rename(&aside, out)?;
                let _ = std::fs::remove_dir_all(dir);
                return Err(e);
            }
            std::fs::rename(&aside, self.previous())?;
            std::fs::remove_dir(&old)?;
        } else {
            std::fs::rename(dir, out)?;
        }
        Ok(())
    }

    /// Gives up the new output, leaving `out` as it was; what was put is kept for the next build
    /// to reuse. (Dropping an unpublished staging does the same.)
    pub fn abandon(self) {}

    fn previous(&self) -> PathBuf {
        self.parent.join(format!(".{}.{PREVIOUS_SUFFIX}", self.name))
    }

    /// Removes the files and folders of the previous output that no file was put for.
    fn remove_unput(&self) -> io::Result<()> {
        if self.fresh {
            return Ok(());
        }
        let put = self.put.lock().unwrap_or_else(|e| e.into_inner());
        let folders: std::collections::HashSet<&Path> = put
            .iter()
            .flat_map(|p| Path::new(p).ancestors().skip(1))
            .filter(|a| !a.as_os_str().is_empty())
            .collect();
        let mut walk = walkdir::WalkDir::new(&self.dir).min_depth(1).into_iter();
        while let Some(entry) = walk.next() {
            let entry = entry.map_err(io::Error::other)?;
            let rel = entry.path().strip_prefix(&self.dir).map_err(io::Error::other)?;
            let rel_text = rel.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_dir() {
                if !folders.contains(rel) {
                    std::fs::remove_dir_all(entry.path())?;
                    walk.skip_current_dir();
                }
            } else if !put.contains(&rel_text) {
                std::fs::remove_file(entry.path())?;
            }
        }
        Ok(())
    }
}

/// Updates `out` to hold exactly `files`, writing only the files whose bytes changed and removing
/// the ones no longer built; `known(path)` says a file is known to be as it was last written here,
/// which spares reading it to compare; `previous`, the files written here last time, if known,
/// spares looking through the folder for files to remove. For a private folder only (the
/// preview of `putokaz serve`): a reader could see it half updated, which a published site must
/// never show.
pub fn write_in_place(
    out: &Path,
    files: &[OutputFile],
    known: &(dyn Fn(&str) -> bool + Sync),
    previous: Option<&std::collections::HashSet<String>>,
) -> io::Result<()> {
    std::fs::create_dir_all(out)?;
    files.par_iter().try_for_each(|f| {
        let target = out.join(&f.path);
        if known(&f.path) || unchanged(&target, &f.body) {
            return Ok(());
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        write_over(&target, &f.body)
    })?;
    if let Some(previous) = previous {
        let current: std::collections::HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
        for gone in previous.iter().filter(|p| !current.contains(p.as_str())) {
            let path = out.join(gone);
            if path.exists() {
                std::fs::remove_file(&path)?;
            }
            // Remove the folders the file leaves empty (failing, as it should, if they are not).
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != out && std::fs::remove_dir(d).is_ok()) {
                dir = d.parent();
            }
        }
        return Ok(());
    }
    let keep: std::collections::HashSet<PathBuf> = files.iter().map(|f| out.join(&f.path)).collect();
    for entry in walkdir::WalkDir::new(out).contents_first(true).into_iter().flatten() {
        let path = entry.path();
        if entry.file_type().is_dir() {
            // Fails, as it should, unless the folder is now empty.
            if path != out {
                let _ = std::fs::remove_dir(path);
            }
        } else if !keep.contains(path) {
            std::fs::remove_file(path)?;
        }
    }
    Ok(())
}

/// Writes `files` into `out`, a private folder that holds the rest of the same site (the
/// preview of `putokaz serve` after an edit to some pages).
pub fn overwrite(out: &Path, files: &[&OutputFile]) -> io::Result<()> {
    files.par_iter().try_for_each(|f| {
        let target = out.join(&f.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        write_over(&target, &f.body)
    })
}

/// Makes `target` hold `body`, writing generated bytes over the file's old ones (made if
/// missing) and then cutting it to their length. Unlike truncating it first, this keeps the
/// blocks the file has, which the file system would otherwise free and allocate again (on ext4,
/// a few milliseconds for the megabytes an edit in `serve` rewrites). A reader may see a mix of
/// old and new bytes until it is done, as it may see a partly written file otherwise: for
/// private folders only.
fn write_over(target: &Path, body: &Body) -> io::Result<()> {
    use std::io::Write;
    let Some(bytes) = body.generated() else {
        return create(target, body);
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(target)?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)
}

/// Makes `target` (which does not exist) hold `body`: a hard link to the published file `old`
/// where that holds exactly `body`, a new file otherwise.
fn link_or_create(target: &Path, old: &Path, body: &Body) -> io::Result<()> {
    if unchanged(old, body) && std::fs::hard_link(old, target).is_ok() {
        return Ok(());
    }
    create(target, body)
}

/// The folders of the files at `paths`, with every folder above them, in the order the files
/// need them, each after its parent.
fn folders_of(paths: &[String]) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    let mut folders = Vec::new();
    for path in paths {
        let first_new = folders.len();
        let mut below = path.as_str();
        // A folder already there came with every folder above it.
        while let Some((folder, _)) = below.rsplit_once('/') {
            if !seen.insert(folder) {
                break;
            }
            folders.push(folder);
            below = folder;
        }
        folders[first_new..].reverse();
    }
    folders
}

/// Writes `body` to `target`.
fn create(target: &Path, body: &Body) -> io::Result<()> {
    match body {
        Body::Bytes(b) => std::fs::write(target, b),
        Body::Text(t) => std::fs::write(target, t.as_bytes()),
        Body::Copy(from) => std::fs::copy(from, target).map(drop),
        Body::Staged => Err(io::Error::other("the file was put into another output")),
    }
}

/// Whether the published file `old` already holds exactly `body`.
fn unchanged(old: &Path, body: &Body) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(old) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    match body {
        Body::Staged => false,
        Body::Bytes(_) | Body::Text(_) => {
            let b = body.generated().unwrap_or_default();
            meta.len() == b.len() as u64 && std::fs::read(old).is_ok_and(|bytes| bytes[..] == b[..])
        }
        Body::Copy(from) => {
            std::fs::metadata(from).is_ok_and(|m| m.len() == meta.len())
                && std::fs::read(from)
                    .ok()
                    .zip(std::fs::read(old).ok())
                    .is_some_and(|(a, b)| a == b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_map_to_index_files() {
        assert_eq!(file_for_url("/"), "index.html");
        assert_eq!(file_for_url("/en/about/"), "en/about/index.html");
        assert_eq!(file_for_url("/sitemap.xml"), "sitemap.xml");
    }

    #[test]
    fn swap_replaces_the_old_site_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("stale")).unwrap();
        std::fs::write(out.join("stale/index.html"), "old").unwrap();
        let files = vec![OutputFile {
            path: "en/index.html".into(),
            body: Body::Bytes(b"new".as_slice().into()),
        }];
        write_atomically(&out, &files).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("en/index.html")).unwrap(), "new");
        assert!(!out.join("stale").exists());
        let mut beside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        beside.sort();
        assert_eq!(beside, [".public.putokaz-previous", "public"]);
        // The previous site is kept whole, for the next build to reuse.
        let previous = dir.path().join(".public.putokaz-previous");
        assert_eq!(
            std::fs::read_to_string(previous.join("stale/index.html")).unwrap(),
            "old"
        );

        // The next build turns the previous site into the new one; a file of the new site is
        // never written into while it is published.
        let published = out.join("en/index.html");
        let files = vec![
            OutputFile {
                path: "en/index.html".into(),
                body: Body::Bytes(b"newer".as_slice().into()),
            },
            OutputFile {
                path: "en/about/index.html".into(),
                body: Body::Bytes(b"about".as_slice().into()),
            },
        ];
        let before = std::fs::read_to_string(&published).unwrap();
        write_atomically(&out, &files).unwrap();
        assert_eq!(before, "new");
        assert_eq!(std::fs::read_to_string(out.join("en/index.html")).unwrap(), "newer");
        assert_eq!(
            std::fs::read_to_string(out.join("en/about/index.html")).unwrap(),
            "about"
        );
        assert!(!out.join("stale").exists());
        assert_eq!(std::fs::read_to_string(previous.join("en/index.html")).unwrap(), "new");
    }

    #[test]
    fn folders_come_once_each_as_first_needed_after_the_folder_above() {
        let paths = [
            "en/pages/b/index.html",
            "index.html",
            "en/pages/a/index.html",
            "en/index.html",
            "data/plans/x.csv",
            "en-gb/index.html",
        ]
        .map(String::from);
        assert_eq!(
            folders_of(&paths),
            [
                "en",
                "en/pages",
                "en/pages/b",
                "en/pages/a",
                "data",
                "data/plans",
                "en-gb"
            ]
        );
    }

    #[test]
    fn files_go_into_folders_made_ahead_or_not() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut staging = Staging::begin(&out).unwrap();
        staging.make_folders(vec!["en/a/index.html".into(), "en/b/index.html".into()]);
        // Put at once, whether or not the thread got there; `c` was never announced.
        for path in ["en/a/index.html", "en/b/index.html", "en/c/d/index.html"] {
            staging
                .put(&OutputFile {
                    path: path.into(),
                    body: Body::Bytes(path.as_bytes().into()),
                })
                .unwrap();
        }
        staging.publish().unwrap();
        for path in ["en/a/index.html", "en/b/index.html", "en/c/d/index.html"] {
            assert_eq!(std::fs::read_to_string(out.join(path)).unwrap(), path);
        }
    }

    #[test]
    fn refuses_to_write_over_the_sources() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("putokaz.toml"), "").unwrap();
        assert!(check_out_dir(dir.path(), dir.path()).is_err());
        assert!(check_out_dir(&dir.path().join("site"), dir.path()).is_err());
        assert!(check_out_dir(dir.path(), &dir.path().join("public")).is_ok());
    }
}
