"""Links whose text says nothing about where they lead.

Lighthouse's SEO audit "Links do not have descriptive text" lists generic link texts
(https://developer.chrome.com/docs/lighthouse/seo/link-text); Google Search Central
asks for anchor text that tells the reader and Google about the page linked to
(https://developers.google.com/search/docs/crawling-indexing/links-crawlable#anchor-text).
The same phrases in Arabic are listed here, and a bare URL shown as the text is
reported too (it tells the name of a page, not what it holds).
"""

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from auditor.audits.base import Audit, Meta
from auditor.audits.examples import BASE, alone
from auditor.model import Link
from auditor.text.scripts import strip_marks

GENERIC_EN = {
    "click here", "click this", "go", "here", "information", "learn more", "more", "more info",
    "more information", "right here", "read more", "see more", "start", "this", "link", "details",
    "continue", "continue reading", "this page", "this link", "click", "tap here", "find out more",
}
GENERIC_AR = {
    "اضغط هنا", "انقر هنا", "اضغط", "انقر", "هنا", "المزيد", "للمزيد", "اقرا المزيد", "اقرا اكثر",
    "المزيد من المعلومات", "لمزيد من المعلومات", "اعرف المزيد", "التفاصيل", "تفاصيل", "تابع القراءة",
    "اكمل القراءة", "اضغط هنا للمزيد", "شاهد المزيد", "عرض المزيد", "الرابط", "هذا الرابط",
}
BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_EDGES = " \t\n.:;,!?…»«›‹>→←-–—|()[]\"'"
_ALEF = str.maketrans("أإآٱ", "اااا")


@lru_cache(maxsize=4096)  # the menus' and footers' link texts repeat on every page
def normalize(text: str) -> str:
    """Lower case, marks, tatweel and alef forms folded, edge punctuation and arrows dropped."""
    text = strip_marks(" ".join(text.split())).translate(_ALEF).lower()
    return text.strip(_EDGES)


def names_its_target(text: str, href: str) -> bool:
    """Whether the text is the name of the page it leads to: "Go" to go.html is the Go
    language's page in a list of languages, not a generic "go"."""
    name = urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return normalize(unquote(name).replace("-", " ").replace("_", " ")) == text


class LinkText(Audit):
    meta = Meta(
        id="link-text",
        title="Links say where they lead",
        failure_title="Links whose text says nothing",
        description="\"Click here\", \"read more\", \"اضغط هنا\" or \"المزيد\" tell neither the reader nor a "
                    "search engine what the linked page holds.",
        category="seo",
        impact="moderate",
        required_artifacts=("page.links",),
        help_url="https://developer.chrome.com/docs/lighthouse/seo/link-text",
        seo_outcome="Anchor text is how search engines learn what a linked page is about; generic text passes "
                    "no relevance to it (Google Search Central: anchor text; Lighthouse: link text).",
        cx_outcome="Readers scanning a page, and screen-reader users listing its links, meet ten \"read more\" "
                   "and cannot tell which one they want.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "generic": "Links with the text «{text}» ({count} on the page) say nothing of where they lead (first: {target}).",
            "bare-url": "The link text is the bare address «{text}»: say what the page holds.",
        },
        how_to_fix="Write link text that names the destination (\"Shipping and returns\", \"سياسة الاسترجاع\"); "
                   "for a \"read more\" after a teaser, use the article's title.",
    )
    examples = {
        "generic": lambda: alone(links=[Link(BASE + "/a", "Read more")]),
        "bare-url": lambda: alone(links=[Link(BASE + "/a", "https://shop.example/a")]),
    }

    def check(self, page, site):
        generic: dict[str, list] = {}
        for link in page.links:
            if link.kind not in ("a", "area") or not link.text.strip():
                continue
            text = normalize(link.text)
            if (text in GENERIC_EN or text in GENERIC_AR) and not names_its_target(text, link.href):
                generic.setdefault(text, []).append(link)
            elif BARE_URL.match(link.text.strip()):
                yield self.finding(page, "bare-url", selector="a", text=link.text.strip(), target=link.href)
        for links in generic.values():
            shown = " ".join(links[0].text.split())
            yield self.finding(page, "generic", selector="a", text=shown, count=len(links), target=links[0].href,
                               hrefs=list(dict.fromkeys(link.href for link in links))[:10])
