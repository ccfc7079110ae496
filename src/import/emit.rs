//! Turning an [`ImportedPlan`] into `plan.toml` and registry entries for a person to review.
//!
//! Institution names as the document writes them are matched against the registry by name and
//! alias (ignoring case, punctuation and a leading "the"); names that match nothing become new
//! registry entries, listed so the reviewer can merge them into existing ones.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Doubt, ImportedPlan};
use crate::plan::{Activity, Area, Goal, Institution, Measure, PlanMeta};

/// The id prefix of international organisations, which plans of every country may name.
pub const INTERNATIONAL_PREFIX: &str = "intl-";

/// What an import produced.
#[derive(Debug, Clone)]
pub struct Emitted {
    /// The text of `plan.toml`.
    pub plan_toml: String,
    /// Institutions the registry did not know, to append to it.
    pub new_institutions: Vec<Institution>,
}

#[derive(Serialize)]
struct PlanFileOut<'a> {
    plan: &'a PlanMeta,
    area: &'a [Area],
    goal: &'a [Goal],
    measure: &'a [Measure],
    activity: Vec<Activity>,
}

/// Writes `plan` as `plan.toml` text, matching institution names against `registry`.
///
/// `country` prefixes the ids of new institutions. The doubts are written at the top of the file
/// as comments, with the source line of each.
pub fn emit(plan: &ImportedPlan, meta: &PlanMeta, registry: &[Institution], source_name: &str) -> Emitted {
    let mut known: BTreeMap<String, String> = BTreeMap::new();
    // Only the plan's own country and international bodies: "Ministry of Interior" exists in
    // every country's registry.
    let country_prefix = format!("{}-", meta.country);
    let candidates = registry
        .iter()
        .filter(|i| i.id.starts_with(&country_prefix) || i.id.starts_with(INTERNATIONAL_PREFIX));
    for inst in candidates {
        for name in inst.name.values().chain(&inst.aliases) {
            known.insert(normalize(name), inst.id.clone());
        }
    }
    let mut new_institutions: Vec<Institution> = Vec::new();
    let mut resolve = |name: &str| -> String {
        let key = normalize(name);
        if let Some(id) = known.get(&key) {
            return id.clone();
        }
        let base = format!("{}-{}", meta.country, slug(name));
        let mut id = base.clone();
        let mut n = 2;
        while known.values().any(|v| *v == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        known.insert(key, id.clone());
        new_institutions.push(Institution {
            id: id.clone(),
            name: BTreeMap::from([("en".to_owned(), name.trim().to_owned())]),
            aliases: Vec::new(),
        });
        id
    };
    let activities = plan
        .activities
        .iter()
        .map(|imported| {
            let mut a = imported.activity.clone();
            a.responsible = dedup(imported.responsible.iter().map(|n| resolve(n)).collect());
            a.partners = dedup(imported.partners.iter().map(|n| resolve(n)).collect());
            a
        })
        .collect();
    let out = PlanFileOut {
        plan: meta,
        area: &plan.areas,
        goal: &plan.goals,
        measure: &plan.measures,
        activity: activities,
    };
    let body = toml::to_string_pretty(&out).unwrap_or_else(|e| format!("# could not write the plan: {e}\n"));
    Emitted {
        plan_toml: header(source_name, &plan.doubts) + &body,
        new_institutions,
    }
}

/// Writes an import into the site at `root`: `content/plans/PLAN/plan.toml` (never over an
/// existing file unless `force`) and the new institutions appended to the country's registry.
///
/// Returns the paths written, relative to `root`.
pub fn write(
    root: &std::path::Path,
    plan_id: &str,
    emitted: &Emitted,
    country: &str,
    force: bool,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    use crate::plan::{INSTITUTIONS_DIR, PLANS_DIR};
    let plan_file = std::path::Path::new(PLANS_DIR).join(plan_id).join("plan.toml");
    let target = root.join(&plan_file);
    if target.exists() && !force {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} exists already (pass --force to replace it)", plan_file.display()),
        ));
    }
    std::fs::create_dir_all(target.parent().unwrap_or(root))?;
    std::fs::write(&target, &emitted.plan_toml)?;
    let mut written = vec![plan_file];
    if !emitted.new_institutions.is_empty() {
        let registry_file = std::path::Path::new(INSTITUTIONS_DIR).join(format!("{country}.toml"));
        let path = root.join(&registry_file);
        std::fs::create_dir_all(path.parent().unwrap_or(root))?;
        let mut text = std::fs::read_to_string(&path).unwrap_or_default();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!(
            "\n# Added by `putokaz import` for {plan_id}: merge duplicates and add translations.\n"
        ));
        text.push_str(&registry_toml(&emitted.new_institutions));
        std::fs::write(&path, text)?;
        written.push(registry_file);
    }
    Ok(written)
}

