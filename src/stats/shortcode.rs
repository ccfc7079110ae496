//! Numbers from the statistics quoted in Markdown: `{{ stat(table="id", year="2017") }}` prints
//! the published form of that cell (dimensions left out are totals), and
//! `{{ stat_threshold() }}` prints k. A page can therefore never quote a withheld count.

use std::sync::LazyLock;

use memchr::memmem::Finder;

/// A shortcode found in a page: its name, its arguments and the line it is on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// `stat` or `stat_threshold`.
    pub name: String,
    /// Its `key="value"` arguments, in order.
    pub args: Vec<(String, String)>,
    /// The line within the text.
    pub line: usize,
}

const NAMES: &[&str] = &["stat", "stat_threshold"];

/// Where a shortcode may open (a finder made once: `str::find` prepares its search on every
/// call, which cost more than the search on pages without shortcodes).
static OPEN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("{{"));

/// Replaces every statistics shortcode in `text` with what `expand` returns for it; calls that
/// cannot be read or expanded are left as written and reported as (line, message).
pub fn expand(text: &str, mut expand: impl FnMut(&Call) -> Result<String, String>) -> (String, Vec<(usize, String)>) {
    let mut out = String::with_capacity(text.len());
    let mut errors = Vec::new();
    let mut rest = text;
    while let Some(start) = OPEN.find(rest.as_bytes()) {
        let line = text[..text.len() - rest.len() + start].matches('\n').count() + 1;
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let name_start = after.trim_start();
        let is_ours = NAMES.iter().any(|n| {
            name_start
                .strip_prefix(n)
                .is_some_and(|r| r.trim_start().starts_with('('))
        });
        let Some(end) = after.find("}}").filter(|_| is_ours) else {
            out.push_str("{{");
            rest = after;
            continue;
        };
        let inner = &after[..end];
        match parse(inner.trim(), line).and_then(|call| expand(&call)) {
            Ok(s) => out.push_str(&s),
            Err(message) => {
                errors.push((line, message));
                out.push_str(&rest[start..start + 2 + end + 2]);
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    (out, errors)
}

/// Reads `name(key="value", …)`.
fn parse(inner: &str, line: usize) -> Result<Call, String> {
    let open = inner.find('(').ok_or("expected `(`")?;
    let name = inner[..open].trim().to_owned();
    let args_text = inner[open + 1..]
        .trim_end()
        .strip_suffix(')')
        .ok_or_else(|| format!("the shortcode `{inner}` does not end with `)`"))?;
    let mut args = Vec::new();
    let mut rest = args_text.trim();
    while !rest.is_empty() {
        let (key, after) = rest
            .split_once('=')
            .ok_or_else(|| format!("expected key=\"value\" in `{inner}`"))?;
        let after = after.trim_start();
        let value_text = after
            .strip_prefix('"')
            .ok_or_else(|| format!("the value of `{}` must be in double quotes", key.trim()))?;
        let close = value_text
            .find('"')
            .ok_or_else(|| format!("the value of `{}` has no closing quote", key.trim()))?;
        args.push((key.trim().to_owned(), value_text[..close].to_owned()));
        rest = value_text[close + 1..].trim_start();
        rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    }
    Ok(Call { name, args, line })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcodes_are_replaced_and_other_braces_kept() {
        let text =
            "In 2015, {{ stat(table=\"v\", year=\"2015\") }} victims.\nKeep {{ this }}.\nk = {{stat_threshold()}}";
        let (out, errors) = expand(text, |c| {
            Ok(match c.name.as_str() {
                "stat" => format!("{}:{}", c.args[0].1, c.args[1].1),
                _ => "11".into(),
            })
        });
        assert!(errors.is_empty());
        assert_eq!(out, "In 2015, v:2015 victims.\nKeep {{ this }}.\nk = 11");
    }

    #[test]
    fn errors_carry_their_line() {
        let (out, errors) = expand("a\n\n{{ stat(table=v) }}", |_| Ok(String::new()));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, 3);
        assert!(errors[0].1.contains("double quotes"));
        assert!(out.ends_with("{{ stat(table=v) }}"));
    }
}
