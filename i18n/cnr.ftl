# Crnogorski (latinica). Oblici množine po CLDR-u kao za srpski: one, few, other.

## Okvir stranice
skip-link = Pređi na glavni sadržaj
nav-label = Glavna navigacija
home = Početna
breadcrumb-label = Nalazite se na
language-switcher-label = Jezik
script-switcher-label = Pismo
script-cyrillic = Ćirilica
script-latin = Latinica
not-translated = još nije prevedeno
footer-as-of = Podaci važe na dan { $date }
footer-source = Izrađeno alatom Putokaz iz javnih dokumenata. Uz svaki podatak naveden je izvor.
feed-link = Vijesti (Atom)

## Stranice i odjeljci
toc-label = Na ovoj stranici
published = Objavljeno
updated = Ažurirano
section-pages = U ovom odjeljku
page-count =
    { $count ->
        [one] { $count } stranica
        [few] { $count } stranice
       *[other] { $count } stranica
    }
pagination-label = Stranice
pagination-previous = Prethodna stranica
pagination-next = Sljedeća stranica
pagination-page = Stranica { $page } od { $total }
untranslated-in-section = Još nije prevedeno na crnogorski:

## Stranica koja ne postoji na ovom jeziku
untranslated-title = Još nije dostupno na crnogorskom
untranslated-body = Ova stranica još nije prevedena na crnogorski. Možete je pročitati na:

## Nije pronađeno
not-found-title = Stranica nije pronađena
not-found-body = Na ovoj adresi nema stranice. Možda je premještena ili je adresa pogrešno unesena.
not-found-home = Idi na početnu stranicu

## Početna stranica sajta
choose-language = Izaberite jezik

## Vijesti
feed-title = { $site }: vijesti

## Datumi i brojevi
date-long = { $day }. { $month } { $year }.
month-1 = januar
month-2 = februar
month-3 = mart
month-4 = april
month-5 = maj
month-6 = jun
month-7 = jul
month-8 = avgust
month-9 = septembar
month-10 = oktobar
month-11 = novembar
month-12 = decembar
number-decimal-separator = ,
number-group-separator = .

## Planovi, ciljevi i aktivnosti
plan = Plan
area = Oblast
goal = Cilj
goals = Ciljevi
measure = Mjera
outcomes = Očekivani rezultati
activity = Aktivnost
activities = Aktivnosti
plan-title = Naziv
plan-period = Period
plan-adopted-by = Donio
plan-budget = Budžet
field-text = Šta treba uraditi
field-status = Status
field-progress = Napredak
field-responsible = Nosioci
field-partners = Partneri
field-deadline = Rok
field-deadline-as-written = Kako je zapisan u planu
field-deadline-understood = Kako ga portal tumači
field-resources = Sredstva
field-indicators = Pokazatelji uspjeha
field-source = Izvor
field-note = Napomena o podacima
field-reports = Izvještaji o napretku
none-named = Plan ne navodi nosioca
no-report-body = Za ovu aktivnost nije objavljen nijedan izvještaj o napretku s navedenim izvorom.
in-original-language = na jeziku izvornog dokumenta
source-line = red { $line }
due-on = rok { $date }
institution-aliases = Nazivi koji se koriste u dokumentima
completion = urađeno { $percent } % prijavljenog posla
rollup-summary =
    { $count ->
        [one] { $reported } od { $count } aktivnosti ima izvještaj o napretku
        [few] { $reported } od { $count } aktivnosti ima izvještaj o napretku
       *[other] { $reported } od { $count } aktivnosti ima izvještaj o napretku
    }

## Statusi napretka (kao u pregledima Partnerstva za otvorenu upravu)
status-no-report = Nema izvještaja
status-not-started = Nije započeto
status-limited = Ograničen napredak
status-substantial = Znatan napredak
status-complete = Završeno
status-cancelled = Otkazano

## Rokovi kako ih portal tumači
deadline-year = tokom { $year }. godine
deadline-years = od { $from }. do { $to }. godine
deadline-quarter = do kraja { $quarter }. kvartala { $year }. godine
deadline-mid-year = do sredine { $year }. godine
deadline-end-of-year = do kraja { $year }. godine
deadline-event = uz događaj u { $year }. godini
deadline-continuous = stalno, od { $from }. do { $to }. godine
deadline-recurring =
    { $count ->
        [one] jednom godišnje
        [few] { $count } puta godišnje
       *[other] { $count } puta godišnje
    }, od { $from }. do { $to }. godine
