//! Statistical disclosure control: which counts may be published.
//!
//! The tables of one population (e.g. "victims identified in Serbia") are protected together,
//! as one set of [`Quantity`]s (every cell and every margin, each counted once even when several
//! tables show it) tied by [`Equation`]s (each margin is the sum of its parts). Then:
//!
//! 1. **Primary suppression**: every count from 1 to k−1 (and zero, where a table hides zeros)
//!    is withheld.
//! 2. **Complementary suppression**: first, wherever a sum has exactly one withheld count, one
//!    more of its counts is withheld (the quick common case). Then, for every withheld count, an attacker who knows everything
//!    published — other cells, margins, other tables of the population, that a primary cell lies
//!    between 1 and k−1 and that a complementary one is at least k — computes the smallest and
//!    largest value the count can take (an integer program). Where both are equal the count
//!    could be recovered, so one more count near it is withheld: the most detailed, smallest
//!    count that shares an equation with it. Repeat until no withheld count can be recovered.
//!
//! Withholding more never makes a withheld count easier to recover, so each count is made safe
//! once and stays safe; the loop ends because every round withholds one more count.

use std::collections::{BTreeSet, VecDeque};

use microlp::{ComparisonOp, OptimizationDirection, Problem, Variable};
use rayon::prelude::*;

/// One number the tables of a population publish: a cell or a margin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// The true count; `None` where the source does not give it.
    pub value: Option<u64>,
    /// Whether a zero is withheld too (so that a published zero does not reveal which cells
    /// are not empty).
    pub hide_zero: bool,
    /// How detailed it is (its number of coordinates): detailed cells are withheld before
    /// margins when a count must be withheld to protect another.
    pub detail: usize,
}

/// A published relation: `total` is the sum of `parts`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Equation {
    /// The margin.
    pub total: usize,
    /// What it adds up.
    pub parts: Vec<usize>,
}

/// What the public learns about one quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Protection {
    /// The count is published.
    Published,
    /// A small count, withheld and shown as "fewer than k".
    Primary,
    /// A count withheld so that a small one cannot be worked out from it.
    Complementary,
    /// The source does not give the count.
    Unavailable,
}

impl Protection {
    /// Whether the count is withheld.
    pub fn is_withheld(self) -> bool {
        matches!(self, Protection::Primary | Protection::Complementary)
    }
}

/// Decides which quantities are published, withheld or unavailable, with threshold `k`.
pub fn protect(quantities: &[Quantity], equations: &[Equation], k: u64) -> Vec<Protection> {
    let mut status: Vec<Protection> = quantities
        .iter()
        .map(|q| match q.value {
            None => Protection::Unavailable,
            Some(v) if (1..k).contains(&v) || (v == 0 && q.hide_zero) => Protection::Primary,
            Some(_) => Protection::Published,
        })
        .collect();
    withhold_lone_cells(quantities, equations, &mut status);
    let attacker = Attacker::new(quantities, equations, k);
    // Every withheld count is first audited against what is published now, all of them at once
    // (two integer programs each): one that cannot be recovered now never can be later, so only
    // the others go through the loop below, in the same order, which gives the same result.
    let withheld: Vec<usize> = (0..quantities.len()).filter(|&q| status[q].is_withheld()).collect();
    let exposed: Vec<bool> = withheld.par_iter().map(|&q| attacker.recovers(&status, q)).collect();
    let mut queue: VecDeque<usize> = withheld
        .into_iter()
        .zip(exposed)
        .filter_map(|(q, exposed)| exposed.then_some(q))
        .collect();
    while let Some(q) = queue.pop_front() {
        while attacker.recovers(&status, q) {
            match complement(quantities, equations, &status, q) {
                Some(c) => {
                    status[c] = Protection::Complementary;
                    queue.push_back(c);
                }
                None => {
                    // Nothing near is left to withhold: withhold the whole connected part.
                    for c in component(equations, q) {
                        if status[c] == Protection::Published {
                            let zero = quantities[c].value == Some(0);
                            status[c] = if zero {
                                Protection::Primary
                            } else {
                                Protection::Complementary
                            };
                        }
                    }
                    break;
                }
            }
        }
    }
    status
}

/// The quick first pass: while an equation has exactly one withheld count (which its other
/// members would give away), withholds the most detailed, smallest other count in it.
fn withhold_lone_cells(quantities: &[Quantity], equations: &[Equation], status: &mut [Protection]) {
    let mut changed = true;
    while changed {
        changed = false;
        for eq in equations {
            let members: Vec<usize> = std::iter::once(eq.total).chain(eq.parts.iter().copied()).collect();
            if members.iter().any(|&m| status[m] == Protection::Unavailable)
                || members.iter().filter(|&&m| status[m].is_withheld()).count() != 1
            {
                continue;
            }
            let best = members
                .iter()
                .copied()
                .filter(|&m| status[m] == Protection::Published && quantities[m].value.is_some_and(|v| v > 0))
                .min_by_key(|&m| (std::cmp::Reverse(quantities[m].detail), quantities[m].value, m));
            if let Some(m) = best {
                status[m] = Protection::Complementary;
                changed = true;
            }
        }
    }
}

