//! Rendering: Markdown, templates, feeds and the sitemap, for every page in every locale.
//!
//! A page's HTML depends only on the [`Site`], the page's rendered Markdown and the templates,
//! so pages render in parallel and in any order. Templates are Jinja templates run by
//! minijinja; each locale has its own environment whose `t()` function and `number` filter
//! speak that locale.

pub mod chart;
pub mod data;
pub mod markdown;
mod statistics;

pub use statistics::lookup_text;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use minijinja::value::{Kwargs, Serde, Value};
use minijinja::{AutoEscape, Environment, Output, State, UndefinedBehavior};
use serde::Serialize;

use crate::config::{Locale, Script};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use crate::site::{DataPage, PageId, PageKind, Site};
use crate::theme::Theme;
use markdown::{Heading, Rendered};

thread_local! {
    /// The HTML of the page being rendered on this thread, before it is minified
    /// ([`Renderer::render_minified`]).
    static UNMINIFIED: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
    /// The fragments `cached` has given on this thread (see [`Landing`]).
    static GIVEN: std::cell::RefCell<Vec<Given>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A fragment `cached` gave, and the HTML it was made from (kept alive, so that no other
/// string can be at its address).
type Given = (Arc<crate::minify::Fragment>, Value);

/// The writer of a page's HTML before minification: notes where each fragment `cached` gave
/// is written as it is, recognised by its address (a template that writes the value as it is
/// writes those very bytes; one that copies them into other text is not recognised, and its
/// HTML is minified as the rest is).
struct Landing<'a> {
    out: &'a mut Vec<u8>,
    landed: Vec<(usize, Arc<crate::minify::Fragment>)>,
}

impl std::io::Write for Landing<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        // Fragments are hundreds of bytes; most writes are a few.
        if bytes.len() >= 64 {
            GIVEN.with_borrow(|given| {
                let same = |(_, html): &&Given| html.as_str().is_some_and(|h| std::ptr::eq(h.as_bytes(), bytes));
                if let Some((fragment, _)) = given.iter().find(same) {
                    self.landed.push((self.out.len(), fragment.clone()));
                }
            });
        }
        self.out.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.write(bytes).map(drop)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Ids every page has besides its headings, so links may point at them.
pub const THEME_ANCHORS: &[&str] = &["main", "top"];

/// The section (the folder of [`crate::plan::PLANS_DIR`] under `content/`) whose pages get
/// `plans`, every plan with its progress, in their context; so does the home page.
const PLANS_SECTION: &str = "plans";

/// Where the template syntax is documented, for hints.
const SYNTAX_DOCS: &str = "https://docs.rs/minijinja/latest/minijinja/syntax/";

/// The values a template sees, by name, each converted from its view when inserted.
///
/// Values are shared, not copied, when a context is cloned: a page's context starts as a clone
/// of its locale's frame ([`Renderer::frame_context`]).
#[derive(Clone)]
pub struct Context {
    values: BTreeMap<&'static str, Value>,
    /// In a context made to be fingerprinted ([`Context::fingerprinted`]): a hash of each view,
    /// taken as it was inserted.
    hashes: Option<BTreeMap<&'static str, u64>>,
}

impl Context {
    /// An empty context that hashes every view inserted into it, for [`Context::fingerprint`].
    pub fn fingerprinted() -> Context {
        Context {
            values: BTreeMap::new(),
            hashes: Some(BTreeMap::new()),
        }
    }

    /// Sets `name` to `value` as templates see it.
    pub fn insert<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        if let Some(hashes) = &mut self.hashes {
            hashes.insert(name, view_hash(value));
        }
        self.values.insert(name, Value::from(Serde(value)));
    }

    /// A hash of every name and value templates can read in the context, for the build cache;
    /// `None` unless the context was made to be fingerprinted.
    pub fn fingerprint(&self) -> Option<u64> {
        use std::hash::Hasher;
        let hashes = self.hashes.as_ref()?;
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for (name, hash) in hashes {
            hasher.write_usize(name.len());
            hasher.write(name.as_bytes());
            hasher.write_u64(*hash);
        }
        Some(hasher.finish())
    }

    /// The context without its hashes: what is inserted from here on is not hashed.
    fn unfingerprinted(&self) -> Context {
        Context {
            values: self.values.clone(),
            hashes: None,
        }
    }

    /// The whole context as one template value: a map that templates look names up in by
    /// name, not by going through its keys.
    fn to_value(&self) -> Value {
        Value::from_object(Names(
            self.values.iter().map(|(name, value)| (*name, value.clone())).collect(),
        ))
    }
}

/// A context's names and values as templates read them. Every name a template uses that is not
/// a local variable is looked for here before the globals (so every call of `t` and `asset`
/// is), so a lookup compares lengths before bytes instead of searching a `BTreeMap` by
/// `memcmp`: a context has a dozen or two names, few of the same length.
#[derive(Debug)]
struct Names(Vec<(&'static str, Value)>);

impl minijinja::value::Object for Names {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        self.0
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value.clone())
    }

    fn enumerate(self: &Arc<Self>) -> minijinja::value::Enumerator {
        minijinja::value::Enumerator::Values(self.0.iter().map(|(name, _)| Value::from(*name)).collect())
    }
}

