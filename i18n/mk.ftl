# Македонски. Облици за множина според CLDR: one (1, 21, 31…) и other.

## Рамка на страницата
skip-link = Прескокни до главната содржина
nav-label = Главна навигација
home = Почетна
breadcrumb-label = Се наоѓате на
language-switcher-label = Јазик
script-switcher-label = Писмо
script-cyrillic = Кирилица
script-latin = Латиница
not-translated = сè уште не е преведено
footer-as-of = Податоците важат на { $date }
footer-source = Изработено со алатката Putokaz од јавни документи. За секој податок е наведен изворот.
feed-link = Вести (Atom)

## Страници и делови
toc-label = На оваа страница
published = Објавено
updated = Ажурирано
section-pages = Во овој дел
page-count =
    { $count ->
        [one] { $count } страница
       *[other] { $count } страници
    }
pagination-label = Страници
pagination-previous = Претходна страница
pagination-next = Следна страница
pagination-page = Страница { $page } од { $total }
untranslated-in-section = Сè уште не е преведено на македонски:

## Страница што не постои на овој јазик
untranslated-title = Сè уште не е достапно на македонски
untranslated-body = Оваа страница сè уште не е преведена на македонски. Можете да ја прочитате на:

## Не е пронајдено
not-found-title = Страницата не е пронајдена
not-found-body = На оваа адреса нема страница. Можеби е преместена или адресата е погрешно внесена.
not-found-home = Оди на почетната страница

## Почетна страница на сајтот
choose-language = Изберете јазик

## Вести
feed-title = { $site }: вести

## Датуми и броеви
date-long = { $day } { $month } { $year }
month-1 = јануари
month-2 = февруари
month-3 = март
month-4 = април
month-5 = мај
month-6 = јуни
month-7 = јули
month-8 = август
month-9 = септември
month-10 = октомври
month-11 = ноември
month-12 = декември
number-decimal-separator = ,
number-group-separator = .