/// Someone who knows everything published and tries to work out a withheld count.
pub struct Attacker<'a> {
    quantities: &'a [Quantity],
    equations: &'a [Equation],
    k: u64,
    /// An upper bound on every count (the sum of all of them), so the programs stay bounded.
    ceiling: i32,
}

impl<'a> Attacker<'a> {
    /// An attacker of these quantities and equations, with threshold `k`.
    pub fn new(quantities: &'a [Quantity], equations: &'a [Equation], k: u64) -> Self {
        let sum: u64 = quantities.iter().filter_map(|q| q.value).sum();
        let ceiling = i32::try_from(sum.max(k).saturating_mul(2)).unwrap_or(i32::MAX / 2);
        Attacker {
            quantities,
            equations,
            k,
            ceiling,
        }
    }

    /// Whether withheld quantity `q` has only one possible value, given `status`.
    pub fn recovers(&self, status: &[Protection], q: usize) -> bool {
        match self.range(status, q) {
            Some((low, high)) => low == high,
            // No solution means the model is wrong; treat the count as exposed.
            None => true,
        }
    }

    /// The smallest and largest value withheld quantity `q` can take, given `status`.
    pub fn range(&self, status: &[Protection], q: usize) -> Option<(i64, i64)> {
        let low = self.optimise(status, q, OptimizationDirection::Minimize)?;
        let high = self.optimise(status, q, OptimizationDirection::Maximize)?;
        Some((low, high))
    }

    fn optimise(&self, status: &[Protection], q: usize, direction: OptimizationDirection) -> Option<i64> {
        let mut problem = Problem::new(direction);
        let mut vars: Vec<Option<Variable>> = vec![None; self.quantities.len()];
        let small = i32::try_from(self.k - 1).unwrap_or(i32::MAX);
        for (i, s) in status.iter().enumerate() {
            let bounds = match s {
                Protection::Primary if self.quantities[i].hide_zero => (0, small),
                Protection::Primary => (1, small),
                Protection::Complementary => (small + 1, self.ceiling.max(small + 1)),
                Protection::Published | Protection::Unavailable => continue,
            };
            let objective = if i == q { 1.0 } else { 0.0 };
            vars[i] = Some(problem.add_integer_var(objective, bounds));
        }
        for eq in self.equations {
            let members = std::iter::once((eq.total, -1.0)).chain(eq.parts.iter().map(|&p| (p, 1.0)));
            let mut terms = Vec::new();
            let mut rhs = 0.0;
            let mut usable = true;
            for (m, coefficient) in members {
                match (vars[m], status[m]) {
                    (Some(v), _) => terms.push((v, coefficient)),
                    (None, Protection::Published) => {
                        rhs -= coefficient * self.quantities[m].value.unwrap_or(0) as f64;
                    }
                    _ => usable = false,
                }
            }
            if usable && !terms.is_empty() {
                problem.add_constraint(&terms, ComparisonOp::Eq, rhs);
            }
        }
        let solution = problem.solve().ok()?.into_solution().ok()?;
        Some(solution.objective().round() as i64)
    }
}

/// The published count to withhold so that `q` is protected: the most detailed, then smallest,
/// non-zero count sharing an equation with `q`, or with the quantities next to it, and so on.
fn complement(quantities: &[Quantity], equations: &[Equation], status: &[Protection], q: usize) -> Option<usize> {
    let mut seen = BTreeSet::from([q]);
    let mut layer = vec![q];
    while !layer.is_empty() {
        let next: BTreeSet<usize> = equations
            .iter()
            .filter(|eq| layer.iter().any(|&m| eq.total == m || eq.parts.contains(&m)))
            .flat_map(|eq| std::iter::once(eq.total).chain(eq.parts.iter().copied()))
            .filter(|m| !seen.contains(m))
            .collect();
        let best = next
            .iter()
            .copied()
            .filter(|&m| status[m] == Protection::Published && quantities[m].value.is_some_and(|v| v > 0))
            .min_by_key(|&m| (std::cmp::Reverse(quantities[m].detail), quantities[m].value, m));
        if best.is_some() {
            return best;
        }
        seen.extend(next.iter().copied());
        layer = next.into_iter().collect();
    }
    None
}

