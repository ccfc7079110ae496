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

thread_local! {
    static READS: RefCell<Option<BTreeSet<Read>>> = const { RefCell::new(None) };
}

/// Runs `f` and returns, with its result, everything it read on this thread. A recording
/// around this one sees these reads too.
pub fn record<R>(f: impl FnOnce() -> R) -> (R, BTreeSet<Read>) {
    let outer = READS.with(|r| r.replace(Some(BTreeSet::new())));
    let result = f();
    let reads = READS.with(|r| r.replace(outer)).unwrap_or_default();
    READS.with(|r| {
        if let Some(outer) = r.borrow_mut().as_mut() {
            outer.extend(reads.iter().cloned());
        }
    });
    (result, reads)
}

/// Notes a read, if one is being recorded on this thread (`read` is called only then).
pub fn note(read: impl FnOnce() -> Read) {
    READS.with(|r| {
        if let Some(reads) = r.borrow_mut().as_mut() {
            reads.insert(read());
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
        note(|| unreachable!("nothing is recorded outside `record`"));
        let ((), outer) = record(|| {
            let ((), inner) = record(|| note(|| Read::AllReports));
            assert_eq!(inner, BTreeSet::from([Read::AllReports]));
            note(|| Read::Reports("p".into(), "1.1".into()));
        });
        assert_eq!(
            outer,
            BTreeSet::from([Read::AllReports, Read::Reports("p".into(), "1.1".into())])
        );
        let set = ReadSet::new(&outer);
        assert!(set.contains(ReadSet::hash(&Read::AllReports)));
        assert!(set.contains(ReadSet::hash(&Read::Reports("p".into(), "1.1".into()))));
        assert!(!set.contains(ReadSet::hash(&Read::Reports("p".into(), "1.2".into()))));
        assert!(!set.contains(ReadSet::hash(&Read::String("en".into(), "home".into()))));
    }
}