/// A hash of a view as it serializes, which is what its template value is made from. The bytes
/// hashed are its MessagePack encoding, which tags every value with its kind and gives every
/// text, list and map its length, so no two different views give the same bytes. (Hashing the
/// template value instead walks minijinja's maps, which costs several times as much.)
fn view_hash<T: Serialize + ?Sized>(view: &T) -> u64 {
    thread_local! {
        static BYTES: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BYTES.with_borrow_mut(|bytes| {
        bytes.clear();
        // Writing to memory fails only where the view's own serialization does (its template
        // value is then invalid too): the message is hashed after what was written before it.
        if let Err(e) = rmp_serde::encode::write_named(bytes, view) {
            bytes.extend_from_slice(e.to_string().as_bytes());
        }
        xxhash_rust::xxh3::xxh3_64(bytes)
    })
}

/// Renders pages with a theme's templates.
pub struct Renderer {
    /// One template environment per locale, in the order of the config's locales.
    engines: Vec<Environment<'static>>,
    /// Where each template came from and its text, for error messages.
    template_files: HashMap<String, (std::path::PathBuf, String)>,
    /// For each template, a hash of it and of the templates it uses ([`Theme::template_hashes`]).
    template_hashes: HashMap<String, u64>,
    /// The templates shown with `cached` ([`Theme::shown_cached`]), for hints.
    shown_cached: std::collections::HashSet<String>,
    /// The context every page of a locale shares, made once per locale ([`Renderer::frame_context`]).
    frames: Vec<Context>,
    /// Per translation group, the `hreflang` links its pages show, made by the first of them
    /// ([`Renderer::alternate_links`]).
    alternates: Vec<std::sync::OnceLock<Made>>,
}

/// The result of rendering one page.
pub type PageResult = Result<String, Diagnostic>;

/// A page's minified HTML, and where in it each fragment minified once was copied (for the
/// leak scan, which reads each such fragment once: [`crate::scan::Scanner::scan_with`]).
pub struct Minified {
    /// The HTML.
    pub html: String,
    /// Where each copied fragment starts in `html`, in order.
    pub fragments: Vec<(usize, Arc<crate::minify::Fragment>)>,
}

impl Renderer {
    /// Parses the theme's templates and prepares one environment per locale.
    ///
    /// Every template with a syntax error is reported; `None` if any was.
    pub fn new(
        site: &Site,
        theme: &Theme,
        strings: Arc<Strings>,
        live_reload: bool,
        diagnostics: &Diagnostics,
    ) -> Option<Renderer> {
        let mut base = Environment::new();
        // Printing or looping over a value that does not exist is an error; `{% if x %}` is not.
        base.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        base.set_auto_escape_callback(|name| {
            if name.ends_with(".html") || name.ends_with(".xml") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        base.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .keep_trailing_newline(true)
                .build()
                .expect("the default delimiters are valid"),
        );
        base.set_formatter(write_value);
        base.add_filter("truncate", truncate);
        base.add_filter("safe", safe);
        let mut ok = true;
        for t in &theme.templates {
            if let Err(e) = base.add_template_owned(t.name.clone(), t.text.clone()) {
                ok = false;
                diagnostics.push(
                    Diagnostic::error(&t.file, e.line(), format!("template syntax: {}", describe(&e, None)))
                        .with_hint(format!("see {SYNTAX_DOCS} for the template syntax")),
                );
            }
        }
        if !ok {
            return None;
        }
        // Each URL made into a template value once: a copy of a value shares its text.
        let assets: HashMap<String, Value> = theme
            .assets
            .iter()
            .map(|a| (a.name.clone(), Value::from_safe_string(a.url.clone())))
            .collect();
        let assets = Arc::new(assets);
        let frames: Vec<Context> = (0..site.config.locales.len())
            .map(|li| make_frame(site, &strings, live_reload, li))
            .collect();
        let engines = site
            .config
            .locales
            .iter()
            .zip(&frames)
            .map(|(locale, frame)| {
                let mut env = base.clone();
                let assets = assets.clone();
                env.add_function("asset", move |name: Option<&str>, kwargs: Kwargs| {
                    asset_url(&assets, name, &kwargs)
                });
                register_strings(&mut env, site, &strings, &locale.code);
                register_cached(&mut env, frame);
                env
            })
            .collect();
        let template_files = theme
            .templates
            .iter()
            .map(|t| (t.name.clone(), (t.file.clone(), t.text.clone())))
            .collect();
        Some(Renderer {
            engines,
            template_files,
            template_hashes: theme.template_hashes(),
            shown_cached: theme.shown_cached(),
            frames,
            alternates: site.groups.iter().map(|_| std::sync::OnceLock::new()).collect(),
        })
    }

    /// The `hreflang` links of the pages of translation group `group` ([`alternates_html`]),
    /// given to the page being made on this thread: they are the same on each of the group's
    /// pages, so they are made and minified once for all of them ([`Made`]).
    fn alternate_links(&self, site: &Site, group: usize) -> Value {
        self.alternates[group]
            .get_or_init(|| {
                let html = alternates_html(site, group);
                Made {
                    fragment: crate::minify::Fragment::new(&html).map(Arc::new),
                    html: Value::from_safe_string(html),
                    reads: Vec::new(),
                }
            })
            .give()
    }

    /// A hash of template `name` and of every template it extends, includes, imports or shows
    /// with `cached`: what the template makes of a context changes only when this does. Unknown
    /// templates hash to 0.
    pub fn template_hash(&self, name: &str) -> u64 {
        self.template_hashes.get(name).copied().unwrap_or(0)
    }

    /// Renders with other interface strings from now on (after an edit to them); the shared
    /// context of each locale is kept, so it must not read any string that changed.
    pub fn set_strings(&mut self, site: &Site, strings: &Arc<Strings>) {
        for ((engine, locale), frame) in self.engines.iter_mut().zip(&site.config.locales).zip(&self.frames) {
            register_strings(engine, site, strings, &locale.code);
            // What `cached` made read the old strings.
            register_cached(engine, frame);
        }
    }

    /// The file template `name` came from, for messages.
    fn template_file(&self, name: &str) -> std::path::PathBuf {
        self.template_files
            .get(name)
            .map_or_else(|| name.into(), |(file, _)| file.clone())
    }

    /// Renders template `name` in locale `locale` with `context`; errors name the template
    /// (the one the fault is in, which may be a parent or an included one), its line, and the page.
    pub fn render(&self, name: &str, locale: usize, context: &Context, page_file: &str) -> PageResult {
        self.engines[locale]
            .get_template(name)
            .and_then(|t| t.render(context.to_value()))
            .map_err(|e| self.template_fault(&e, name, locale, page_file))
    }

    /// Renders a template like [`Renderer::render`] and minifies the HTML.
    ///
    /// The HTML before minification is written into a buffer kept by the thread and used again
    /// for its next page, instead of a string grown from a small guess through copies.
    pub fn render_minified(
        &self,
        name: &str,
        locale: usize,
        context: &Context,
        page_file: &str,
    ) -> Result<Minified, Diagnostic> {
        // Taken, not borrowed: a template's `cached` renders another one on this thread.
        let mut html = UNMINIFIED.take();
        html.clear();
        let mut landing = Landing {
            out: &mut html,
            landed: Vec::new(),
        };
        let minified = self
            .render_to(name, locale, context, page_file, &mut landing)
            .and_then(|()| {
                let Landing { out, landed } = landing;
                self.minify(name, page_file, out, &landed)
            });
        UNMINIFIED.set(html);
        // Only what a page is given ([`Renderer::page_context`] on) is looked for in what it writes.
        GIVEN.with_borrow_mut(Vec::clear);
        minified
    }

    /// `html`, written by template `name` for `page_file` with `fragments` at the given
    /// offsets, minified, and where in it the fragments it copied start.
    fn minify(
        &self,
        name: &str,
        page_file: &str,
        html: &[u8],
        fragments: &[(usize, Arc<crate::minify::Fragment>)],
    ) -> Result<Minified, Diagnostic> {
        // minijinja writes only whole `str`s, so this fails only if it broke that promise.
        let html = simdutf8::basic::from_utf8(html).map_err(|_| {
            Diagnostic::error(
                self.template_file(name),
                None,
                "the template wrote bytes that are not UTF-8",
            )
            .while_rendering(page_file)
        })?;
        let (html, fragments) = crate::minify::minify_with(html, fragments).map_err(|fault| {
            let near = crate::output::near(html, fault.at);
            Diagnostic::error(
                self.template_file(name),
                None,
                format!("the HTML is not well-formed: {} near `{near}`", fault.message),
            )
            .with_hint("write every opening tag, and close only elements that are open")
            .while_rendering(page_file)
        })?;
        Ok(Minified { html, fragments })
    }

    /// Renders template `name` like [`Renderer::render`], appending the output to `out`.
    fn render_to(
        &self,
        name: &str,
        locale: usize,
        context: &Context,
        page_file: &str,
        out: impl std::io::Write,
    ) -> Result<(), Diagnostic> {
        self.engines[locale]
            .get_template(name)
            .and_then(|t| t.render_captured_to(context.to_value(), out))
            .map(drop)
            .map_err(|e| self.template_fault(&e, name, locale, page_file))
    }

    /// The message for error `e` of rendering template `name` for `page_file`.
    fn template_fault(&self, e: &minijinja::Error, name: &str, locale: usize, page_file: &str) -> Diagnostic {
        let at = e.name().unwrap_or(name);
        let (file, source) = match self.template_files.get(at) {
            Some((file, text)) => (file.clone(), Some(text.as_str())),
            None => (at.into(), None),
        };
        let error = Diagnostic::error(file, e.line(), describe(e, source)).while_rendering(page_file);
        if e.kind() == minijinja::ErrorKind::UndefinedError && self.shown_cached.contains(at) {
            let shared: Vec<String> = self.frames[locale].values.keys().map(|n| format!("`{n}`")).collect();
            error.with_hint(format!(
                "`{at}` is shown with `cached`, so it sees only {} and the arguments given to `cached`: pass what it needs as an argument",
                shared.join(", ")
            ))
        } else {
            error
        }
    }

    /// The template context of one page; `body`: the rendered Markdown it shows
    /// ([`Site::body_page`]), taken where no other page needs it; `fingerprinted`: made so, for
    /// the build cache ([`Context::fingerprint`]).
    pub fn page_context(
        &self,
        site: &Site,
        strings: &Strings,
        id: PageId,
        body: Option<Cow<'_, Rendered>>,
        fingerprinted: bool,
    ) -> Context {
        // What this page is given starts here: it is looked for in what the page writes.
        GIVEN.with_borrow_mut(Vec::clear);
        let page = &site.pages[id];
        let locale = &site.config.locales[page.locale];
        let mut ctx = if fingerprinted {
            self.frames[page.locale].clone()
        } else {
            self.frame_context(page.locale)
        };
        let title;
        let mut view = PageView {
            url: page.url.clone(),
            permalink: [site.config.base_url.as_str(), &page.url].concat(),
            ..PageView::default()
        };
        match page.kind {
            PageKind::Content { source, pager } => {
                let src = &site.sources[source];
                title = locale.localize(&src.front.title);
                view.kind = if src.is_section() && src.dir.is_empty() {
                    "home"
                } else if src.is_section() {
                    "section"
                } else {
                    "page"
                };
                view.description = src.front.description.as_deref().map(|d| locale.localize(d));
                view.date = src.front.date.map(|d| DateView::new(strings, &locale.code, d));
                view.updated = src.front.updated.map(|d| DateView::new(strings, &locale.code, d));
                view.extra = serde_json::to_value(&src.front.extra).unwrap_or_default();
                view.tags = src
                    .front
                    .tags
                    .iter()
                    .filter_map(|tag| {
                        let group = site.tag_group(tag)?;
                        Some(LinkView {
                            title: locale.localize(tag),
                            url: site.pages[*site.groups[group].pages.get(page.locale)?].url.clone(),
                            current: false,
                        })
                    })
                    .collect();
                match body {
                    Some(Cow::Owned(r)) => {
                        view.content = Html(Value::from_safe_string(r.html));
                        view.toc = r.headings.into_iter().filter(|h| h.level == 2).collect();
                    }
                    Some(Cow::Borrowed(r)) => {
                        view.content = Html(Value::from_safe_string(r.html.clone()));
                        view.toc = r.headings.iter().filter(|h| h.level == 2).cloned().collect();
                    }
                    None => {}
                }
                if src.is_section() {
                    ctx.insert("listing", &listing(site, strings, source, page.locale, pager));
                }
                // Only these list the plans: a page whose context holds them is made again
                // whenever a progress report changes.
                if src.is_section() && (src.dir.is_empty() || src.dir == PLANS_SECTION) {
                    ctx.insert("plans", &data::plan_summaries(site, strings, page.locale));
                }
                if let Some(d) = site.groups[page.group].data {
                    let dc = data::insert(&mut ctx, site, strings, d, page.locale);
                    view.updated = view
                        .updated
                        .or(dc.updated.map(|date| DateView::new(strings, &locale.code, date)));
                }
                if src.front.template.as_deref() == Some(data::OPEN_DATA_TEMPLATE) {
                    data::insert_open_data(&mut ctx, site, strings, page.locale);
                }
                ctx.insert("breadcrumbs", &breadcrumbs(site, source, page.locale));
                ctx.insert("alternates", &Html(self.alternate_links(site, page.group)));
                view.indexable = true;
            }
            PageKind::Untranslated => {
                title = strings
                    .get(&locale.code, "untranslated-title", None)
                    .unwrap_or_default();
                view.kind = "untranslated";
                let available: Vec<AvailableView> = site
                    .config
                    .locales
                    .iter()
                    .enumerate()
                    .filter_map(|(li, l)| {
                        let src = *site.groups[page.group].sources.get(&l.language)?;
                        Some(AvailableView {
                            name: l.name.clone(),
                            tag: l.tag.clone(),
                            url: site.group_url(page.group, li).to_owned(),
                            title: l.localize(&site.sources[src].front.title),
                        })
                    })
                    .collect();
                ctx.insert("available", &available);
                ctx.insert("breadcrumbs", &Vec::<LinkView>::new());
                ctx.insert("alternates", &Html::default());
            }
            PageKind::Data => {
                let d = site.groups[page.group].data.expect("data pages belong to data groups");
                let dc = data::insert(&mut ctx, site, strings, d, page.locale);
                title = dc.title;
                view.kind = match d {
                    DataPage::Plan(_) => "plan",
                    DataPage::Goal(..) => "goal",
                    DataPage::Activity(..) => "activity",
                    DataPage::Institution(_) => "institution",
                    DataPage::Browse(..) => "browse",
                    DataPage::Institutions => "institutions",
                    DataPage::Search => "search",
                    DataPage::HelpIndex | DataPage::Help(_) => "help",
                    DataPage::Statistics => "statistics",
                    DataPage::Statistic(_) => "statistic",
                    DataPage::Tags => "tags",
                    DataPage::Tag(_) => "tag",
                };
                view.description = Some(dc.description);
                view.indexable = site.is_indexable(id);
                view.updated = dc.updated.map(|date| DateView::new(strings, &locale.code, date));
                ctx.insert("breadcrumbs", &dc.breadcrumbs);
                ctx.insert("alternates", &Html(self.alternate_links(site, page.group)));
            }
        }
        view.title = title;
        ctx.insert("page", &view);
        ctx.insert("translations", &translations(site, page.group, page.locale));
        ctx.insert("script_switch", &script_switch(site, page.group, page.locale));
        ctx
    }

    /// The context of a page that shows no content of its own, such as the 404 page.
    pub fn notice_context(
        &self,
        site: &Site,
        locale: usize,
        kind: &'static str,
        title: String,
        url: String,
    ) -> Context {
        let mut ctx = self.frame_context(locale);
        let permalink = [site.config.base_url.as_str(), &url].concat();
        ctx.insert(
            "page",
            &PageView {
                kind,
                title,
                url,
                permalink,
                ..PageView::default()
            },
        );
        ctx.insert("translations", &Vec::<TranslationView>::new());
        ctx.insert("breadcrumbs", &Vec::<LinkView>::new());
        ctx.insert("alternates", &Html::default());
        ctx.insert("script_switch", &None::<ScriptSwitchView>);
        ctx
    }

    /// The context every template shares in a locale: the site, the locale and navigation.
    /// It is the same for every page of the locale, so it is made once and copied.
    pub fn frame_context(&self, locale_index: usize) -> Context {
        self.frames[locale_index].unfingerprinted()
    }
}

/// The frame of a locale ([`Renderer::frame_context`]), fingerprinted: hashing its few views
/// once costs nothing beside the pages that copy it. `live_reload`: whether pages load the
/// live-reload script (`serve` only).
fn make_frame(site: &Site, strings: &Strings, live_reload: bool, locale_index: usize) -> Context {
    let locale = &site.config.locales[locale_index];
    let mut ctx = Context::fingerprinted();
    ctx.insert("lang", &LocaleView::from(locale));
    let home_url = format!("/{}/", locale.code);
    let nav = nav(site, locale_index);
    let page_url = |kind: &str| site.data_page(kind, locale_index).map(|id| site.pages[id].url.clone());
    let (institutions_url, search_url) = (page_url("institutions"), page_url("search"));
    let nav_urls = std::iter::once(home_url.clone())
        .chain(nav.iter().map(|link| link.url.clone()))
        .chain(search_url.clone())
        .chain(institutions_url.clone())
        .collect();
    ctx.insert(
        "site",
        &SiteView {
            title: site.config.title_in(locale),
            description: site.config.description_in(locale),
            base_url: site.config.base_url.clone(),
            as_of: DateView::new(strings, &locale.code, site.config.as_of),
            home_url,
            feed_url: site.has_feed().then(|| format!("/{}/atom.xml", locale.code)),
            institutions_url,
            search_url,
            nav_urls,
            quick_exit_url: site.config.quick_exit_url.clone(),
            help_url: page_url("help"),
            safety_url: site.resolve_internal("@/safety.md", locale_index),
            reports_feed_url: (!site.plans.plans.is_empty()).then(|| crate::pipeline::reports_feed_url(&locale.code)),
        },
    );
    ctx.insert("nav", &nav);
    ctx.insert("live_reload", &live_reload);
    ctx
}

/// The locale as templates see it.
#[derive(Serialize)]
pub struct LocaleView {
    code: String,
    tag: String,
    name: String,
    script: &'static str,
}

impl From<&Locale> for LocaleView {
    fn from(l: &Locale) -> Self {
        LocaleView {
            code: l.code.clone(),
            tag: l.tag.clone(),
            name: l.name.clone(),
            script: match l.script {
                Script::Cyrl => "Cyrl",
                Script::Latn => "Latn",
            },
        }
    }
}

#[derive(Serialize)]
struct SiteView {
    title: String,
    description: String,
    base_url: String,
    as_of: DateView,
    home_url: String,
    feed_url: Option<String>,
    institutions_url: Option<String>,
    search_url: Option<String>,
    /// The URL of every page the site's navigation links to (home, the top sections, search
    /// and institutions): the one page a navigation marks as current is among them.
    nav_urls: Vec<String>,
    quick_exit_url: String,
    help_url: Option<String>,
    safety_url: Option<String>,
    reports_feed_url: Option<String>,
}

/// A date as written out in a locale and as ISO 8601.
#[derive(Serialize, Clone)]
pub struct DateView {
    text: String,
    iso: String,
}

impl DateView {
    /// Formats `date` for `locale`.
    pub fn new(strings: &Strings, locale: &str, date: chrono::NaiveDate) -> DateView {
        DateView {
            text: String::from(&*strings.format_date(locale, date)),
            iso: iso_date(date),
        }
    }
}

/// `date` in ISO 8601 (`2026-11-24`), as chrono's `to_string` writes it, written directly
/// for the years 0 to 9999 (chrono's formatting costs ~1,000 instructions a date).
pub fn iso_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    if !(0..=9999).contains(&date.year()) {
        return date.to_string();
    }
    let (year, month, day) = (date.year().unsigned_abs(), date.month(), date.day());
    let mut iso = *b"0000-00-00";
    for (at, n) in [
        (0, year / 1000),
        (1, year / 100),
        (2, year / 10),
        (3, year),
        (5, month / 10),
        (6, month),
        (8, day / 10),
        (9, day),
    ] {
        iso[at] = b'0' + (n % 10) as u8;
    }
    String::from_utf8(iso.to_vec()).expect("digits and dashes")
}

/// HTML a template shows as it is (a page's rendered Markdown): a string marked safe, which
/// the `safe` filter passes on without copying ([`safe`]).
#[derive(Serialize)]
struct Html(Value);

impl Default for Html {
    fn default() -> Html {
        Html(Value::from_safe_string(String::new()))
    }
}

#[derive(Serialize, Default)]
struct PageView {
    kind: &'static str,
    title: String,
    description: Option<String>,
    content: Html,
    url: String,
    permalink: String,
    date: Option<DateView>,
    updated: Option<DateView>,
    toc: Vec<Heading>,
    /// Its tags, linking to their pages.
    tags: Vec<LinkView>,
    extra: serde_json::Value,
    indexable: bool,
}

/// A link as templates see it.
#[derive(Serialize, Clone)]
pub struct LinkView {
    /// The link text.
    pub title: String,
    /// Where it leads.
    pub url: String,
    /// Whether it leads to the page being shown.
    pub current: bool,
}

#[derive(Serialize)]
struct AvailableView {
    name: String,
    tag: String,
    url: String,
    title: String,
}

#[derive(Serialize)]
struct TranslationView {
    name: String,
    tag: String,
    url: String,
    exists: bool,
    current: bool,
}

#[derive(Serialize)]
struct ScriptSwitchView {
    cyrillic_url: String,
    latin_url: String,
    current: &'static str,
}

#[derive(Serialize)]
struct ListItemView {
    title: String,
    url: String,
    description: Option<String>,
    date: Option<DateView>,
    section: bool,
}

#[derive(Serialize)]
struct ListingView {
    pages: Vec<ListItemView>,
    untranslated: Vec<LinkView>,
    pager: Option<PagerView>,
}

#[derive(Serialize)]
struct PagerView {
    current: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
}

fn nav(site: &Site, locale: usize) -> Vec<LinkView> {
    let l = &site.config.locales[locale];
    let Some(home) = site.home_source(&l.language) else {
        return Vec::new();
    };
    site.children
        .get(&home)
        .into_iter()
        .flatten()
        .map(|&c| LinkView {
            title: l.localize(&site.sources[c].front.title),
            url: site.pages[site.source_page(c, locale)].url.clone(),
            current: false,
        })
        .collect()
}

fn breadcrumbs(site: &Site, source: usize, locale: usize) -> Vec<LinkView> {
    let l = &site.config.locales[locale];
    let mut chain = Vec::new();
    let mut at = site.parent.get(&source).copied();
    while let Some(s) = at {
        chain.push(LinkView {
            title: l.localize(&site.sources[s].front.title),
            url: site.pages[site.source_page(s, locale)].url.clone(),
            current: false,
        });
        at = site.parent.get(&s).copied();
    }
    chain.reverse();
    chain
}

/// The entry of `source` in a list of pages shown in `locale`.
fn list_item(site: &Site, strings: &Strings, source: usize, locale: usize) -> ListItemView {
    let l = &site.config.locales[locale];
    let src = &site.sources[source];
    ListItemView {
        title: l.localize(&src.front.title),
        url: site.pages[site.source_page(source, locale)].url.clone(),
        description: src.front.description.as_deref().map(|d| l.localize(d)),
        date: src.front.date.map(|d| DateView::new(strings, &l.code, d)),
        section: src.is_section(),
    }
}

fn listing(site: &Site, strings: &Strings, section: usize, locale: usize, pager: usize) -> ListingView {
    let l = &site.config.locales[locale];
    let kids = site.children.get(&section).map(Vec::as_slice).unwrap_or_default();
    let per = site.sources[section].front.paginate_by.unwrap_or(usize::MAX);
    let total = site.listing_pages(section);
    let pages = kids
        .iter()
        .skip((pager - 1).saturating_mul(per))
        .take(per)
        .map(|&c| list_item(site, strings, c, locale))
        .collect();
    // Pages of the same folder that exist only in other languages, so nothing is silently hidden.
    let section_url = site.pages[site.source_page(section, locale)].url.clone();
    let untranslated = site
        .untranslated(&site.sources[section].dir, &l.language)
        .iter()
        .filter_map(|&g| {
            let (_, &any) = site.groups[g].sources.iter().next()?;
            Some(LinkView {
                title: site.sources[any].front.title.clone(),
                url: site.group_url(g, locale).to_owned(),
                current: false,
            })
        })
        .collect();
    let page_url = |n: usize| {
        if n == 1 {
            section_url.clone()
        } else {
            format!("{section_url}page/{n}/")
        }
    };
    ListingView {
        pages,
        untranslated,
        pager: (total > 1).then(|| PagerView {
            current: pager,
            total,
            previous: (pager > 1).then(|| page_url(pager - 1)),
            next: (pager < total).then(|| page_url(pager + 1)),
        }),
    }
}

/// The `<link rel="alternate" hreflang>` tags of the pages of translation group `group`: the
/// group's page in each locale and, where the default language has it, `x-default`.
fn alternates_html(site: &Site, group: usize) -> String {
    let mut out = site.alternate_urls(group);
    if let Some(li) = site
        .config
        .locales
        .iter()
        .position(|l| l.code == site.config.default_language)
    {
        if site.exists_in(group, &site.config.default_language) {
            out.push((
                "x-default".into(),
                [site.config.base_url.as_str(), site.group_url(group, li)].concat(),
            ));
        }
    }
    let mut html = String::new();
    for (hreflang, href) in out {
        html.push_str("<link rel=\"alternate\" hreflang=\"");
        let _ = escape_into(&mut html, &hreflang);
        html.push_str("\" href=\"");
        let _ = escape_into(&mut html, &href);
        html.push_str("\">\n");
    }
    html
}

fn translations(site: &Site, group: usize, current: usize) -> Vec<TranslationView> {
    let here = &site.config.locales[current];
    site.config
        .languages
        .iter()
        .filter_map(|lang| {
            // Offer each language once, in the script the reader is using where it has both.
            let li = site
                .config
                .locales
                .iter()
                .position(|l| l.language == lang.code && (lang.code != here.language || l.code == here.code))
                .or_else(|| site.config.locales.iter().position(|l| l.language == lang.code))?;
            let l = &site.config.locales[li];
            Some(TranslationView {
                name: l.name.clone(),
                tag: l.tag.clone(),
                url: site.group_url(group, li).to_owned(),
                exists: site.exists_in(group, &lang.code),
                current: lang.code == here.language,
            })
        })
        .collect()
}

fn script_switch(site: &Site, group: usize, current: usize) -> Option<ScriptSwitchView> {
    let here = &site.config.locales[current];
    let lang = site.config.language(&here.language)?;
    let latin = lang.latin_variant.as_ref()?;
    let cyr = site.config.locales.iter().position(|l| l.code == lang.code)?;
    let lat = site.config.locales.iter().position(|l| &l.code == latin)?;
    Some(ScriptSwitchView {
        cyrillic_url: site.group_url(group, cyr).to_owned(),
        latin_url: site.group_url(group, lat).to_owned(),
        current: if here.transliterate { "Latn" } else { "Cyrl" },
    })
}

/// The template function `t`: `t("…", count=n)` or `t(key="…", count=n)` is an interface
/// string in the locale; other numbers and texts given are the string's arguments. The key
/// given first, without a name, spares the template engine a map of named arguments for the
/// many strings that have none.
struct Translate {
    strings: Arc<Strings>,
    locale: String,
}

impl std::fmt::Debug for Translate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "t (the interface strings of {})", self.locale)
    }
}

