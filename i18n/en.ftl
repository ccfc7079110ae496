# Interface strings of Putokaz: English, the fallback for every missing string.
# Plural forms follow CLDR: English has `one` and `other`.

## Page frame
skip-link = Skip to main content
nav-label = Main navigation
home = Home
breadcrumb-label = You are here
language-switcher-label = Language
script-switcher-label = Script
script-cyrillic = Cyrillic
script-latin = Latin
not-translated = not translated yet
footer-as-of = Data as of { $date }
footer-source = Built with Putokaz from public documents. Every fact names its source.
feed-link = News feed (Atom)

## Pages and sections
toc-label = On this page
published = Published
updated = Updated
section-pages = In this section
page-count =
    { $count ->
        [one] { $count } page
       *[other] { $count } pages
    }
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page
pagination-page = Page { $page } of { $total }
untranslated-in-section = Not yet translated into English:

## A page that is missing in this language
untranslated-title = Not yet available in English
untranslated-body = This page has not been translated into English yet. It can be read in:

## Not found
not-found-title = Page not found
not-found-body = There is no page at this address. It may have moved, or the address may be mistyped.
not-found-home = Go to the home page

## The root page
choose-language = Choose a language

## Feeds
feed-title = { $site }: news

## Dates and numbers
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
number-decimal-separator = .
number-group-separator = ,
