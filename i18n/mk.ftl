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

## Планови, цели и активности
plan = План
area = Област
goal = Цел
goals = Цели
measure = Мерка
outcomes = Очекувани резултати
activity = Активност
activities = Активности
plan-title = Наслов
plan-period = Период
plan-adopted-by = Донесен од
plan-budget = Буџет
field-text = Што треба да се направи
field-status = Статус
field-progress = Напредок
field-responsible = Одговорни
field-partners = Партнери
field-deadline = Рок
field-deadline-as-written = Како е запишан во планот
field-deadline-understood = Како го толкува порталот
field-resources = Средства
field-indicators = Показатели за успех
field-source = Извор
field-note = Забелешка за податоците
field-reports = Извештаи за напредокот
none-named = Планот не наведува одговорен
no-report-body = За оваа активност не е објавен ниту еден извештај за напредокот со наведен извор.
in-original-language = на јазикот на изворниот документ
source-line = ред { $line }
due-on = рок { $date }
institution-aliases = Називи што се користат во документите
completion = завршено { $percent } % од пријавената работа
rollup-summary =
    { $count ->
        [one] { $reported } од { $count } активност има извештај за напредокот
       *[other] { $reported } од { $count } активности имаат извештај за напредокот
    }

## Статуси на напредокот (како во прегледите на Партнерството за отворена власт)
status-no-report = Нема извештај
status-not-started = Не е започнато
status-limited = Ограничен напредок
status-substantial = Значителен напредок
status-complete = Завршено
status-cancelled = Откажано

## Рокови како ги толкува порталот
deadline-year = во текот на { $year } година
deadline-years = од { $from } до { $to } година
deadline-quarter = до крајот на { $quarter }. квартал од { $year } година
deadline-mid-year = до средината на { $year } година
deadline-end-of-year = до крајот на { $year } година
deadline-event = на настан во { $year } година
deadline-continuous = континуирано, од { $from } до { $to } година
deadline-recurring =
    { $count ->
        [one] еднаш годишно
       *[other] { $count } пати годишно
    }, од { $from } до { $to } година
deadline-conditional = кога ќе се исполни условот (види го рокот како што е запишан)
deadline-none = планот не наведува рок
deadline-unparsed = порталот не го разбира рокот: види го рокот како што е запишан
deadline-state-upcoming = Рокот сè уште не е истечен
deadline-state-passed = Рокот е истечен
deadline-state-ongoing = Во тек
deadline-state-ended = Периодот заврши
deadline-state-no-date = Нема датум за споредба

## Цитирање и преземање
cite-title = Како да ја цитирате оваа страница
cite-as-of = Податоците важат на { $date }.
download-data = Отворени податоци
download-note = еден ред по активност; UTF-8
plans-list-title = Плановите

## Прегледи
browse-label = Прикажи ги активностите
browse-by-status = според статусот
browse-by-deadline = според рокот
browse-by-institution = според одговорната институција
browse-institution = Институција
browse-institution-note = За секоја институција: бројот на активности од овој план за кои е одговорна, според статусот на последниот извештај. Активностите се наведени на нејзината страница.
browse-due-in = Рок во { $year } година
browse-no-due-date = Континуирани, повторливи или без датум
institutions-title = Институции
activity-count =
    { $count ->
        [one] { $count } активност
       *[other] { $count } активности
    }
country-rs = Србија
country-me = Црна Гора
country-mk = Северна Македонија
country-intl = Меѓународни организации

## Страница со отворени податоци
download-files = Датотеки
download-columns = Колони
download-all = Сите активности од сите планови
column-name = Колона
column-meaning = Што содржи
column-plan = Ознака на планот, како во адресите на порталот
column-country = Ознака на државата (ISO 3166, со мали букви): rs, me или mk
column-activity = Ознака на активноста како во документот на планот
column-area = Ознака на областа (празно ако планот нема области)
column-goal = Ознака на целта
column-measure = Ознака на мерката, посебната цел или очекуваниот резултат (празно ако планот ги нема)
column-text-en = Што треба да се направи, на англиски (јазикот на изворните документи)
column-text-sr = Истото на српски, каде што има превод
column-text-cnr = Истото на црногорски, каде што има превод
column-text-mk = Истото на македонски, каде што има превод
column-responsible = Одговорни институции: ознаки од регистарот, одделени со точка и запирка
column-responsible-en = Одговорни институции: називи на англиски, одделени со точка и запирка
column-partners = Партнерски институции: ознаки од регистарот, одделени со точка и запирка
column-deadline = Рокот точно како што е запишан во планот
column-deadline-kind = Како порталот го толкува рокот: year, years, quarter, mid-year, end-of-year, event, continuous, recurring, conditional, none или unparsed
column-due = Последниот ден од рокот (ГГГГ-ММ-ДД), ако рокот го одредува
column-resources-en = Потребни средства, како што се запишани
column-indicators-en = Показатели за успех, одделени со вертикална црта
column-status = Последниот пријавен статус: no-report, not-started, limited, substantial, complete или cancelled
column-status-date = Датум на последниот извештај (ГГГГ-ММ-ДД); празно ако нема
column-percent = Процент на завршеност од последниот извештај, ако го наведува
column-reports = Број на извештаи за напредокот на активноста
column-url = Адреса на страницата на активноста (на англиски)
column-source-document = Документот од кој потекнува активноста
column-source-line = Ред на активноста во копијата на документот на порталот