impl minijinja::value::Object for Translate {
    fn call(self: &Arc<Self>, _: &mut State<'_, '_>, args: &[Value]) -> Result<Value, minijinja::Error> {
        // Most calls name a string and nothing else: its name is read as it is, without
        // converting the arguments (a third of what a call cost).
        if let [key] = args {
            if let Some(key) = key.as_str() {
                return shared_string(&self.strings, &self.locale, key, &fluent_bundle::FluentArgs::new());
            }
        }
        let (key, kwargs): (Option<&str>, Kwargs) = minijinja::value::from_args(args)?;
        translate(&self.strings, &self.locale, key, &kwargs)
    }
}

/// `t()` with its arguments converted: the string named by `key` or by the named argument
/// `key`, formatted with the other named arguments.
fn translate(strings: &Strings, locale: &str, key: Option<&str>, kwargs: &Kwargs) -> Result<Value, minijinja::Error> {
    let key = first_argument(key, kwargs, "t", "key")?;
    let mut fargs = fluent_bundle::FluentArgs::new();
    for name in kwargs.args().filter(|&n| n != "key") {
        let value: Value = kwargs.peek(name)?;
        if let Some(text) = value.as_str() {
            fargs.set(name.to_owned(), fluent_bundle::FluentValue::from(text.to_owned()));
        } else if value.is_number() {
            let n = f64::try_from(value).unwrap_or(0.0);
            fargs.set(name.to_owned(), fluent_bundle::FluentValue::from(n));
        }
    }
    shared_string(strings, locale, key, &fargs)
}

/// The string `key` in `locale` with `args`, as a template value.
fn shared_string(
    strings: &Strings,
    locale: &str,
    key: &str,
    args: &fluent_bundle::FluentArgs,
) -> Result<Value, minijinja::Error> {
    strings
        .shared(locale, key, Some(args))
        .map(Value::from)
        .map_err(|e| template_error(e.to_string()))
}

/// `asset("style.css")` or `asset(name="style.css")`: the fingerprinted URL of a theme file.
fn asset_url(assets: &HashMap<String, Value>, name: Option<&str>, kwargs: &Kwargs) -> Result<Value, minijinja::Error> {
    let name = first_argument(name, kwargs, "asset", "name")?;
    assets
        .get(name)
        .cloned()
        .ok_or_else(|| template_error(format!("the theme has no static file `{name}`")))
}

/// The text that template function `function` takes first: `given` without a name, or else its
/// named argument `name`.
fn first_argument<'a>(
    given: Option<&'a str>,
    kwargs: &'a Kwargs,
    function: &str,
    name: &'static str,
) -> Result<&'a str, minijinja::Error> {
    match given {
        Some(text) => Ok(text),
        // `peek`, not `get`: every argument is read, and `get` copies each name to mark it used.
        None => kwargs.peek(name).map_err(|_| {
            template_error(format!(
                "{function}() needs a {name}: {function}(\"…\") or {function}({name}=\"…\")"
            ))
        }),
    }
}

/// An error raised by one of Putokaz's template functions or filters.
fn template_error(message: impl Into<std::borrow::Cow<'static, str>>) -> minijinja::Error {
    minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, message)
}

/// Prints a value into a template's output: nothing for `none`; in HTML and XML templates,
/// text that is not marked safe is escaped with [`escape_into`].
fn write_value(out: &mut Output, state: &mut State, value: &Value) -> Result<(), minijinja::Error> {
    if value.is_none() {
        return Ok(());
    }
    let escape = matches!(state.auto_escape(), AutoEscape::Html) && !value.is_safe();
    match (value.as_str(), escape) {
        (Some(text), true) => escape_into(out, text)?,
        (Some(text), false) => out.write_str(text)?,
        (None, true) => escape_into(out, &value.to_string())?,
        (None, false) => write!(out, "{value}")?,
    }
    Ok(())
}

/// Escapes text for HTML and XML: `& < > " '` only (the usual escapers also escape `/`, which
/// makes every URL in the output unreadable without making it any safer).
fn escape_into(out: &mut impl std::fmt::Write, input: &str) -> std::fmt::Result {
    let mut rest = input;
    // Copy the runs between special characters whole; they are all ASCII, so any byte index
    // found is a character boundary.
    while let Some(i) = next_to_escape(rest.as_bytes()) {
        out.write_str(&rest[..i])?;
        out.write_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        })?;
        rest = &rest[i + 1..];
    }
    out.write_str(rest)
}

/// Text up to this many bytes is read by [`next_to_escape`] without memchr: setting up
/// memchr's two vector searches costs ~200 instructions, more than reading a title or a URL.
const SHORT_TEXT: usize = 64;

/// The bytes [`escape_into`] escapes.
static ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 5 {
        table[b"&<>\"'"[i] as usize] = true;
        i += 1;
    }
    table
};

/// Where the first byte of `text` that [`escape_into`] escapes is: in short text, 8 bytes at a
/// time read as one word, the rest the first byte [`ESCAPED`] marks; in longer text, memchr's
/// vector search for three of them, then for the other two before what that found (most text
/// has none).
fn next_to_escape(text: &[u8]) -> Option<usize> {
    use crate::bytes::equal_to;
    if text.len() <= SHORT_TEXT {
        let mut words = text.chunks_exact(8);
        for (k, word) in words.by_ref().enumerate() {
            let word = u64::from_le_bytes(word.try_into().expect("8 bytes"));
            let found = equal_to(word, b'&')
                | equal_to(word, b'<')
                | equal_to(word, b'>')
                | equal_to(word, b'"')
                | equal_to(word, b'\'');
            if found != 0 {
                return Some(8 * k + (found.trailing_zeros() / 8) as usize);
            }
        }
        let tail = words.remainder();
        let at = text.len() - tail.len();
        return tail.iter().position(|&b| ESCAPED[usize::from(b)]).map(|i| at + i);
    }
    let markup = memchr::memchr3(b'&', b'<', b'>', text);
    let before = &text[..markup.unwrap_or(text.len())];
    memchr::memchr2(b'"', b'\'', before).or(markup)
}

/// The template functions and filters that read interface strings: `t()`, `stat()`, `number`.
fn register_strings(env: &mut Environment<'static>, site: &Site, strings: &Arc<Strings>, locale: &str) {
    env.add_global(
        "t",
        Value::from_object(Translate {
            strings: strings.clone(),
            locale: locale.to_owned(),
        }),
    );
    let (s, l, stats) = (strings.clone(), locale.to_owned(), site.stats.clone());
    env.add_function("stat", move |kwargs: Kwargs| statistics::stat(&stats, &s, &l, &kwargs));
    let (s, l) = (strings.clone(), locale.to_owned());
    env.add_filter(
        "number",
        move |n: f64, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let decimals: Option<usize> = kwargs.get("decimals")?;
            Ok(s.format_number(&l, n, decimals.unwrap_or(0)))
        },
    );
}

