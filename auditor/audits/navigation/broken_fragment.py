from urllib.parse import unquote

from auditor.audits.base import Audit, Meta
from auditor.audits.examples import BASE, alone, make_page, with_site


class BrokenFragment(Audit):
    meta = Meta(
        id="broken-fragment",
        title="Links to a section find it",
        failure_title="Links to a section (#fragment) that the page does not have",
        description="A link to page#section scrolls to the element with that id. When no element has it, "
                    "the browser stays at the top of the page and the visitor has to look for the section.",
        category="navigation",
        impact="moderate",
        required_artifacts=("page.facts.fragments", "site.fragment_ids", "page.final_url", "site.redirects"),
        help_url="https://html.spec.whatwg.org/multipage/browsing-the-web.html#find-a-potential-indicated-element",
        seo_outcome="Search engines show and follow links to sections (jump links in results); a fragment "
                    "with no target sends them and the searcher to the top of a long page (Google Search "
                    "Central: links with fragments).",
        cx_outcome="Tables of contents, \"see section\" links and FAQ links land at the top of the page: the "
                   "visitor scrolls, searches, or gives up on the answer.",
        journey=("consideration", "loyalty"),
        effort="small",
        messages={
            "same-page": "The link «{text}» points to #{fragment}, but no element on this page has id=\"{fragment}\".",
            "other-page": "The link «{text}» points to {target}#{fragment}, but no element on that page has "
                          "id=\"{fragment}\".",
        },
        how_to_fix="Give the section the id the link names (or an <a name>), or change the link to the id the "
                   "section has now (headings renamed by a site generator get new ids).",
    )
    examples = {
        "same-page": lambda: alone(facts={"fragments": {"ids": ["a"], "links": [[BASE + "/p", "b", "B"]]}}),
        "other-page": lambda: with_site(
            make_page("/p", facts={"fragments": {"ids": [], "links": [[BASE + "/q", "b", "B"]]}}),
            fragment_ids={BASE + "/q": frozenset({"a"})}),
    }

    def check(self, page, site):
        """The indicated element is the one whose id is the fragment, as written or
        percent-decoded, or an <a> of that name (HTML, "find a potential indicated element").
        A page whose scripts change it when its address's fragment changes (seen while it
        was rendered) shows a view for each fragment: its fragments are not checked."""
        facts = page.facts.get("fragments") or {}
        own = {page.url, page.final_url}
        for target, fragment, text in facts.get("links") or ():
            same = target in own
            if same and facts.get("routed"):
                continue  # its scripts show a view for each fragment (#hello-world): no section to find
            if same:
                ids = facts.get("ids") or ()
            else:
                hops, loop = site.chain(target)
                ids = None if loop else site.fragment_ids.get(hops[-1])
                if ids is None:
                    continue  # not a page of the site that was read: nothing to compare with
            if fragment in ids or unquote(fragment) in ids:
                continue
            if same:
                yield self.finding(page, "same-page", selector=f'a[href$="#{fragment}"]', fragment=fragment,
                                   text=text)
            else:
                yield self.finding(page, "other-page", selector=f'a[href$="#{fragment}"]', target=target,
                                   fragment=fragment, text=text)
