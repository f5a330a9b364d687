from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone


class HashRouting(Audit):
    meta = Meta(
        id="hash-routing",
        title="Each view of the site has its own URL",
        failure_title="Client routes written after # (one URL to a crawler)",
        description="Everything after # is never sent to the server and is ignored by crawlers: views routed "
                    "as #/path are all one page to a search engine.",
        category="navigation",
        impact="serious",
        required_artifacts=("page.facts.anchors",),
        help_url="https://developers.google.com/search/docs/crawling-indexing/javascript/javascript-seo-basics#use-history-api",
        seo_outcome="The views behind # routes cannot be indexed or ranked on their own "
                    "(Google Search Central: use the History API instead of fragments).",
        cx_outcome="A visitor cannot find these views from search, and a shared link may open the home view instead.",
        journey=("awareness", "consideration"),
        effort="medium",
        messages={
            "hash-routes": "{count} links route after #, e.g. {routes}.",
        },
        how_to_fix="Use the History API (path routes such as /products/3) and have the server answer each route "
                   "with 200 and the app, or render it on the server.",
        weight=2,
    )
    examples = {
        "hash-routes": lambda: alone(facts={"anchors": {"hash_routes": ["#/offers"], "hash_route_count": 1}}),
    }

    def check(self, page, site):
        anchors = page.facts.get("anchors") or {}
        routes = anchors.get("hash_routes", [])
        if routes:
            yield self.finding(page, "hash-routes", count=anchors.get("hash_route_count", len(routes)),
                               routes=", ".join(routes[:5]))
