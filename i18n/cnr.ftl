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