/// The registry file text for `institutions`.
pub fn registry_toml(institutions: &[Institution]) -> String {
    #[derive(Serialize)]
    struct RegistryOut<'a> {
        institution: &'a [Institution],
    }
    toml::to_string_pretty(&RegistryOut {
        institution: institutions,
    })
    .unwrap_or_default()
}

fn header(source_name: &str, doubts: &[Doubt]) -> String {
    let mut text = format!("# Imported by `putokaz import` from {source_name}. Review before publishing.\n");
    if !doubts.is_empty() {
        text.push_str("# Rows to check in the source:\n");
        for d in doubts {
            text.push_str(&format!("#   line {}: {}\n", d.line, d.message.replace('\n', " ")));
        }
    }
    text.push('\n');
    text
}

fn dedup(mut ids: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    ids
}

/// A name reduced for matching: lowercase words, no punctuation, no leading "the".
fn normalize(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

fn slug(name: &str) -> String {
    let s = normalize(name).replace(' ', "-");
    let s: String = s.chars().take(48).collect();
    s.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::ImportedActivity;

    #[test]
    fn names_match_the_registry_by_alias_and_new_ones_are_listed() {
        let registry = vec![
            Institution {
                id: "me-moi".into(),
                name: BTreeMap::from([("en".into(), "Ministry of Interior".into())]),
                aliases: vec![],
            },
            Institution {
                id: "rs-moi".into(),
                name: BTreeMap::from([("en".into(), "Ministry of Interior".into())]),
                aliases: vec!["MoI".into()],
            },
        ];
        let activity = Activity {
            id: "1.1.1".into(),
            goal: "1".into(),
            ..Activity::default()
        };
        let plan = ImportedPlan {
            activities: vec![ImportedActivity {
                activity,
                responsible: vec!["the Ministry of Interior.".into(), "MOI".into(), "Red Cross".into()],
                partners: vec!["Red Cross".into()],
            }],
            doubts: vec![Doubt {
                line: 12,
                message: "shifted columns".into(),
            }],
            ..ImportedPlan::default()
        };
        let meta: PlanMeta = toml::from_str(
            "country = \"rs\"\ntitle = { en = \"T\" }\nperiod = [2009, 2011]\nadopted_by = { en = \"G\" }\nsource = { document = \"D\" }\n",
        )
        .unwrap();
        let out = emit(&plan, &meta, &registry, "doc.txt");
        assert_eq!(out.new_institutions.len(), 1);
        assert_eq!(out.new_institutions[0].id, "rs-red-cross");
        assert!(
            out.plan_toml
                .contains("responsible = [\n    \"rs-moi\",\n    \"rs-red-cross\",\n]"),
            "{}",
            out.plan_toml
        );
        assert!(
            out.plan_toml
                .starts_with("# Imported by `putokaz import` from doc.txt.")
        );
        assert!(out.plan_toml.contains("#   line 12: shifted columns"));
    }
}
