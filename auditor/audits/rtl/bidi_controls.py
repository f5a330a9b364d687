from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._page import rtl

EMBEDDINGS = ("LRE", "RLE", "PDF", "LRO", "RLO")
ISOLATES = ("LRI", "RLI", "FSI", "PDI")


def _names(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} x{count}" for name, count in sorted(counts.items()))


class BidiControls(Audit):
    meta = Meta(
        id="bidi-controls",
        title="No raw bidi formatting characters or invented entities",
        failure_title="Bidi control characters or invented bidi entities in the text",
        description="Invisible embedding and override characters (U+202A-E) leak past their paragraph when "
                    "unbalanced and are invisible to editors; markup (dir, <bdi>, <bdo>) does the same job visibly. "
                    "Entities such as &rle; do not exist in HTML and show as text.",
        category="rtl",
        impact="moderate",
        required_artifacts=("page.facts.rtl",),
        help_url="https://www.w3.org/International/questions/qa-bidi-unicode-controls",
        seo_outcome="Invisible controls end up in titles, snippets and copied URLs and break matching of the "
                    "text people search for (W3C: how to use Unicode controls for bidi text).",
        cx_outcome="Text that reorders unpredictably or shows \"&rle;\" on screen looks broken.",
        journey=("consideration",),
        effort="small",
        messages={
            "embedding-controls": "{count} embedding/override control characters ({chars}) in the text: use dir or <bdo>.",
            "isolate-controls": "{count} isolate control characters ({chars}) in the text: prefer <bdi> or dir.",
            "unbalanced": "Unbalanced bidi controls ({open} left open) in {selector}: {snippet}",
            "invented-entity": "{entity} is not an HTML entity: it shows as text.",
        },
        how_to_fix="Replace the control characters with markup (dir=\"rtl\"/\"ltr\", <bdi>, <bdo dir>); where a mark "
                   "is needed use &rlm; or &lrm;, the only bidi entities HTML has.",
    )

    def applies(self, page, site):
        return page.ok_html and bool(rtl(page).get("checked"))

    def check(self, page, site):
        facts = rtl(page)
        chars = (facts.get("controls") or {}).get("chars") or {}
        embeddings = {n: chars[n] for n in EMBEDDINGS if chars.get(n)}
        if embeddings:
            yield self.finding(page, "embedding-controls", count=sum(embeddings.values()), chars=_names(embeddings))
        isolates = {n: chars[n] for n in ISOLATES if chars.get(n)}
        if isolates:
            yield self.finding(page, "isolate-controls", count=sum(isolates.values()), chars=_names(isolates))
        for item in (facts.get("controls") or {}).get("unbalanced", ()):
            yield self.finding(page, "unbalanced", selector=item["selector"], snippet=item["snippet"],
                               open=item["open"])
        for entity in facts.get("invented_entities", ()):
            yield self.finding(page, "invented-entity", snippet=entity, entity=entity)
