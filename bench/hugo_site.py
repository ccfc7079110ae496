#!/usr/bin/env python3
"""Writes a Hugo site equivalent to the synthetic pages of a Putokaz benchmark site.

Usage: bench/hugo_site.py PUTOKAZ_SITE HUGO_SITE

The same Markdown pages (content/pages/page-N.LANG.md and _index.LANG.md, TOML front matter),
the same four languages, a section paginated by 10, a tags taxonomy (a page per tag listing its
pages, and the list of tags), and minimal templates that show what the Putokaz pages show of
them (title, date, description, the text, a language switcher). No RSS: Putokaz makes one feed
per language of the pages of sections that ask for it. Zola-style
`@/pages/page-N.md` links become Hugo `relref`-free relative links, so both tools render the
same number of links.
"""

import pathlib
import re
import shutil
import sys

LANGS = ["sr", "cnr", "mk", "en"]

CONFIG = """baseURL = "https://bench.example/"
title = "Benchmark"
defaultContentLanguage = "sr"
defaultContentLanguageInSubdir = true
disableKinds = ["RSS"]
paginate = 10
[taxonomies]
tag = "tags"
[markup.goldmark.renderer]
unsafe = false
[languages]
""" + "".join(
    f'[languages.{lang}]\nlanguageName = "{lang}"\nweight = {i + 1}\n' for i, lang in enumerate(LANGS)
)

BASEOF = """<!doctype html>
<html lang="{{ .Site.Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}"></head>
<body>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body></html>
"""

SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ with .TableOfContents }}<nav>{{ . }}</nav>{{ end }}
{{ .Content }}
{{ with .GetTerms "tags" }}<p>Tags: {{ range . }}<a href="{{ .RelPermalink }}" rel="tag">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}</article>{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range (.Paginate .Pages.ByDate.Reverse).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
"""

# A tag's page lists all its pages, and the list of tags counts them, as Putokaz's do.
TERM = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>{{ end }}
"""

TAXONOMY = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
"""

LINK = re.compile(r"\(@/pages/(_index|page-\d+)\.md\)")


def link(match):
    target = match.group(1)
    return "(../)" if target == "_index" else f"(../{target}/)"


def main():
    source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    shutil.rmtree(target, ignore_errors=True)
    (target / "content/pages").mkdir(parents=True)
    (target / "layouts/_default").mkdir(parents=True)
    (target / "hugo.toml").write_text(CONFIG)
    (target / "layouts/_default/baseof.html").write_text(BASEOF)
    (target / "layouts/_default/single.html").write_text(SINGLE)
    (target / "layouts/_default/list.html").write_text(LIST)
    (target / "layouts/_default/term.html").write_text(TERM)
    (target / "layouts/_default/taxonomy.html").write_text(TAXONOMY)
    for page in sorted((source / "content/pages").glob("*.md")):
        text = LINK.sub(link, page.read_text())
        text = text.replace("sort_by = \"date\"\npaginate_by = 10\n", "")
        (target / "content/pages" / page.name).write_text(text)
    for lang in LANGS:
        home = source / f"content/_index.{lang}.md"
        if home.exists():
            (target / f"content/_index.{lang}.md").write_text(home.read_text())


if __name__ == "__main__":
    main()