/// The template function `cached`: `cached("footer.html")` or `cached("nav.html", here=…)` is
/// the template rendered with the locale's shared context (`site`, `lang`, `nav`,
/// `live_reload`: see [`Renderer::frame_context`]) and the named arguments given, once per
/// locale and set of arguments, then shown again as it is (Hugo's `partialCached`): an argument
/// should take few values, or the template is made as often as without `cached`. It is for what many pages show
/// alike, such as the footer: nothing else of a page reaches it, so it cannot show one page's
/// values on another. The strings it read are noted again wherever it is shown, so `serve`
/// makes those pages again when one of them changes.
struct Cached {
    /// The locale's shared context.
    frame: Vec<(&'static str, Value)>,
    /// What was made, by template name and arguments ([`Cached::key`]).
    made: std::sync::RwLock<rustc_hash::FxHashMap<String, Made>>,
}

/// A template made by [`Cached`], with what it read, and minified once if it can be
/// ([`crate::minify::Fragment`]).
struct Made {
    html: Value,
    reads: Vec<crate::reads::Read>,
    fragment: Option<Arc<crate::minify::Fragment>>,
}

impl Made {
    /// Its HTML, given to a template: noted as given on this thread, so that the page's writer
    /// knows it when it is written ([`Landing`]).
    fn give(&self) -> Value {
        if let Some(fragment) = &self.fragment {
            GIVEN.with_borrow_mut(|given| {
                if !given.iter().any(|(f, _)| Arc::ptr_eq(f, fragment)) {
                    given.push((fragment.clone(), self.html.clone()));
                }
            });
        }
        self.html.clone()
    }
}

thread_local! {
    /// The templates `cached` is making on this thread, innermost last: one that asks for
    /// itself is an error, not an endless loop.
    static MAKING: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl std::fmt::Debug for Cached {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("cached (templates made once per locale)")
    }
}

impl Cached {
    /// What is made once: template `name` with the arguments `args` (in name order).
    fn key(name: &str, args: &[(&str, Value)]) -> String {
        use std::fmt::Write;
        let mut key = name.to_owned();
        for (arg, value) in args {
            // Debug output quotes texts, so `"1"` and `1` differ.
            let _ = write!(key, "\u{1f}{arg}={value:?}");
        }
        key
    }

    /// Renders template `name` with the shared context and `args`.
    fn make(&self, state: &State, name: &str, args: &[(&str, Value)]) -> Result<Made, minijinja::Error> {
        let making = MAKING.with_borrow(|m| m.iter().any(|n| n == name));
        if making {
            return Err(template_error(format!(
                "`cached(\"{name}\")` is called while `{name}` is being made: a template cannot show itself"
            )));
        }
        let mut context: BTreeMap<String, Value> =
            self.frame.iter().map(|(n, v)| ((*n).to_owned(), v.clone())).collect();
        context.extend(args.iter().map(|(n, v)| ((*n).to_owned(), v.clone())));
        MAKING.with_borrow_mut(|m| m.push(name.to_owned()));
        let (html, reads) = crate::reads::record(|| {
            state
                .env()
                .get_template(name)
                .and_then(|t| t.render(Value::from(context)))
        });
        MAKING.with_borrow_mut(|m| m.pop());
        let html = html?;
        Ok(Made {
            fragment: crate::minify::Fragment::new(&html).map(Arc::new),
            html: Value::from_safe_string(html),
            reads: reads.into_iter().collect(),
        })
    }
}

impl minijinja::value::Object for Cached {
    fn call(self: &Arc<Self>, state: &mut State<'_, '_>, args: &[Value]) -> Result<Value, minijinja::Error> {
        let (name, kwargs): (&str, Kwargs) = minijinja::value::from_args(args)?;
        let mut args: Vec<(&str, Value)> = kwargs
            .args()
            .map(|n| Ok((n, kwargs.peek(n)?)))
            .collect::<Result<_, minijinja::Error>>()?;
        args.sort_unstable_by_key(|(n, _)| *n);
        let key = Cached::key(name, &args);
        if let Some(made) = self.made.read().unwrap_or_else(|e| e.into_inner()).get(&key) {
            for read in &made.reads {
                crate::reads::note_read(read);
            }
            return Ok(made.give());
        }
        // Made without holding the lock: the template may itself call `cached`. Two threads
        // may make the same one at once; both make the same HTML.
        let made = self.make(state, name, &args)?;
        let html = made.give();
        self.made.write().unwrap_or_else(|e| e.into_inner()).insert(key, made);
        Ok(html)
    }
}

/// Registers `cached` in a locale's environment, with nothing made yet: again whenever what
/// was made could have changed (new interface strings).
fn register_cached(env: &mut Environment<'static>, frame: &Context) {
    env.add_global(
        "cached",
        Value::from_object(Cached {
            frame: frame.values.iter().map(|(n, v)| (*n, v.clone())).collect(),
            made: Default::default(),
        }),
    );
}

/// `| safe`: the value as HTML to show as it is. A string already marked safe (a page's
/// Markdown, thousands of bytes) is passed on as it is; minijinja's own filter would copy it
/// twice.
fn safe(value: Value) -> Result<Value, minijinja::Error> {
    if value.is_safe() {
        return Ok(value);
    }
    let text = <String as minijinja::value::ArgType>::from_value(Some(&value))?;
    Ok(Value::from_safe_string(text))
}

/// `text | truncate(length=180)`: at most `length` graphemes (default 255), then `end`
/// (default "…"); it stops reading the text at `length` instead of splitting all of it.
fn truncate(text: &str, kwargs: Kwargs) -> Result<Value, minijinja::Error> {
    let length: Option<usize> = kwargs
        .get("length")
        .map_err(|_| template_error("`truncate`: `length` must be a whole number"))?;
    let end: Option<&str> = kwargs
        .get("end")
        .map_err(|_| template_error("`truncate`: `end` must be text"))?;
    kwargs.assert_all_used()?;
    let length = length.unwrap_or(255);
    // Every grapheme takes at least one byte.
    if text.len() <= length {
        return Ok(Value::from(text));
    }
    Ok(match grapheme_start(text, length) {
        Some(cut) => Value::from(format!("{}{}", &text[..cut], end.unwrap_or("…"))),
        None => Value::from(text),
    })
}

/// Where grapheme number `n` (from 0) of `text` starts, if it has that many. Text of Latin and
/// Cyrillic letters, digits and punctuation, with no combining marks, has one grapheme per
/// character; only other text is split into graphemes.
fn grapheme_start(text: &str, n: usize) -> Option<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    // Characters that are a grapheme of their own next to one another (Unicode's
    // Grapheme_Cluster_Break is Other or Control), except `\r`, which joins a following `\n`.
    let alone = |c: char| {
        (c < '\u{300}' && c != '\r')
            || ('\u{400}'..='\u{482}').contains(&c)
            || ('\u{48a}'..='\u{52f}').contains(&c)
            || ('\u{2010}'..='\u{2027}').contains(&c)
    };
    for (count, (at, c)) in text.char_indices().enumerate() {
        if !alone(c) {
            return text.grapheme_indices(true).nth(n).map(|(at, _)| at);
        }
        if count == n {
            return Some(at);
        }
    }
    None
}

/// A template error as one line: what went wrong, where the template's `source` is given the
/// expression at fault, and the causes it wraps (the template and line are given beside it).
fn describe(e: &minijinja::Error, source: Option<&str>) -> String {
    let mut message = e.kind().to_string();
    if let Some(expression) = source.zip(e.range()).and_then(|(text, range)| text.get(range)) {
        message.push_str(&format!(" in `{expression}`"));
    }
    if let Some(detail) = e.detail() {
        message.push_str(": ");
        message.push_str(detail);
    }
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::{Context, Kwargs, Value, escape_into, truncate};

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, text).unwrap();
        out
    }

    proptest::proptest! {
        /// Every date, from before year 0 to after 9999, is written as chrono writes it.
        #[test]
        fn iso_dates_read_as_chrono_writes_them(days in -4_000_000i32..4_000_000) {
            let date = chrono::NaiveDate::from_num_days_from_ce_opt(days).expect("within chrono's range");
            proptest::prop_assert_eq!(super::iso_date(date), date.to_string());
        }
    }

    #[test]
    fn truncate_counts_graphemes() {
        let args = |n: usize| Kwargs::from_iter([("length", Value::from(n))]);
        let text = "Жртве трговине";
        assert_eq!(truncate(text, args(5)).unwrap().to_string(), "Жртве…");
        assert_eq!(truncate(text, args(14)).unwrap().to_string(), "Жртве трговине");
        assert_eq!(truncate(text, args(13)).unwrap().to_string(), "Жртве трговин…");
        // "e" with a combining acute is one grapheme.
        assert_eq!(truncate("e\u{301}ab", args(1)).unwrap().to_string(), "e\u{301}…");
        let end = Kwargs::from_iter([("length", Value::from(1)), ("end", Value::from(""))]);
        assert_eq!(truncate("ab", end).unwrap().to_string(), "a");
        let wrong = Kwargs::from_iter([("length", Value::from("many"))]);
        assert!(truncate("ab", wrong).is_err());
    }

    proptest::proptest! {
        #[test]
        fn graphemes_start_where_unicode_segmentation_says(
            text in "[a-zčćž ЖжЉљ.,\r\n\u{301}\u{483}\u{200d}\u{1F1F7}\u{1F1F8}\u{AC00}\u{1161}é-]{0,24}",
            n in 0usize..26,
        ) {
            use unicode_segmentation::UnicodeSegmentation;
            let expected = text.grapheme_indices(true).nth(n).map(|(at, _)| at);
            proptest::prop_assert_eq!(super::grapheme_start(&text, n), expected);
        }
    }

    #[test]
    fn contexts_fingerprint_alike_only_when_templates_see_the_same() {
        let context = |pairs: &[(&'static str, serde_json::Value)]| {
            let mut c = Context::fingerprinted();
            for (name, value) in pairs {
                c.insert(name, value);
            }
            c.fingerprint().expect("a fingerprinted context")
        };
        use serde_json::json;
        let page = json!({"title": "Жртве", "toc": [{"id": "a", "level": 2}], "count": 1});
        assert_eq!(context(&[("page", page.clone())]), context(&[("page", page.clone())]));
        let differ = [
            json!({"title": "Жртве ", "toc": [{"id": "a", "level": 2}], "count": 1}),
            json!({"title": "Жртве", "toc": [{"id": "a", "level": 3}], "count": 1}),
            json!({"title": "Жртве", "toc": [{"id": "a", "level": 2}], "count": 1.0}),
            json!({"title": "Жртве", "toc": [[{"id": "a", "level": 2}]], "count": 1}),
            json!({"title": "Жртве", "toc": [{"id": "a", "level": 2}, {}], "count": 1}),
            json!({"title": "Жртве", "toc": [{"id": "a", "level": 2}], "count": "1"}),
            json!({"title": "Жртве", "toc": [{"id": "a", "level": 2}], "count": true}),
            json!({"title": "Жртве", "toc": [{"id": "a", "level": 2}], "count": null}),
        ];
        for other in differ {
            assert_ne!(
                context(&[("page", page.clone())]),
                context(&[("page", other.clone())]),
                "{other}"
            );
        }
        // Lists are ended, so where one stops is part of what is hashed.
        assert_ne!(
            context(&[("a", json!([["x"], "y"]))]),
            context(&[("a", json!([["x", "y"]]))])
        );
        assert_ne!(context(&[("page", page.clone())]), context(&[("other", page)]));

        // Views with the same values in fields of other names read differently in templates.
        #[derive(serde::Serialize)]
        struct Titled {
            title: &'static str,
        }
        #[derive(serde::Serialize)]
        struct Named {
            name: &'static str,
        }
        let mut titled = Context::fingerprinted();
        titled.insert("page", &Titled { title: "Жртве" });
        let mut named = Context::fingerprinted();
        named.insert("page", &Named { name: "Жртве" });
        assert_ne!(titled.fingerprint(), named.fingerprint());
        // What goes into a context that was not made to be fingerprinted is not hashed.
        assert_eq!(titled.unfingerprinted().fingerprint(), None);
    }

    #[test]
    fn markup_is_escaped_and_everything_else_kept() {
        assert_eq!(
            escaped("Жртве & <b>\"x\"</b> 'y' /a/b/"),
            "Жртве &amp; &lt;b&gt;&quot;x&quot;&lt;/b&gt; &#39;y&#39; /a/b/"
        );
        assert_eq!(escaped(""), "");
        assert_eq!(escaped("&"), "&amp;");
    }

    proptest::proptest! {
        /// Escaping by runs reads like escaping one character at a time, in text shorter and
        /// longer than [`super::SHORT_TEXT`].
        #[test]
        fn escaping_by_runs_reads_like_escaping_each_character(text in "[a-zЖ&<>\"' /]{0,100}") {
            let by_char: String = text
                .chars()
                .map(|c| match c {
                    '&' => "&amp;".to_owned(),
                    '<' => "&lt;".to_owned(),
                    '>' => "&gt;".to_owned(),
                    '"' => "&quot;".to_owned(),
                    '\'' => "&#39;".to_owned(),
                    c => c.to_string(),
                })
                .collect();
            proptest::prop_assert_eq!(escaped(&text), by_char);
        }
    }
}