deadline-conditional = kada se ispuni uslov (v. rok kako je zapisan)
deadline-none = plan ne navodi rok
deadline-unparsed = portal ne razumije rok: v. rok kako je zapisan
deadline-state-upcoming = Rok još nije istekao
deadline-state-passed = Rok je istekao
deadline-state-ongoing = U toku
deadline-state-ended = Period je završen
deadline-state-no-date = Nema datuma za poređenje

## Citiranje i preuzimanje
cite-title = Kako citirati ovu stranicu
# The long date ends with its own full stop, which ends the citation.
cite-as-of = Podaci važe na dan { $date }
download-data = Otvoreni podaci
download-note = jedan red po aktivnosti; UTF-8
plans-list-title = Planovi

## Pregledi
browse-label = Prikaži aktivnosti
browse-by-status = po statusu
browse-by-deadline = po roku
browse-by-institution = po nosiocu
browse-institution = Institucija
browse-institution-note = Za svaku instituciju: broj aktivnosti ovog plana za koje je odgovorna, prema statusu posljednjeg izvještaja. Aktivnosti su navedene na njenoj stranici.
browse-due-in = Rok u { $year }. godini
browse-no-due-date = Stalne, periodične ili bez datuma
institutions-title = Institucije
activity-count =
    { $count ->
        [one] { $count } aktivnost
        [few] { $count } aktivnosti
       *[other] { $count } aktivnosti
    }
country-rs = Srbija
country-me = Crna Gora
country-mk = Sjeverna Makedonija
country-intl = Međunarodne organizacije

## Stranica otvorenih podataka
download-files = Datoteke
download-columns = Kolone
download-all = Sve aktivnosti svih planova
column-name = Kolona
column-meaning = Šta sadrži
column-plan = Oznaka plana, kao u adresama portala
column-country = Oznaka države (ISO 3166, malim slovima): rs, me ili mk
column-activity = Oznaka aktivnosti kao u dokumentu plana
column-area = Oznaka oblasti (prazno ako plan nema oblasti)
column-goal = Oznaka cilja
column-measure = Oznaka mjere, posebnog cilja ili očekivanog rezultata (prazno ako ih plan nema)
column-text-en = Šta treba uraditi, na engleskom (jeziku izvornih dokumenata)
column-text-sr = Isto na srpskom, gdje postoji prevod
column-text-cnr = Isto na crnogorskom, gdje postoji prevod
column-text-mk = Isto na makedonskom, gdje postoji prevod
column-responsible = Nosioci: oznake iz registra institucija, odvojene tačkom i zarezom
column-responsible-en = Nosioci: nazivi na engleskom, odvojeni tačkom i zarezom
column-partners = Partneri: oznake iz registra institucija, odvojene tačkom i zarezom
column-deadline = Rok tačno kako je zapisan u planu
column-deadline-kind = Kako portal tumači rok: year, years, quarter, mid-year, end-of-year, event, continuous, recurring, conditional, none ili unparsed
column-due = Posljednji dan roka (GGGG-MM-DD), ako ga rok određuje
column-resources-en = Potrebna sredstva, kako su zapisana
column-indicators-en = Pokazatelji uspjeha, odvojeni uspravnom crtom
column-status = Posljednji prijavljeni status: no-report, not-started, limited, substantial, complete ili cancelled
column-status-date = Datum posljednjeg izvještaja (GGGG-MM-DD); prazno ako ga nema
column-percent = Procenat urađenog iz posljednjeg izvještaja, ako ga navodi
column-reports = Broj izvještaja o napretku aktivnosti
column-url = Adresa stranice aktivnosti (na engleskom)
column-source-document = Dokument iz kojeg aktivnost potiče
column-source-line = Red aktivnosti u portalovoj kopiji dokumenta

## Vijesti o napretku
reports-feed-title = { $site }: izvještaji o napretku
reports-feed-link = Izvještaji o napretku (Atom)

## Grafikoni
chart-deadlines = Aktivnosti po godini roka (podaci na dan { $date })
chart-statuses = Aktivnosti po statusu
chart-undated = Stalne, periodične ili bez datuma

## Pretraga
search-title = Pretraga
search-description = Pretražite planove, aktivnosti, institucije i stranice portala.
search-label = Riječi koje tražite
search-button = Traži
search-none = Ništa nije pronađeno. Pokušajte drugim riječima ili pregledajte spiskove ispod.
search-count-template = Pronađeno stranica: COUNT
search-browse = Pregledajte spiskove
search-no-js = Za pretragu je potreban JavaScript u pregledaču. Svaka aktivnost može se naći i preko ovih spiskova:
institution-timeliness =
    { $completed ->
        [one] { $completed } aktivnost prijavljena kao završena, od toga { $on_time } u roku.
        [few] { $completed } aktivnosti prijavljene kao završene, od toga { $on_time } u roku.
       *[other] { $completed } aktivnosti prijavljenih kao završene, od toga { $on_time } u roku.
    }
table-fallback-note = Tekstovi koji još nisu prevedeni na crnogorski prikazani su na jeziku izvornog dokumenta.

## Brzi izlaz
quick-exit = Brzo napusti stranicu
quick-exit-help = Kako ovo dugme radi
quick-exit-press = Shift pritisnut COUNT od 3 puta

## Gdje potražiti pomoć
help-title = Gdje potražiti pomoć
help-description = Organizacije koje pomažu žrtvama trgovine ljudima, uz izvor svakog podatka.
help-intro = U hitnom slučaju pozovite brojeve za hitne slučajeve navedene prve za svaku državu. Uz svaki podatak ispod navedeni su izvor i datum posljednje provjere; gdje izvor ne navodi broj telefona, broj nije ni prikazan.
help-country-title = Gdje potražiti pomoć: { $country }
help-banner-title = Potrebna vam je pomoć?
help-banner-link = Gdje potražiti pomoć u Srbiji, Crnoj Gori i Sjevernoj Makedoniji
help-phone = Telefon
help-no-number = Izvor ne navodi broj telefona, pa ga ni ovdje nema.
help-where = Gdje se može naći
help-website = Veb-sajt
help-hours = Radno vrijeme
help-cost = Cijena poziva
help-who = Ko može da pozove
help-verified = Posljednja provjera
help-stale = Podaci su se u međuvremenu možda promijenili.

## Statistics
statistics-title = Statistika
statistics-description = Anonimizovana statistika o žrtvama trgovine ljudima, u kojoj su mali brojevi uskraćeni kako niko ne bi mogao biti prepoznat.
statistics-methodology = Kako su podaci zaštićeni
stat-small = manje od { $k }
stat-withheld = uskraćeno
stat-unavailable = nije dostupno
stat-total = Ukupno
stat-count = Broj
stat-share = Udio
stat-measure = Šta se broji
stat-notes = Napomene
stat-protected = Neki brojevi su uskraćeni kako niko ne bi mogao biti prepoznat: mali brojevi su prikazani kao „manje od …“, a brojevi označeni kao „uskraćeno“ omogućili bi da se izračuna neki mali broj.
stat-chart-caption = Grafikon prikazuje iste podatke kao tabela ispod; uskraćeni brojevi nemaju stubac.
download-statistics = Statistika
download-statistics-note = Jedan red po ćeliji, uključujući zbirove: kolona za svaku dimenziju („total“ za zbir), „shown“ (count, fewer-than-threshold, withheld ili not-available) i „count“, koja je prazna osim ako je broj objavljen. Brojevi veći od nule, a manji od { $k }, nikada se ne objavljuju.

## Tags
tags-title = Oznake
tags-description = Sve oznake stranica na ovom jeziku, sa brojem stranica koje ih nose.
tags-label = Oznake
tags-none = Nijedna stranica na ovom jeziku još nema oznaku.
tag-title = Oznaka: { $tag }
tag-description = Stranice sa oznakom „{ $tag }”.
tag-none = Nijedna stranica na ovom jeziku još nema ovu oznaku.
tag-elsewhere = Imaju je stranice na drugim jezicima:
