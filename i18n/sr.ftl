# Српски (ћирилица). Латиничка верзија се изводи пресловљавањем при изградњи сајта.
# Облици множине по CLDR-у: one (1, 21, 31…), few (2–4, 22–24…), other.

## Оквир странице
skip-link = Пређи на главни садржај
nav-label = Главна навигација
home = Почетна
breadcrumb-label = Налазите се на
language-switcher-label = Језик
script-switcher-label = Писмо
script-cyrillic = Ћирилица
script-latin = Латиница
not-translated = још није преведено
footer-as-of = Подаци важе на дан { $date }
footer-source = Израђено алатом Putokaz из јавних докумената. Уз сваки податак наведен је извор.
feed-link = Вести (Atom)

## Странице и одељци
toc-label = На овој страници
published = Објављено
updated = Ажурирано
section-pages = У овом одељку
page-count =
    { $count ->
        [one] { $count } страница
        [few] { $count } странице
       *[other] { $count } страница
    }
pagination-label = Странице
pagination-previous = Претходна страница
pagination-next = Следећа страница
pagination-page = Страница { $page } од { $total }
untranslated-in-section = Још није преведено на српски:

## Страница која не постоји на овом језику
untranslated-title = Још није доступно на српском
untranslated-body = Ова страница још није преведена на српски. Можете је прочитати на:

## Није пронађено
not-found-title = Страница није пронађена
not-found-body = На овој адреси нема странице. Можда је премештена или је адреса погрешно унета.
not-found-home = Иди на почетну страницу

## Почетна страница сајта
choose-language = Изаберите језик

## Вести
feed-title = { $site }: вести

## Датуми и бројеви
date-long = { $day }. { $month } { $year }.
month-1 = јануар
month-2 = фебруар
month-3 = март
month-4 = април
month-5 = мај
month-6 = јун
month-7 = јул
month-8 = август
month-9 = септембар
month-10 = октобар
month-11 = новембар
month-12 = децембар
number-decimal-separator = ,
number-group-separator = .

## Планови, циљеви и активности
plan = План
area = Област
goal = Циљ
goals = Циљеви
measure = Мера
outcomes = Очекивани резултати
activity = Активност
activities = Активности
plan-title = Назив
plan-period = Период
plan-adopted-by = Донео
plan-budget = Буџет
field-text = Шта треба урадити
field-status = Статус
field-progress = Напредак
field-responsible = Носиоци
field-partners = Партнери
field-deadline = Рок
field-deadline-as-written = Како је записан у плану
field-deadline-understood = Како га портал тумачи
field-resources = Средства
field-indicators = Показатељи успеха
field-source = Извор
field-note = Напомена о подацима
field-reports = Извештаји о напретку
none-named = План не наводи носиоца
no-report-body = За ову активност није објављен ниједан извештај о напретку са наведеним извором.
in-original-language = на језику изворног документа
source-line = ред { $line }
due-on = рок { $date }
institution-aliases = Називи који се користе у документима
completion = урађено { $percent } % пријављеног посла
rollup-summary =
    { $count ->
        [one] { $reported } од { $count } активности има извештај о напретку
        [few] { $reported } од { $count } активности има извештај о напретку
       *[other] { $reported } од { $count } активности има извештај о напретку
    }

## Статуси напретка (као у прегледима Партнерства за отворену управу)
status-no-report = Нема извештаја
status-not-started = Није започето
status-limited = Ограничен напредак
status-substantial = Знатан напредак
status-complete = Завршено
status-cancelled = Отказано

## Рокови како их портал тумачи
deadline-year = током { $year }. године
deadline-years = од { $from }. до { $to }. године
deadline-quarter = до краја { $quarter }. квартала { $year }. године
deadline-mid-year = до средине { $year }. године
deadline-end-of-year = до краја { $year }. године
deadline-event = уз догађај у { $year }. години
deadline-continuous = стално, од { $from }. до { $to }. године
deadline-recurring =
    { $count ->
        [one] једном годишње
        [few] { $count } пута годишње
       *[other] { $count } пута годишње
    }, од { $from }. до { $to }. године
deadline-conditional = када се испуни услов (в. рок како је записан)
deadline-none = план не наводи рок
deadline-unparsed = портал не разуме рок: в. рок како је записан
deadline-state-upcoming = Рок још није истекао
deadline-state-passed = Рок је истекао
deadline-state-ongoing = У току
deadline-state-ended = Период је завршен
deadline-state-no-date = Нема датума за поређење

## Цитирање и преузимање
cite-title = Како цитирати ову страницу
# The long date ends with its own full stop, which ends the citation.
cite-as-of = Подаци важе на дан { $date }
download-data = Отворени подаци
download-note = један ред по активности; UTF-8
plans-list-title = Планови

## Прегледи
browse-label = Прикажи активности
browse-by-status = по статусу
browse-by-deadline = по року
browse-by-institution = по носиоцу
browse-institution = Институција
browse-institution-note = За сваку институцију: број активности овог плана за које је одговорна, према статусу последњег извештаја. Активности су наведене на њеној страници.
browse-due-in = Рок у { $year }. години
browse-no-due-date = Сталне, периодичне или без датума
institutions-title = Институције
activity-count =
    { $count ->
        [one] { $count } активност
        [few] { $count } активности
       *[other] { $count } активности
    }
country-rs = Србија
country-me = Црна Гора
country-mk = Северна Македонија
country-intl = Међународне организације

