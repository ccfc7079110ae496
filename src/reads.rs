//! What a page read while it was made: the interface strings and progress reports it shows.
//!
//! `putokaz serve` records these for every page ([`record`]), so that after an edit to a string
//! or a report it renders again only the pages that read what changed. Reads are noted where the
//! data is read ([`crate::i18n::Strings::get`], [`crate::plan::PlanData::reports_on`] and
//! [`crate::plan::PlanData::all_reports`]), not where pages are assembled, so a page cannot show
//! a string or a report without it being noted.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// One thing a page read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Read {
    /// An interface string: (locale, message id).
    String(String, String),
    /// The progress reports on one activity: (plan id, activity id).
    Reports(String, String),
    /// Every progress report (a list of the newest ones, say).
    AllReports,
}

impl Read {
    /// The read of interface string `key` in `locale`.
    pub fn string(locale: &str, key: &str) -> Read {
        Read::String(locale.to_owned(), key.to_owned())
    }

    /// The read of the progress reports on `activity` of `plan`.
    pub fn reports(plan: &str, activity: &str) -> Read {
        Read::Reports(plan.to_owned(), activity.to_owned())
    }

    /// The read as a variant number and up to two strings: what a recording tells reads by.
    fn parts(&self) -> (u8, &str, &str) {
        match self {
            Read::String(locale, key) => (0, locale, key),
            Read::Reports(plan, activity) => (1, plan, activity),
            Read::AllReports => (2, "", ""),
        }
    }
}

/// The reads recorded on one thread: each read once, found by a hash of its parts so that a
/// read noted again (a page shows the same string on every row of a table) allocates nothing.
/// (Noted for every string and report a page shows, so hashed with FxHash, not SipHash.)
#[derive(Default)]
struct Recording {
    /// Per hash of a read's parts, where that read is in `reads`.
    seen: rustc_hash::FxHashMap<u64, usize>,
    reads: Vec<Read>,
}

impl Recording {
    fn add(&mut self, parts: (u8, &str, &str), read: impl FnOnce() -> Read) {
        let mut h = rustc_hash::FxHasher::default();
        parts.hash(&mut h);
        match self.seen.get(&h.finish()) {
            Some(&i) if self.reads[i].parts() == parts => {}
            // Another read with the same hash: rare enough to look through them all.
            Some(_) if self.reads.iter().any(|r| r.parts() == parts) => {}
            Some(_) => self.reads.push(read()),
            None => {
                self.seen.insert(h.finish(), self.reads.len());
                self.reads.push(read());
            }
        }
    }
}

thread_local! {
    static READS: RefCell<Option<Recording>> = const { RefCell::new(None) };
}

/// Runs `f` and returns, with its result, everything it read on this thread. A recording
/// around this one sees these reads too.
pub fn record<R>(f: impl FnOnce() -> R) -> (R, BTreeSet<Read>) {
    let outer = READS.with(|r| r.replace(Some(Recording::default())));
    let result = f();
    let reads: BTreeSet<Read> = READS
        .with(|r| r.replace(outer))
        .map(|r| r.reads.into_iter().collect())
        .unwrap_or_default();
    READS.with(|r| {
        if let Some(outer) = r.borrow_mut().as_mut() {
            for read in &reads {
                outer.add(read.parts(), || read.clone());
            }
        }
    });
    (result, reads)
}

/// Notes a read of interface string `key` in `locale`, if reads are being recorded on this
/// thread.
pub fn note_string(locale: &str, key: &str) {
    note((0, locale, key), || Read::string(locale, key));
}

/// Notes a read of the progress reports on `activity` of `plan`, if reads are being recorded
/// on this thread.
pub fn note_reports(plan: &str, activity: &str) {
    note((1, plan, activity), || Read::reports(plan, activity));
}

/// Notes a read of every progress report, if reads are being recorded on this thread.
pub fn note_all_reports() {
    note((2, "", ""), || Read::AllReports);
}

/// Notes `read` again, if reads are being recorded on this thread: for what was made once
/// from it and is shown again.
pub fn note_read(read: &Read) {
    note(read.parts(), || read.clone());
}

/// Notes the read with `parts` ([`Read::parts`]), made by `read` only the first time.
fn note(parts: (u8, &str, &str), read: impl FnOnce() -> Read) {
    READS.with(|r| {
        if let Some(recording) = r.borrow_mut().as_mut() {
            recording.add(parts, read);
        }
    });
}

/// A set of reads kept as sorted hashes: small, and searched without following pointers, for
/// what each of thousands of pages read. Two reads may share a hash (one chance in 2⁶⁴); an edit
/// to one then makes the pages that read the other again too, which costs only time.
#[derive(Debug, Clone, Default)]
pub struct ReadSet(Arc<[u64]>);

impl ReadSet {
    /// The set of `reads`.
    pub fn new(reads: &BTreeSet<Read>) -> ReadSet {
        let mut hashes: Vec<u64> = reads.iter().map(ReadSet::hash).collect();
        hashes.sort_unstable();
        hashes.dedup();
        ReadSet(hashes.into())
    }

    /// The hash a read is kept as.
    pub fn hash(read: &Read) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        read.hash(&mut h);
        h.finish()
    }

    /// Whether a read with hash `hash` ([`ReadSet::hash`]) is in the set.
    pub fn contains(&self, hash: u64) -> bool {
        self.0.binary_search(&hash).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_recorded_on_this_thread_and_seen_by_outer_recordings() {
        note((0, "", ""), || unreachable!("nothing is recorded outside `record`"));
        let ((), outer) = record(|| {
            let ((), inner) = record(|| {
                note_all_reports();
                note_string("en", "home");
                note_string("en", "home");
            });
            assert_eq!(inner, BTreeSet::from([Read::AllReports, Read::string("en", "home")]));
            note_reports("p", "1.1");
            note_string("en", "home");
        });
        assert_eq!(
            outer,
            BTreeSet::from([Read::AllReports, Read::reports("p", "1.1"), Read::string("en", "home")])
        );
        let set = ReadSet::new(&outer);
        assert!(set.contains(ReadSet::hash(&Read::AllReports)));
        assert!(set.contains(ReadSet::hash(&Read::Reports("p".into(), "1.1".into()))));
        assert!(!set.contains(ReadSet::hash(&Read::Reports("p".into(), "1.2".into()))));
        assert!(!set.contains(ReadSet::hash(&Read::String("en".into(), "search".into()))));
    }
}
