#!/usr/bin/env python3
"""Writes a Hugo site equivalent to the synthetic pages of a Putokaz benchmark site.

Usage: bench/hugo_site.py PUTOKAZ_SITE HUGO_SITE

The same Markdown pages (content/pages/page-N.LANG.md and _index.LANG.md, TOML front matter),
the same four languages, a section paginated by 10, a tags taxonomy (a page per tag listing its
pages, and the list of tags), and templates that show what the Putokaz pages around them show:
the head (description, canonical URL, Open Graph, an alternate link per translation and
x-default, the fingerprinted stylesheet and script), the skip link, the quick-exit and help
bar, the language switcher, the main navigation with the current page marked, breadcrumbs,
the page (title, date, table of contents, text, tags) or the listing (title, date and
description of each page, a pager), the citation block and the footer, with interface strings
from `i18n/`. What is the same on every page of a language is a cached partial, as Putokaz
renders it once per locale. Until the sixteenth session the templates showed only the title,
date, description, text and a language switcher, which left Hugo a quarter less to do than
Putokaz (bench/README.md). No RSS: Putokaz makes one feed per language of the pages of
sections that ask for it. Zola-style `@/pages/page-N.md` links become Hugo `relref`-free
relative links, so both tools render the same number of links.
"""

import pathlib
import re
import shutil
import sys

LANGS = ["sr", "cnr", "mk", "en"]
NAMES = {"sr": "Српски", "cnr": "Crnogorski", "mk": "Македонски", "en": "English"}

# The main navigation of the portal's pages: the same ten links in every language, one of them
# the benchmark's section.
MENU = [
    ("home", ""), ("plans", "plans/"), ("how", "how-to-read/"), ("about", "about/"),
    ("statistics", "statistics/"), ("data", "data/"), ("safety", "safety/"), ("pages", "pages/"),
    ("search", "search/"), ("institutions", "institutions/"),
]

CONFIG = """baseURL = "https://bench.example/"
title = "Benchmark"
defaultContentLanguage = "sr"
defaultContentLanguageInSubdir = true
disableKinds = ["RSS"]
paginate = 10
[params]
description = "A public view of the national action plans against trafficking in human beings."
[taxonomies]
tag = "tags"
[markup.goldmark.renderer]
unsafe = false
[languages]
""" + "".join(
    f'[languages.{lang}]\nlanguageName = "{NAMES[lang]}"\nweight = {i + 1}\n'
    + "".join(
        f'[[languages.{lang}.menus.main]]\nname = "{name}"\nurl = "/{lang}/{path}"\nweight = {w + 1}\n'
        for w, (name, path) in enumerate(MENU)
    )
    for i, lang in enumerate(LANGS)
)

# The interface strings the templates show, in every language (English text: their length, not
# their language, is what costs).
STRINGS = {
    "skip": "Skip to main content",
    "exit": "Exit this page",
    "exit_help": "How this button works",
    "exit_press": "Shift pressed COUNT of 3 times",
    "need_help": "Need help?",
    "help_link": "Where to get help in Serbia, Montenegro and North Macedonia",
    "languages": "Language",
    "navigation": "Main navigation",
    "breadcrumbs": "You are here",
    "home": "Home",
    "published": "Published:",
    "toc": "On this page",
    "tags": "Tags:",
    "in_section": "In this section",
    "page_of": "Page {{ .Page }} of {{ .Pages }}",
    "previous": "Previous page",
    "next": "Next page",
    "tag": "Tag:",
    "cite": "Cite this page",
    "as_of": "Data as of 22 November 2026",
    "built_with": "Built with Hugo from public documents. Every fact names its source.",
    "feed": "Progress reports (Atom)",
}

# What every page of a language shows alike is a cached partial, as Putokaz renders it once per
# locale: the head's site-wide links, the help bar, the navigation (per page it marks as
# current) and the footer.
BASEOF = """<!DOCTYPE html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:description" content="{{ .Description | default site.Params.description }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{ end }}{{ with index .AllTranslations 0 }}<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">{{ end }}
{{ partialCached "head.html" . .Lang }}
</head>
<body>
<a class="skip-link" href="#main">{{ i18n "skip" }}</a>
{{ partialCached "help_bar.html" . .Lang }}
<header class="site-header">
  <div class="wrap header-row">
    <a class="site-title" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
    <div class="switchers">
      <nav class="switcher" aria-label="{{ i18n "languages" }}">
        <ul>
        {{ $lang := .Lang }}{{ range .AllTranslations }}
          <li>{{ if eq .Lang $lang }}<span class="current" aria-current="page" lang="{{ .Lang }}">{{ .Language.LanguageName }}</span>{{ else }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}"><span lang="{{ .Lang }}">{{ .Language.LanguageName }}</span></a>{{ end }}</li>
        {{ end }}
        </ul>
      </nav>
    </div>
  </div>
  {{ $url := .RelPermalink }}{{ $here := "" }}{{ range site.Menus.main }}{{ if eq .URL $url }}{{ $here = $url }}{{ end }}{{ end }}
  {{ partialCached "nav.html" (dict "menu" site.Menus.main "here" $here) .Lang $here }}
</header>
<main id="main" class="wrap" tabindex="-1">
  {{ if not .IsHome }}
  <nav class="breadcrumbs" aria-label="{{ i18n "breadcrumbs" }}">
    <ol>
      <li><a href="{{ site.Home.RelPermalink }}">{{ i18n "home" }}</a></li>
    {{ range .Ancestors.Reverse }}{{ if not .IsHome }}
      <li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
    {{ end }}{{ end }}
    </ol>
  </nav>
  {{ end }}
  {{ block "main" . }}{{ end }}
  <aside class="cite" aria-labelledby="cite-title">
    <h2 id="cite-title">{{ i18n "cite" }}</h2>
    <p>{{ .Title }}. {{ site.Title }}. <span class="url">{{ .Permalink }}</span>. {{ i18n "as_of" }}</p>
  </aside>
</main>
{{ partialCached "footer.html" . .Lang }}
</body>
</html>
"""