## Вести за напредокот
reports-feed-title = { $site }: извештаи за напредокот
reports-feed-link = Извештаи за напредокот (Atom)

## Графикони
chart-deadlines = Активности според годината на рокот (податоци на { $date })
chart-statuses = Активности според статусот
chart-undated = Континуирани, повторливи или без датум

## Пребарување
search-title = Пребарување
search-description = Пребарајте ги плановите, активностите, институциите и страниците на порталот.
search-label = Зборови што ги барате
search-button = Барај
search-none = Ништо не е пронајдено. Обидете се со други зборови или прегледајте ги списоците подолу.
search-count-template = Пронајдени страници: COUNT
search-browse = Прегледајте ги списоците
search-no-js = За пребарување е потребен JavaScript во прелистувачот. Секоја активност може да се најде и преку овие списоци:
institution-timeliness =
    { $completed ->
        [one] { $completed } активност пријавена како завршена, од нив { $on_time } во рок.
       *[other] { $completed } активности пријавени како завршени, од нив { $on_time } во рок.
    }
table-fallback-note = Текстовите што сè уште не се преведени на македонски се прикажани на јазикот на изворниот документ.

## Брз излез
quick-exit = Брзо напушти ја страницата
quick-exit-help = Како работи ова копче
quick-exit-press = Shift е притиснат COUNT од 3 пати

## Каде да побарате помош
help-title = Каде да побарате помош
help-description = Организации што им помагаат на жртвите на трговија со луѓе, со извор за секој податок.
help-intro = Во итен случај јавете се на броевите за итни случаи наведени први за секоја земја. За секој податок подолу се наведени изворот и датумот на последната проверка; каде што изворот не наведува телефонски број, број не е прикажан.
help-country-title = Каде да побарате помош: { $country }
help-banner-title = Ви треба помош?
help-banner-link = Каде да побарате помош во Србија, Црна Гора и Северна Македонија
help-phone = Телефон
help-no-number = Изворот не наведува телефонски број, па го нема ни тука.
help-where = Каде може да се најде
help-website = Веб-страница
help-hours = Работно време
help-cost = Цена на повикот
help-who = Кој може да се јави
help-verified = Последна проверка
help-stale = Податоците можеби се промениле оттогаш.

## Statistics
statistics-title = Статистика
statistics-description = Анонимизирана статистика за жртвите на трговија со луѓе, во која малите броеви се задржани за никој да не може да биде препознаен.
statistics-methodology = Како се заштитени податоците
stat-small = помалку од { $k }
stat-withheld = задржано
stat-unavailable = не е достапно
stat-total = Вкупно
stat-count = Број
stat-share = Удел
stat-measure = Што се брои
stat-notes = Забелешки
stat-protected = Некои броеви се задржани за никој да не може да биде препознаен: малите броеви се прикажани како „помалку од …“, а броевите означени како „задржано“ би овозможиле да се пресмета некој мал број.
stat-chart-caption = Графиконот ги прикажува истите податоци како табелата подолу; задржаните броеви немаат столб.
download-statistics = Статистика
download-statistics-note = Еден ред по ќелија, вклучително и збировите: колона за секоја димензија („total“ за збир), „shown“ (count, fewer-than-threshold, withheld или not-available) и „count“, која е празна освен ако бројот е објавен. Броевите поголеми од нула, а помали од { $k }, никогаш не се објавуваат.

## Tags
tags-title = Ознаки
tags-description = Сите ознаки на страниците на овој јазик, со бројот на страници што ги носат.
tags-label = Ознаки
tags-none = Ниту една страница на овој јазик сè уште нема ознака.
tag-title = Ознака: { $tag }
tag-description = Страници со ознаката „{ $tag }“.
tag-none = Ниту една страница на овој јазик сè уште ја нема оваа ознака.
tag-elsewhere = Ја имаат страници на други јазици:
