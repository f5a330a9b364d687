from auditor.audits.base import Audit, Meta
from auditor.audits.examples import JS_RENDERED, alone

LABELS = {"title": "title", "description": "meta description", "canonical": "canonical", "robots": "meta robots",
          "hreflang": "hreflang", "h1": "h1"}


def _shown(value) -> str:
    if value in (None, "", []):
        return "(none)"
    return " | ".join(value) if isinstance(value, list) else str(value)


class RenderedHeadChanged(Audit):
    meta = Meta(
        id="rendered-head-changed",
        title="Scripts leave the page's head tags as the server sent them",
        failure_title="Scripts change the title, description, canonical, robots or hreflang",
        description="Google indexes the rendered page; every other crawler, social preview and AI engine reads "
                    "the HTML. When scripts change these tags the two disagree about what the page is.",
        category="seo",
        impact="serious",
        required_artifacts=("page.facts.js", "page.title", "page.meta", "page.canonicals", "page.headings", "page.hreflang"),
        help_url="https://developers.google.com/search/docs/crawling-indexing/javascript/javascript-seo-basics"
                 "#use-meta-robots-tags-carefully",
        seo_outcome="A noindex or canonical changed by scripts may be seen or missed depending on the crawler; "
                    "a title or description set by scripts is missing for crawlers that do not render "
                    "(Google Search Central: JavaScript SEO basics).",
        cx_outcome="Search results and shared links show a different title and description than the page itself.",
        journey=("awareness",),
        effort="medium",
        messages={
            "changed": "Scripts change {tags}: the HTML says {before}, a browser shows {after}.",
        },
        how_to_fix="Put the final title, description, canonical, robots and hreflang in the HTML the server sends.",
        weight=2,
        # A page whose text scripts write (an app's empty shell) gets its head and heading from them
        # too: one cause, fixed by rendering the page on the server.
        root_causes=("js-only-content:scripted",),
    )
    examples = {
        "changed": lambda: alone(facts={"js": dict(JS_RENDERED)}),
    }

    def applies(self, page, site):  # judged only where the page was rendered while crawling
        return super().applies(page, site) and bool((page.facts.get("js") or {}).get("rendered"))

    def check(self, page, site):
        js = page.facts.get("js") or {}
        changed = js.get("head_changed") or []
        if not (js.get("rendered") and changed):
            return
        html = js.get("html", {})
        now = page.head_tags()
        first = changed[0]
        yield self.finding(page, "changed", tags=", ".join(LABELS.get(t, t) for t in changed),
                           before=_shown(html.get(first))[:200], after=_shown(now.get(first))[:200],
                           differences={t: {"html": html.get(t), "rendered": now.get(t)} for t in changed})
