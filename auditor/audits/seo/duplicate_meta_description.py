from auditor.audits.base import Audit, Meta
from auditor.audits.examples import make_page, with_site
from auditor.audits.seo.placeholder_content import is_placeholder


class DuplicateMetaDescription(Audit):
    meta = Meta(
        id="duplicate-meta-description",
        title="Meta descriptions are unique",
        failure_title="Several pages share one meta description",
        description="A description copied across pages describes none of them well.",
        category="seo",
        impact="minor",
        required_artifacts=("page.meta", "site.description_counts"),
        help_url="https://developers.google.com/search/docs/appearance/snippet#meta-descriptions",
        seo_outcome="Search engines ignore descriptions repeated across pages and build their own snippet (Google Search Central: snippets).",
        cx_outcome="Results for different pages read the same, so searchers cannot pick the right one.",
        journey=("awareness",),
        effort="small",
        messages={"shared": "{count} pages share this meta description: \u201c{description}\u201d"},
        how_to_fix="Write a description for each page, or leave it out where a template cannot make it specific.",
    )
    examples = {
        "shared": lambda: with_site(make_page("/a"), make_page("/b")),
    }

    def check(self, page, site):
        value = page.meta.get("description") or ""
        count = site.description_counts.get(value, 0)
        if value.strip() and count > 1:
            # "Enter your description here" on every page: one cause, the template's placeholder
            cause = ("placeholder-content:text",) if is_placeholder(value) else ()
            yield self.finding(page, "shared", selector='meta[name="description"]', description=value[:160], count=count,
                               follows_from=cause)
