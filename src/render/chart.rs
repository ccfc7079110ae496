//! Charts as inline SVG, made at build time.
//!
//! Every chart has a title and a description for screen readers, writes each value as text next
//! to its bar (so colour is never the only signal), uses classes rather than style attributes
//! (the Content-Security-Policy allows no inline styles), and is accompanied in the page by a
//! table of the same numbers.

use std::fmt::Write as _;

/// One bar: its label, its value, and a CSS class for its colour.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Bar {
    /// The label shown left of the bar.
    pub label: String,
    /// The value, written after the bar.
    pub value: usize,
    /// A class that colours the bar (e.g. `status-complete`).
    pub class: String,
    /// Written instead of the value where the value is not published (the bar is then empty).
    pub text: Option<String>,
}

/// A horizontal bar chart. `id` makes the title and description ids unique in the page.
pub fn bar_chart(id: &str, title: &str, description: &str, bars: &[Bar]) -> String {
    const ROW: usize = 28;
    // Room for the longest label (at most about 8 units a character at the chart's font size).
    let longest = bars.iter().map(|b| b.label.chars().count()).max().unwrap_or(0);
    let label = (longest * 8 + 16).clamp(120, 460);
    let width = label + 420;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = bars.len() * ROW + 8;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(title),
        escape(description)
    );
    let room = width - label - 60;
    for (i, bar) in bars.iter().enumerate() {
        let y = i * ROW + 4;
        let length = if bar.value == 0 || bar.text.is_some() {
            0
        } else {
            (bar.value * room / max).max(2)
        };
        let _ = write!(
            svg,
            "<text class=\"chart-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"bar {}\" x=\"{label}\" y=\"{y}\" width=\"{length}\" height=\"{}\"/>\
             <text class=\"chart-value\" x=\"{}\" y=\"{}\">{}</text>",
            label - 8,
            y + ROW / 2 + 4,
            escape(&bar.label),
            escape(&bar.class),
            ROW - 8,
            label + length + 6,
            y + ROW / 2 + 4,
            bar.text.as_deref().map_or_else(|| bar.value.to_string(), escape)
        );
    }
    svg.push_str("</svg>");
    svg
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value_and_carry_their_numbers() {
        let bars = vec![
            Bar {
                label: "2009".into(),
                value: 10,
                class: "a".into(),
                text: None,
            },
            Bar {
                label: "2010 <".into(),
                value: 5,
                class: "b".into(),
                text: None,
            },
            Bar {
                label: "none".into(),
                value: 0,
                class: "c".into(),
                text: None,
            },
            Bar {
                label: "withheld".into(),
                value: 0,
                class: "d".into(),
                text: Some("fewer than 11".into()),
            },
        ];
        let svg = bar_chart("c1", "Due per year", "Ten in 2009", &bars);
        assert!(svg.contains("<title id=\"c1-title\">Due per year</title>"));
        assert!(svg.contains("aria-labelledby=\"c1-title c1-desc\""));
        assert!(svg.contains("width=\"360\""), "{svg}");
        assert!(svg.contains("width=\"180\""), "{svg}");
        assert!(svg.contains("width=\"0\""), "{svg}");
        assert!(svg.contains(">10</text>") && svg.contains(">5</text>") && svg.contains(">0</text>"));
        assert!(svg.contains("2010 &lt;"));
        assert!(svg.contains(">fewer than 11</text>"));
        assert!(!svg.contains("style="));
    }
}
