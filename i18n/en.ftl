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

## Plans, goals and activities
plan = Plan
area = Area
goal = Goal
goals = Goals
measure = Measure
outcomes = Expected outcomes
activity = Activity
activities = Activities
plan-title = Title
plan-period = Period
plan-adopted-by = Adopted by
plan-budget = Budget
field-text = What is to be done
field-status = Status
field-progress = Progress
field-responsible = Responsible
field-partners = Partners
field-deadline = Deadline
field-deadline-as-written = As written in the plan
field-deadline-understood = As the portal reads it
field-resources = Resources
field-indicators = Indicators of success
field-source = Source
field-note = Note on the data
field-reports = Progress reports
none-named = None named in the plan
no-report-body = No progress report with a source has been published for this activity.
in-original-language = in the language of the source document
source-line = line { $line }
due-on = due { $date }
institution-aliases = Names used in the documents
completion = { $percent } % of the reported work done
rollup-summary =
    { $count ->
        [one] { $reported } of { $count } activity has a progress report
       *[other] { $reported } of { $count } activities have a progress report
    }

## Progress statuses (as in the Open Government Partnership's reviews)
status-no-report = No report
status-not-started = Not started
status-limited = Limited progress
status-substantial = Substantial progress
status-complete = Complete
status-cancelled = Cancelled

## Deadlines as the portal reads them
deadline-year = during { $year }
deadline-years = from { $from } to { $to }
deadline-quarter = by the end of quarter { $quarter } of { $year }
deadline-mid-year = by the middle of { $year }
deadline-end-of-year = by the end of { $year }
deadline-event = at an event in { $year }
deadline-continuous = continuously from { $from } to { $to }
deadline-recurring =
    { $count ->
        [one] once a year
       *[other] { $count } times a year
    } from { $from } to { $to }
deadline-conditional = when a condition is met (see the text as written)
deadline-none = the plan gives no deadline
deadline-unparsed = not understood by the portal: see the text as written
deadline-state-upcoming = Deadline not yet reached
deadline-state-passed = Deadline passed
deadline-state-ongoing = Ongoing
deadline-state-ended = Period ended
deadline-state-no-date = No date to compare with

## Citing and downloading
cite-title = Cite this page
download-data = Open data
download-note = one row per activity; UTF-8
plans-list-title = The plans

## Browsing
browse-label = List the activities
browse-by-status = by status
browse-by-deadline = by deadline
browse-by-institution = by responsible institution
browse-due-in = Due in { $year }
browse-no-due-date = Continuous, recurring or without a date
institutions-title = Institutions
activity-count =
    { $count ->
        [one] { $count } activity
       *[other] { $count } activities
    }
country-rs = Serbia
country-me = Montenegro
country-mk = North Macedonia
country-intl = International organisations