/// Every quantity connected to `q` through equations.
fn component(equations: &[Equation], q: usize) -> BTreeSet<usize> {
    let mut seen = BTreeSet::from([q]);
    let mut todo = vec![q];
    while let Some(m) = todo.pop() {
        for eq in equations.iter().filter(|eq| eq.total == m || eq.parts.contains(&m)) {
            for n in std::iter::once(eq.total).chain(eq.parts.iter().copied()) {
                if seen.insert(n) {
                    todo.push(n);
                }
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rows × columns table with margins: quantities in row-major order, then row totals,
    /// column totals and the grand total.
    fn table(cells: &[&[u64]]) -> (Vec<Quantity>, Vec<Equation>) {
        let rows = cells.len();
        let cols = cells[0].len();
        let q = |v: u64, detail| Quantity {
            value: Some(v),
            hide_zero: false,
            detail,
        };
        let mut quantities: Vec<Quantity> = cells.iter().flat_map(|r| r.iter().map(|&v| q(v, 2))).collect();
        let row_total = |r: usize| rows * cols + r;
        let col_total = |c: usize| rows * cols + rows + c;
        let grand = rows * cols + rows + cols;
        quantities.extend((0..rows).map(|r| q(cells[r].iter().sum(), 1)));
        quantities.extend((0..cols).map(|c| q(cells.iter().map(|r| r[c]).sum(), 1)));
        quantities.push(q(cells.iter().flat_map(|r| r.iter()).sum(), 0));
        let mut equations: Vec<Equation> = (0..rows)
            .map(|r| Equation {
                total: row_total(r),
                parts: (0..cols).map(|c| r * cols + c).collect(),
            })
            .collect();
        equations.extend((0..cols).map(|c| Equation {
            total: col_total(c),
            parts: (0..rows).map(|r| r * cols + c).collect(),
        }));
        equations.push(Equation {
            total: grand,
            parts: (0..rows).map(row_total).collect(),
        });
        equations.push(Equation {
            total: grand,
            parts: (0..cols).map(col_total).collect(),
        });
        (quantities, equations)
    }

    #[test]
    fn a_small_cell_and_its_complement_are_withheld_and_margins_stay() {
        // 8 men out of 40: withholding the 8 alone would leave 40 − 32.
        let (q, e) = table(&[&[32, 8], &[47, 8], &[39, 4]]);
        let status = protect(&q, &e, 11);
        assert_eq!(status[1], Protection::Primary);
        assert_eq!(
            status[0],
            Protection::Complementary,
            "32 women would give the 8 men away"
        );
        assert!(status[6..].iter().all(|&s| s == Protection::Published), "{status:?}");
        let attacker = Attacker::new(&q, &e, 11);
        assert!(
            (0..q.len())
                .filter(|&i| status[i].is_withheld())
                .all(|i| !attacker.recovers(&status, i))
        );
    }

    #[test]
    fn bounds_alone_can_give_a_count_away() {
        // Three single victims adding up to a published 3: each must be 1.
        let q = vec![
            Quantity {
                value: Some(1),
                hide_zero: false,
                detail: 1,
            };
            3
        ]
        .into_iter()
        .chain([Quantity {
            value: Some(3),
            hide_zero: false,
            detail: 0,
        }])
        .collect::<Vec<_>>();
        let e = vec![Equation {
            total: 3,
            parts: vec![0, 1, 2],
        }];
        let attacker = Attacker::new(&q, &e, 11);
        let mut status = vec![Protection::Primary; 3];
        status.push(Protection::Published);
        assert!(attacker.recovers(&status, 0));
        let status = protect(&q, &e, 11);
        assert_eq!(status[3], Protection::Primary, "the total 3 is itself small");
        assert!((0..4).all(|i| !attacker.recovers(&status, i)));
    }

    #[test]
    fn zeros_are_published_unless_hidden() {
        let (mut q, e) = table(&[&[0, 20], &[30, 40]]);
        assert_eq!(protect(&q, &e, 11)[0], Protection::Published);
        q[0].hide_zero = true;
        let status = protect(&q, &e, 11);
        assert_eq!(status[0], Protection::Primary);
        let attacker = Attacker::new(&q, &e, 11);
        assert!(
            (0..q.len())
                .filter(|&i| status[i].is_withheld())
                .all(|i| !attacker.recovers(&status, i))
        );
    }

    #[test]
    fn unavailable_counts_take_no_part() {
        let q = vec![
            Quantity {
                value: None,
                hide_zero: false,
                detail: 1,
            },
            Quantity {
                value: Some(5),
                hide_zero: false,
                detail: 1,
            },
        ];
        let status = protect(&q, &[], 11);
        assert_eq!(status, vec![Protection::Unavailable, Protection::Primary]);
    }
}
