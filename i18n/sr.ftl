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
