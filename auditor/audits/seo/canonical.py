"""Canonical links as Google reads them.

Google Search Central, "How to specify a canonical URL" and "Tell Google about localized
versions of your page": a canonical names the one URL to index; it must answer 200, be
indexable and be its own canonical (no chains); localized versions are not duplicates, so
each language version names itself as canonical, never its twin in another language, and
a page listing itself in hreflang while naming another page canonical sends two opposite
signals. Google Search Central, "What is canonicalization": the same content at several URLs
is a set of duplicates Google picks one of; a folder and its index file (/guide/ and
/guide/index.html), both linked and neither naming a canonical, are such a set; so is a
page and its copy under a query string (/contact.html?product=Forceps showing what
/contact.html shows), and a file served with and without .html (/about/faq.html and
/about/faq, the name fewer pages link to being the copy): what the other audits find on
the copy is the page's own, and they name the copy's missing canonical as its cause.
"""

from urllib.parse import urlsplit

from auditor.audits.base import Audit, Meta
from auditor.audits.examples import ALTERNATES, BASE, alone, make_page, redirect, with_site
from auditor.urls import folder_of_index, same_origin


def _language(tag: str | None) -> str:
    return (tag or "").replace("_", "-").split("-")[0].strip().lower()


class Canonical(Audit):
    meta = Meta(
        id="canonical",
        title="Canonical URLs are valid",
        failure_title="Missing, conflicting or broken canonical URLs",
        description="The canonical link names the one URL a page should be indexed under.",
        category="seo",
        impact="serious",  # Google Search Central, consolidate duplicate URLs: a canonical to another host, an error or a noindex page moves or drops the page from the index
        impacts={
            # Google Search Central, "How to specify a canonical URL": without one, Google
            # picks the canonical itself (Lighthouse's canonical audit does not fail it).
            "missing": "minor",
            # one page under two URLs: links and ranking signals split between them
            "index-alias": "moderate",
            "query-alias": "moderate",
            "html-alias": "moderate",
            # a canonical to another host (a staging copy) hands the page's place in the
            # index to that host: the page itself drops out of search.
            "offsite": "critical",
        },
        required_artifacts=("page.canonicals", "page.hreflang", "page.lang", "site.status", "site.redirects",
                            "site.canonical_of", "site.noindex", "site.lang_of", "site.aliases"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/consolidate-duplicate-urls",
        seo_outcome="A broken or conflicting canonical splits ranking signals between duplicates or drops the page from the index; a canonical to another language drops this language version from search (Google Search Central: canonicalization, localized versions).",
        cx_outcome="Searchers land on the wrong variant of a page, on one that no longer exists, or on a language they do not read.",
        journey=("awareness",),
        effort="small",
        messages={
            "missing": "The page has no canonical link.",
            "index-alias": "The page is reached both at {target} and at this URL, its folder's index file, and names no canonical.",
            "query-alias": "This URL shows the same page as {target}, with a query string added, and names no canonical.",
            "html-alias": "This URL shows the same page as {target}, with .html added or left off, and names no canonical.",
            "conflicting": "The page declares {count} different canonical URLs: {urls}.",
            "offsite": "The canonical points to another site: {target}.",
            "target-status": "The canonical {target} answers {status}.",
            "target-redirects": "The canonical {target} redirects to {final}.",
            "target-noindex": "The canonical {target} is marked noindex: the page asks to be indexed as a page that refuses indexing.",
            "chain": "The canonical {target} names its own canonical {final}: a chain that search engines may not follow.",
            "other-language": "The canonical {target} is in another language ({target_lang}, this page is {lang}): search engines drop this version.",
            "hreflang-conflict": "The page lists itself in hreflang as {code} but names {target} as canonical.",
        },
        how_to_fix="Give every page one <link rel=\"canonical\"> to its own preferred absolute URL, which must answer 200, be indexable and name itself; each language version is its own canonical and links its twins with hreflang.",
        # a copy of another page: what else is found on it is that page's own
        causes_all_on_page=("query-alias", "html-alias"),
    )
    examples = {
        "missing": lambda: alone(canonicals=[]),
        "index-alias": lambda: with_site(make_page("/guide/index.html", canonicals=[]), make_page("/guide/")),
        "query-alias": lambda: with_site(make_page("/contact?product=a", canonicals=[]), make_page("/contact"),
                                         aliases={BASE + "/contact?product=a": BASE + "/contact"}),
        "html-alias": lambda: with_site(make_page("/about.html", canonicals=[]), make_page("/about"),
                                        aliases={BASE + "/about.html": BASE + "/about"}),
        "conflicting": lambda: alone(canonicals=[BASE + "/a", BASE + "/b"]),
        "offsite": lambda: alone(canonicals=["https://other.example/p"]),
        "target-status": lambda: with_site(
            make_page("/p", canonicals=[BASE + "/gone"]), make_page("/gone", status=404)),
        "target-redirects": lambda: with_site(
            make_page("/p", canonicals=[BASE + "/old"]), redirect("/old", "/new"), make_page("/new")),
        "target-noindex": lambda: with_site(
            make_page("/p", canonicals=[BASE + "/q"]), make_page("/q"), noindex={BASE + "/q"}),
        "chain": lambda: with_site(
            make_page("/p", canonicals=[BASE + "/q"]), make_page("/q"), canonical_of={BASE + "/q": BASE + "/r"}),
        "other-language": lambda: with_site(
            make_page("/fa/p", lang="fa", canonicals=[BASE + "/en/p"]), make_page("/en/p", lang="en"),
            lang_of={BASE + "/en/p": "en"}),
        "hreflang-conflict": lambda: with_site(
            make_page("/ar/", canonicals=[BASE + "/"], hreflang=list(ALTERNATES)), make_page("/")),
    }

    def check(self, page, site):
        targets = list(dict.fromkeys(page.canonicals))
        if not targets:
            folder = folder_of_index(page.url)
            if page.url in site.aliases and urlsplit(page.url).query:
                yield self.finding(page, "query-alias", selector="head", target=site.aliases[page.url])
            elif page.url in site.aliases:
                yield self.finding(page, "html-alias", selector="head", target=site.aliases[page.url])
            elif folder and site.status.get(folder) == 200:
                yield self.finding(page, "index-alias", selector="head", target=folder)
            else:
                yield self.finding(page, "missing", selector="head")
            return
        selector = 'link[rel="canonical"]'
        if len(targets) > 1:
            yield self.finding(page, "conflicting", selector=selector, count=len(targets), urls=", ".join(targets))
            return
        target = targets[0]
        if not same_origin(target, page.url):
            yield self.finding(page, "offsite", selector=selector, target=target)
            return
        hops, loop = site.chain(target)
        status = site.status.get(hops[-1])
        if len(hops) > 1 and not loop:
            yield self.finding(page, "target-redirects", selector=selector, target=target, final=hops[-1])
            return
        if target in site.status and (loop or status is None or status >= 400):
            yield self.finding(page, "target-status", selector=selector, target=target,
                               status="a redirect loop" if loop else status or "no response")
            return
        if target == page.url:
            return
        if target in site.noindex:
            yield self.finding(page, "target-noindex", selector=selector, target=target, status=status)
            return
        final = site.canonical_of.get(target)
        if final and final != target:
            yield self.finding(page, "chain", selector=selector, target=target, final=final, status=status)
            return
        yield from self._language(page, site, target, status)

    def _language(self, page, site, target, status):
        lang, target_lang = _language(page.lang), _language(site.lang_of.get(target))
        self_code = next((e["lang"] for e in page.hreflang if e["href"] == page.url), None)
        if lang and target_lang and lang != target_lang:
            yield self.finding(page, "other-language", selector='link[rel="canonical"]', target=target,
                               lang=page.lang, target_lang=site.lang_of.get(target), status=status,
                               hreflang_self=self_code)
        elif self_code:
            yield self.finding(page, "hreflang-conflict", selector='link[rel="canonical"]', target=target,
                               code=self_code, status=status)
