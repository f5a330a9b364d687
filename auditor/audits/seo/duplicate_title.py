from auditor.audits.base import Audit, Meta
from auditor.audits.examples import make_page, with_site
from auditor.audits.seo.placeholder_content import is_placeholder


class DuplicateTitle(Audit):
    meta = Meta(
        id="duplicate-title",
        title="Page titles are unique",
        failure_title="Several pages share one title",
        description="Pages with the same title compete with each other and look identical in results.",
        category="seo",
        impact="moderate",
        required_artifacts=("page.title", "site.title_counts"),
        help_url="https://developers.google.com/search/docs/appearance/title-link#page-titles",
        seo_outcome="Duplicate titles blur which page should rank for a query and can make search engines rewrite the title link (Google Search Central: title links).",
        cx_outcome="Visitors comparing results or tabs cannot tell the pages apart.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={"shared": "{count} pages share the title \u201c{title}\u201d."},
        how_to_fix="Make each title describe what is unique to its page (product name, category, page number).",
        weight=2,
    )
    examples = {
        "shared": lambda: with_site(make_page("/a"), make_page("/b")),
    }

    def check(self, page, site):
        count = site.title_counts.get(page.title or "", 0)
        if count > 1:
            cause = ("placeholder-content:text",) if is_placeholder(page.title or "") else ()
            yield self.finding(page, "shared", selector="title", title=page.title, count=count, follows_from=cause)
