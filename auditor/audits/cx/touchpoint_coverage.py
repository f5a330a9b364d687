from auditor.audits.base import Meta, SiteAudit

ALWAYS = ("contact", "privacy")
FOR_SHOPS = ("returns", "shipping", "terms")  # what a buyer checks before paying
RECOMMENDED = ("faq",)
# A documentation site's readers need a way to ask (a contact or support page, an
# e-mail address, or the project's issue tracker, forum or chat, often off the site);
# a privacy page only once it collects data, which the crawl cannot see.
HELP = "help"
CHANNELS = ("email", "phone", "whatsapp")  # site.contacts kinds a visitor reaches the site by


class TouchpointCoverage(SiteAudit):
    meta = Meta(
        id="touchpoint-coverage",
        title="The site has the touchpoints visitors look for",
        failure_title="Missing customer touchpoints (contact, privacy, returns, shipping...)",
        description="Visitors look for a way to reach the business, its privacy policy and, on a shop, the returns,"
                    " shipping and terms before they buy. A missing page is a question nobody answers.",
        category="cx",
        impact="serious",
        required_artifacts=("site.touchpoints", "site.site_kind", "site.start_urls", "site.visitor_redirects",
                            "site.status", "site.contacts", "site.help_links"),
        help_url="https://developers.google.com/search/docs/fundamentals/creating-helpful-content",
        seo_outcome="Quality raters look for who runs a site and how to reach its customer service; shops without"
                    " contact, returns or policy pages are judged less trustworthy (Google Search Quality Rater"
                    " Guidelines: customer service information; Google Search Central: creating helpful content).",
        cx_outcome="A visitor with a question about delivery, returns or their data finds no answer and leaves"
                   " or never buys; a buyer with a problem after the sale cannot reach anyone.",
        journey=("decision", "loyalty"),
        effort="medium",
        messages={
            "missing": "No {kind} page was found; every site needs one.",
            "missing-for-shop": "No {kind} page was found, yet the site sells (\u201c{signal}\u201d on {evidence}).",
            "recommended": "No {kind} page was found; one page answering common questions saves visitors a message.",
            "missing-help": "Readers have no way to ask for help: no contact or support page, no e-mail address and"
                            " no link to an issue tracker, forum or chat.",
            "privacy-if-collecting": "No privacy page was found; a documentation site needs one once it sets"
                                     " cookies, runs analytics or takes sign-ups.",
        },
        impacts={"privacy-if-collecting": "minor"},
        how_to_fix="Publish the missing pages and link them from the footer of every page, with titles and link"
                   " texts that say what they are (\u201cاتصل بنا\u201d, \u201cسياسة الاسترجاع\u201d, \u201cContact us\u201d,"
                   " \u201cReturns\u201d).",
        weight=3,
    )

    def expected(self, site) -> list[str]:
        kind = site.site_kind["kind"]
        if kind == "documentation":
            return [HELP, *RECOMMENDED]
        return [*ALWAYS, *(FOR_SHOPS if kind == "shop" else ()), *RECOMMENDED]

    def check_site(self, site):
        home = site.home
        if site.site_kind["kind"] == "documentation":
            if not _has(site, HELP):
                yield self.finding(home, "missing-help")
            if not _has(site, "privacy"):
                yield self.finding(home, "privacy-if-collecting", kind="privacy")
        else:
            for kind in ALWAYS:
                if not _has(site, kind):
                    yield self.finding(home, "missing", kind=kind)
        if site.site_kind["kind"] == "shop":  # from several signals: one word does not make a shop
            first = site.site_kind["signals"][0]
            for kind in FOR_SHOPS:
                if not _has(site, kind):
                    yield self.finding(home, "missing-for-shop", kind=kind, signal=first["value"], evidence=first["url"])
        for kind in RECOMMENDED:
            if not _has(site, kind):
                yield self.finding(home, "recommended", kind=kind)

    def site_score(self, site, findings):
        # the share of the expected touchpoints the site has
        expected = self.expected(site)
        return round(sum(1 for kind in expected if _has(site, kind)) / len(expected), 3)


def _has(site, kind: str) -> bool:
    if kind == HELP:
        return bool(site.help_links or any(site.touchpoints.get(k) for k in ("contact", "support"))
                    or any(site.contacts.get(k) for k in CHANNELS))
    if kind == "contact" and _about_gives_a_channel(site):
        return True
    return bool(site.touchpoints.get(kind))


def _about_gives_a_channel(site) -> bool:
    """An about page showing a phone or WhatsApp number or an e-mail address: where visitors
    look for who runs the site, they find how to reach them (a staff list with addresses)."""
    about = set(site.touchpoints.get("about") or ())
    shown = (value["pages"] for kind in CHANNELS for value in (site.contacts.get(kind) or {}).values())
    return any(about.intersection(pages) for pages in shown)