## Страница отворених података
download-files = Датотеке
download-columns = Колоне
download-all = Све активности свих планова
column-name = Колона
column-meaning = Шта садржи
column-plan = Ознака плана, као у адресама портала
column-country = Ознака државе (ISO 3166, малим словима): rs, me или mk
column-activity = Ознака активности као у документу плана
column-area = Ознака области (празно ако план нема области)
column-goal = Ознака циља
column-measure = Ознака мере, посебног циља или очекиваног резултата (празно ако их план нема)
column-text-en = Шта треба урадити, на енглеском (језику изворних докумената)
column-text-sr = Исто на српском, где постоји превод
column-text-cnr = Исто на црногорском, где постоји превод
column-text-mk = Исто на македонском, где постоји превод
column-responsible = Носиоци: ознаке из регистра институција, одвојене тачком и зарезом
column-responsible-en = Носиоци: називи на енглеском, одвојени тачком и зарезом
column-partners = Партнери: ознаке из регистра институција, одвојене тачком и зарезом
column-deadline = Рок тачно како је записан у плану
column-deadline-kind = Како портал тумачи рок: year, years, quarter, mid-year, end-of-year, event, continuous, recurring, conditional, none или unparsed
column-due = Последњи дан рока (ГГГГ-ММ-ДД), ако га рок одређује
column-resources-en = Потребна средства, како су записана
column-indicators-en = Показатељи успеха, одвојени усправном цртом
column-status = Последњи пријављени статус: no-report, not-started, limited, substantial, complete или cancelled
column-status-date = Датум последњег извештаја (ГГГГ-ММ-ДД); празно ако га нема
column-percent = Проценат урађеног из последњег извештаја, ако га наводи
column-reports = Број извештаја о напретку активности
column-url = Адреса странице активности (на енглеском)
column-source-document = Документ из ког активност потиче
column-source-line = Ред активности у порталовој копији документа

## Вести о напретку
reports-feed-title = { $site }: извештаји о напретку
reports-feed-link = Извештаји о напретку (Atom)

## Графикони
chart-deadlines = Активности по години рока (подаци на дан { $date })
chart-statuses = Активности по статусу
chart-undated = Сталне, периодичне или без датума

## Претрага
search-title = Претрага
search-description = Претражите планове, активности, институције и странице портала.
search-label = Речи које тражите
search-button = Тражи
search-none = Ништа није пронађено. Покушајте другим речима или прегледајте спискове испод.
search-count-template = Пронађено страница: COUNT
search-browse = Прегледајте спискове
search-no-js = За претрагу је потребан JavaScript у прегледачу. Свака активност може се наћи и преко ових спискова:
institution-timeliness =
    { $completed ->
        [one] { $completed } активност пријављена као завршена, од тога { $on_time } у року.
        [few] { $completed } активности пријављене као завршене, од тога { $on_time } у року.
       *[other] { $completed } активности пријављених као завршене, од тога { $on_time } у року.
    }
table-fallback-note = Текстови који још нису преведени на српски приказани су на језику изворног документа.

## Брзи излаз
quick-exit = Брзо напусти страницу
quick-exit-help = Како ово дугме ради
quick-exit-press = Shift притиснут COUNT од 3 пута

## Где потражити помоћ
help-title = Где потражити помоћ
help-description = Организације које помажу жртвама трговине људима, уз извор сваког податка.
help-intro = У хитном случају позовите бројеве за хитне случајеве наведене први за сваку земљу. Уз сваки податак испод наведени су извор и датум последње провере; где извор не наводи број телефона, број није ни приказан.
help-country-title = Где потражити помоћ: { $country }
help-banner-title = Потребна вам је помоћ?
help-banner-link = Где потражити помоћ у Србији, Црној Гори и Северној Македонији
help-phone = Телефон
help-no-number = Извор не наводи број телефона, па га ни овде нема.
help-where = Где се може наћи
help-website = Веб-сајт
help-hours = Радно време
help-cost = Цена позива
help-who = Ко може да позове
help-verified = Последња провера
help-stale = Подаци су се у међувремену можда променили.

## Statistics
statistics-title = Статистика
statistics-description = Анонимизована статистика о жртвама трговине људима, у којој су мали бројеви ускраћени да нико не би могао бити препознат.
statistics-methodology = Како су подаци заштићени
stat-small = мање од { $k }
stat-withheld = ускраћено
stat-unavailable = није доступно
stat-total = Укупно
stat-count = Број
stat-share = Удео
stat-measure = Шта се броји
stat-notes = Напомене
stat-protected = Неки бројеви су ускраћени да нико не би могао бити препознат: мали бројеви су приказани као „мање од …“, а бројеви означени као „ускраћено“ омогућили би да се израчуна неки мали број.
stat-chart-caption = Графикон приказује исте податке као табела испод; ускраћени бројеви немају стубац.
download-statistics = Статистика
download-statistics-note = Један ред по ћелији, укључујући збирове: колона за сваку димензију („total“ за збир), „shown“ (count, fewer-than-threshold, withheld или not-available) и „count“, која је празна осим ако је број објављен. Бројеви већи од нуле, а мањи од { $k }, никада се не објављују.

## Tags
tags-title = Ознаке
tags-description = Све ознаке страница на овом језику, са бројем страница које их носе.
tags-label = Ознаке
tags-none = Ниједна страница на овом језику још нема ознаку.
tag-title = Ознака: { $tag }
tag-description = Странице са ознаком „{ $tag }”.
tag-none = Ниједна страница на овом језику још нема ову ознаку.
tag-elsewhere = Имају је странице на другим језицима:
