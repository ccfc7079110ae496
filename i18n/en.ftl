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
cite-as-of = Data as of { $date }.
download-data = Open data
download-note = one row per activity; UTF-8
plans-list-title = The plans

## Browsing
browse-label = List the activities
browse-by-status = by status
browse-by-deadline = by deadline
browse-by-institution = by responsible institution
browse-institution = Institution
browse-institution-note = For each institution: how many activities of this plan it is responsible for, by the status of their latest report. Its page lists the activities.
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

## The open-data page
download-files = Files
download-columns = Columns
download-all = All activities of all plans
column-name = Column
column-meaning = What it holds
column-plan = Plan id, as in the portal's addresses
column-country = Country code (ISO 3166, lowercase): rs, me or mk
column-activity = Activity id as in the plan document
column-area = Area id (empty where the plan has no areas)
column-goal = Goal id
column-measure = Measure, specific goal or expected result id (empty where the plan has none)
column-text-en = What is to be done, in English (the language of the source documents)
column-text-sr = The same in Serbian, where translated
column-text-cnr = The same in Montenegrin, where translated
column-text-mk = The same in Macedonian, where translated
column-responsible = Responsible institutions: registry ids separated by semicolons
column-responsible-en = Responsible institutions: English names separated by semicolons
column-partners = Partner institutions: registry ids separated by semicolons
column-deadline = The deadline exactly as written in the plan
column-deadline-kind = How the portal reads the deadline: year, years, quarter, mid-year, end-of-year, event, continuous, recurring, conditional, none or unparsed
column-due = The last day the activity is due (YYYY-MM-DD), where the deadline gives one
column-resources-en = Required resources or funding, as written
column-indicators-en = Indicators of success, separated by a vertical bar
column-status = Latest reported status: no-report, not-started, limited, substantial, complete or cancelled
column-status-date = Date of the latest report (YYYY-MM-DD); empty if there is none
column-percent = Completion in percent given by the latest report, where it gives one
column-reports = Number of progress reports on the activity
column-url = Address of the activity's page (English)
column-source-document = The document the activity comes from
column-source-line = Line of the activity in the portal's copy of the document

## Feed of progress reports
reports-feed-title = { $site }: progress reports
reports-feed-link = Progress reports (Atom)

## Charts
chart-deadlines = Activities by the year they are due (data as of { $date })
chart-statuses = Activities by status
chart-undated = Continuous, recurring or without a date

## Search
search-title = Search
search-description = Search the plans, activities, institutions and pages of the portal.
search-label = Words to look for
search-button = Search
search-none = Nothing found. Try other words, or browse the lists below.
search-count-template = Pages found: COUNT
search-browse = Browse instead
search-no-js = Search needs JavaScript in your browser. Every activity can also be found through these lists:
institution-timeliness =
    { $completed ->
        [one] { $completed } activity reported complete, { $on_time } of them by its deadline.
       *[other] { $completed } activities reported complete, { $on_time } of them by their deadline.
    }
table-fallback-note = Texts not yet translated into English are shown in the language of the source document.

## Quick exit
quick-exit = Exit this page
quick-exit-help = How this button works
quick-exit-press = Shift pressed COUNT of 3 times

## Where to get help
help-title = Where to get help
help-description = Organisations that help victims of trafficking in human beings, with the source of every fact.
help-intro = In an emergency, call the emergency numbers listed first for each country. Every fact below names its source and the date it was last checked; where the source gives no phone number, none is shown.
help-country-title = Where to get help: { $country }
help-banner-title = Need help?
help-banner-link = Where to get help in Serbia, Montenegro and North Macedonia
help-phone = Phone
help-no-number = The source gives no phone number, so none is shown here.
help-where = Where to find it
help-website = Website
help-hours = Hours
help-cost = Cost of a call
help-who = Who may call
help-verified = Last checked
help-stale = This may have changed since.

## Statistics
statistics-title = Statistics
statistics-description = Anonymized statistics on victims of trafficking in human beings, with small counts withheld so that nobody can be recognised.
statistics-methodology = How the figures are protected
stat-small = fewer than { $k }
stat-withheld = withheld
stat-unavailable = not available
stat-total = Total
stat-count = Count
stat-share = Share
stat-measure = What is counted
stat-notes = Notes
stat-protected = Some counts are withheld so that no person can be recognised: small counts are shown as “fewer than …”, and counts marked “withheld” would let someone work out a small one.
stat-chart-caption = The chart shows the same figures as the table below; withheld counts have no bar.
download-statistics = Statistics
download-statistics-note = One row per cell, totals included: a column per dimension (“total” for a total), “shown” (count, fewer-than-threshold, withheld or not-available) and “count”, which is empty unless the count is published. Counts greater than zero and smaller than { $k } are never published.

## Tags
tags-title = Tags
tags-description = Every tag of the pages in this language, with the number of pages that carry it.
tags-label = Tags
tags-none = No page in this language has a tag yet.
tag-title = Tag: { $tag }
tag-description = Pages tagged “{ $tag }”.
tag-none = No page in this language has this tag yet.
tag-elsewhere = Pages in other languages have it:
