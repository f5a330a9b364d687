import codecs

from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._page import rtl


def _name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return label.strip().lower()


def _known(label: str) -> bool:
    try:
        codecs.lookup(label.strip())
    except LookupError:
        return False
    return True


class Charset(Audit):
    meta = Meta(
        id="charset",
        title="Pages are UTF-8 and say so once",
        failure_title="Missing, conflicting or legacy character encodings",
        description="An Arabic page in windows-1256 or ISO-8859-6, or one whose header and <meta> disagree, "
                    "shows as mojibake wherever a tool guesses differently.",
        category="rtl",
        impact="serious",
        # HTML Living Standard, "Specifying the document's character encoding": several
        # declarations are an error but the first wins; a legacy encoding, declared,
        # displays correctly (W3C, "Choosing & applying a character encoding": prefer UTF-8).
        impacts={"several": "minor", "legacy": "moderate"},
        required_artifacts=("page.facts.rtl.charsets", "page.headers"),
        help_url="https://www.w3.org/International/questions/qa-html-encoding-declarations",
        seo_outcome="Text decoded with the wrong encoding is indexed as garbage and its snippets are unreadable "
                    "(W3C: declaring character encodings in HTML).",
        cx_outcome="Visitors see rows of symbols instead of Arabic and leave at once.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "conflict": "The encoding is declared as {values}.",
            "legacy": "The page is encoded in {encoding}, not UTF-8.",
            "missing": "Neither the Content-Type header nor a <meta charset> declares the encoding.",
            "several": "The document declares its encoding {count} times ({values}): once is allowed.",
            "unknown": "The encoding name «{value}» ({source}) is not one browsers know.",
            "bom-conflict": "The byte-order mark says {bom} but {source} declares {value}.",
        },
        how_to_fix="Save the page as UTF-8, send Content-Type: text/html; charset=utf-8 and put <meta "
                   "charset=\"utf-8\"> first in <head>, once.",
    )

    def check(self, page, site):
        info = rtl(page).get("charsets")
        if info is None:
            return
        declared = [(d["source"], _name(d["value"])) for d in info["declared"] if d.get("value")]
        if info.get("header"):
            declared.append(("header", _name(info["header"])))
        values = {v for _, v in declared}
        # W3C Internationalization Checker: one in-document declaration, with a known name
        # (several that disagree are a conflict, reported below)
        inside = [d for d in info["declared"] if d.get("value")]
        if len(inside) > 1 and len({_name(d["value"]) for d in inside}) == 1:
            yield self.finding(page, "several", selector="head", count=len(inside),
                               values=", ".join(f"{d['value']} ({d['source']})" for d in inside))
        for source, value in [(d["source"], d["value"]) for d in inside] + [("header", info.get("header"))]:
            if value and not _known(value):
                yield self.finding(page, "unknown", value=value, source=source)
        bom = info.get("bom")
        for source, value in declared if bom else ():
            if value != _name(bom) and not (bom.startswith("utf-16") and value == "utf-16"):
                yield self.finding(page, "bom-conflict", bom=bom, source=source, value=value)
        if len(values) > 1:
            yield self.finding(page, "conflict", values=", ".join(f"{v} ({s})" for s, v in declared))
        if not declared:
            yield self.finding(page, "missing", selector="head")
        encoding = _name(info.get("decoded_as"))
        if encoding and encoding not in ("utf-8", "ascii"):
            yield self.finding(page, "legacy", encoding=encoding)
