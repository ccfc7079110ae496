//! Deployment settings: the headers every host serves, and the output's `_headers` file.

mod common;

use putokaz::output::{ASSET_CACHE, SECURITY_HEADERS};

#[test]
fn netlify_serves_exactly_the_security_headers_of_the_build() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/netlify.toml")).unwrap();
    let netlify: toml::Table = toml::from_str(&text).unwrap();
    let headers = netlify["headers"].as_array().unwrap();
    let all = headers.iter().find(|h| h["for"].as_str() == Some("/*")).unwrap()["values"]
        .as_table()
        .unwrap();
    let mut served: Vec<(String, String)> = all
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
        .collect();
    served.sort();
    let mut expected: Vec<(String, String)> = SECURITY_HEADERS
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    expected.sort();
    assert_eq!(served, expected);
    let assets = headers.iter().find(|h| h["for"].as_str() == Some("/assets/*")).unwrap();
    assert_eq!(assets["values"]["Cache-Control"].as_str(), Some(ASSET_CACHE));
    // Every language has its 404 page and the root redirects by language.
    let redirects = netlify["redirects"].as_array().unwrap();
    for code in ["sr", "sr-latn", "cnr", "mk", "en"] {
        assert!(
            redirects
                .iter()
                .any(|r| r["from"].as_str() == Some(format!("/{code}/*").as_str())
                    && r["to"].as_str() == Some(format!("/{code}/404.html").as_str())
                    && r["status"].as_integer() == Some(404))
        );
    }
}

#[test]
fn the_policy_allows_nothing_from_other_origins_and_nothing_inline() {
    let csp = SECURITY_HEADERS
        .iter()
        .find(|(k, _)| *k == "Content-Security-Policy")
        .unwrap()
        .1;
    for directive in csp.split(';').map(str::trim) {
        let mut parts = directive.split_whitespace();
        let name = parts.next().unwrap();
        for source in parts {
            assert!(["'self'", "'none'"].contains(&source), "{name} allows {source}");
        }
    }
    assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"));
    let referrer = SECURITY_HEADERS
        .iter()
        .find(|(k, _)| *k == "Referrer-Policy")
        .unwrap()
        .1;
    assert_eq!(referrer, "no-referrer");
}

#[test]
fn the_build_writes_a_headers_file_for_other_hosts() {
    let site = common::Site::new();
    site.page("_index.en.md", "Home", "x");
    site.build();
    let headers = site.read("_headers");
    for (name, value) in SECURITY_HEADERS {
        assert!(headers.contains(&format!("  {name}: {value}\n")), "{name}");
    }
    assert!(headers.contains(&format!("/assets/*\n  Cache-Control: {ASSET_CACHE}\n")));
}