HEAD = """<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:type" content="website">
<meta property="og:locale" content="{{ .Lang }}">
<link rel="alternate" type="application/atom+xml" href="/{{ .Lang }}/reports.xml" title="{{ i18n "feed" }}">
{{ $css := resources.Get "style.css" | fingerprint }}<link rel="stylesheet" href="{{ $css.RelPermalink }}">
{{ $js := resources.Get "quick-exit.js" | fingerprint }}<script src="{{ $js.RelPermalink }}" defer></script>
"""

HELP_BAR = """<div class="quick-exit-bar"><div class="wrap">
  <a class="quick-exit" href="https://www.wikipedia.org/" rel="nofollow noreferrer">{{ i18n "exit" }}</a> <a class="quick-exit-help" href="/{{ .Lang }}/safety/">{{ i18n "exit_help" }}</a> <span class="quick-exit-status" id="quick-exit-status" aria-live="polite" data-press="{{ i18n "exit_press" }}"></span>
</div></div>
<div class="help-banner"><div class="wrap"><strong>{{ i18n "need_help" }}</strong> <a href="/{{ .Lang }}/help/">{{ i18n "help_link" }}</a></div></div>
"""

NAV = """<nav class="site-nav" aria-label="{{ i18n "navigation" }}">
  <ul class="wrap">
  {{ $here := .here }}{{ range .menu }}
    <li><a href="{{ .URL }}"{{ if eq .URL $here }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
  {{ end }}
  </ul>
</nav>
"""

FOOTER = """<footer class="site-footer"><div class="wrap">
  <p>{{ i18n "as_of" }}</p>
  <p>{{ i18n "built_with" }}</p>
  <p><a href="/{{ .Lang }}/reports.xml">{{ i18n "feed" }}</a></p>
</div></footer>
"""

SINGLE = """{{ define "main" }}<article>
  <h1>{{ .Title }}</h1>
  <p class="meta">{{ i18n "published" }} <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>
  {{ with .TableOfContents }}<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">{{ i18n "toc" }}</h2>{{ . }}</nav>{{ end }}
  <div class="prose">{{ .Content }}</div>
  {{ with .GetTerms "tags" }}<p class="meta tags">{{ i18n "tags" }} {{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}" rel="tag">{{ $t.LinkTitle }}</a>{{ end }}</p>{{ end }}
</article>{{ end }}
"""

# A listing item as Putokaz shows it: title, date and description.
ITEM = """<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time><p>{{ .Description }}</p></li>
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><div class="prose">{{ .Content }}</div>
<h2 id="pages">{{ i18n "in_section" }}</h2>
{{ $pager := .Paginate .Pages.ByDate.Reverse }}
<ul class="listing">{{ range $pager.Pages }}{{ partial "item.html" . }}{{ end }}</ul>
<nav class="pager" aria-label="Pages">
  <span>{{ i18n "page_of" (dict "Page" $pager.PageNumber "Pages" $pager.TotalPages) }}</span>{{ with $pager.Prev }} <a href="{{ .URL }}" rel="prev">{{ i18n "previous" }}</a>{{ end }}{{ with $pager.Next }} <a href="{{ .URL }}" rel="next">{{ i18n "next" }}</a>{{ end }}
</nav>{{ end }}
"""

# A tag's page lists all its pages, and the list of tags counts them, as Putokaz's do.
TERM = """{{ define "main" }}<h1>{{ i18n "tag" }} {{ .Title }}</h1>
<ul class="listing">{{ range .Pages.ByDate.Reverse }}{{ partial "item.html" . }}{{ end }}</ul>{{ end }}
"""

TAXONOMY = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul class="listing">{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
"""

LINK = re.compile(r"\(@/pages/(_index|page-\d+)\.md\)")


def compact(template):
    """The template without the line breaks and indentation between its tags: Putokaz writes
    its pages minified, and Hugo is not made to write bytes that only make its templates
    readable."""
    return re.sub(r"\n\s*", "", template)


def link(match):
    target = match.group(1)
    return "(../)" if target == "_index" else f"(../{target}/)"


def main():
    source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    shutil.rmtree(target, ignore_errors=True)
    (target / "content/pages").mkdir(parents=True)
    (target / "layouts/_default").mkdir(parents=True)
    (target / "layouts/partials").mkdir(parents=True)
    (target / "i18n").mkdir()
    (target / "assets").mkdir()
    (target / "hugo.toml").write_text(CONFIG)
    for name, text in [("baseof", BASEOF), ("single", SINGLE), ("list", LIST), ("term", TERM), ("taxonomy", TAXONOMY)]:
        (target / f"layouts/_default/{name}.html").write_text(compact(text))
    for name, text in [("head", HEAD), ("help_bar", HELP_BAR), ("nav", NAV), ("footer", FOOTER), ("item", ITEM)]:
        (target / f"layouts/partials/{name}.html").write_text(compact(text))
    strings = "".join(f'{key} = "{value}"\n' for key, value in STRINGS.items())
    for lang in LANGS:
        (target / f"i18n/{lang}.toml").write_text(strings)
    # The theme's stylesheet and script, fingerprinted as Putokaz fingerprints them.
    theme = pathlib.Path(__file__).resolve().parent.parent / "themes/default/static"
    shutil.copy(theme / "style.css", target / "assets/style.css")
    shutil.copy(theme / "quick-exit.js", target / "assets/quick-exit.js")
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
