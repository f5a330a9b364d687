from auditor.audits.base import Audit, Meta
from auditor.audits.speed import kib, measured, resources, url_list

MIN_BYTES = 1400  # smaller bodies fit in a packet or two: compression gains nothing worth a finding
COMPRESSED = {"gzip", "br", "zstd", "deflate"}
# gzip typically removes 70% or more of HTML, CSS, JavaScript and JSON; Brotli more.
EXPECTED_SAVING = 0.7


def is_text(mime: str | None) -> bool:
    mime = (mime or "").lower()
    return (mime in ("text/html", "text/css", "image/svg+xml") or "javascript" in mime
            or mime.endswith(("/json", "+json")))


class TextCompression(Audit):
    meta = Meta(
        id="text-compression",
        title="Text files are served compressed",
        failure_title="Text files served without compression",
        description="HTML, CSS, JavaScript, JSON and SVG shrink to a fraction of their size with gzip, Brotli or Zstandard; the server only has to switch it on.",
        category="speed",
        impact="moderate",
        required_artifacts=("page.facts._resources", "page.facts.metrics"),
        help_url="https://developer.chrome.com/docs/lighthouse/performance/uses-text-compression",
        seo_outcome="Uncompressed HTML, CSS and JS slow First and Largest Contentful Paint (LCP is a Core Web Vitals page experience signal) and cost Googlebot more bytes per page crawled (Google Search Central: Core Web Vitals; crawl budget).",
        cx_outcome="Every page takes longer on mobile networks, so visitors from search wait longer before they can read or act.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "uncompressed": "{count} text responses ({total_kib} KiB) are served without compression: {urls}; compression would save about {saving_kib} KiB.",
        },
        how_to_fix="Turn on Brotli or gzip for text types in the web server or CDN (for example nginx gzip on with gzip_types, or Apache mod_deflate), and check that no proxy strips Content-Encoding.",
        weight=1,
    )

    def applies(self, page, site):
        return measured(page)

    def check(self, page, site):
        found = []
        for res in resources(page):
            size = res.get("decoded_bytes") or res.get("transfer_bytes") or 0
            encodings = {e.strip().lower() for e in (res.get("content_encoding") or "").split(",")}
            if (res.get("status") == 200 and not res.get("failed") and is_text(res.get("mime"))
                    and size > MIN_BYTES and not encodings & COMPRESSED):
                found.append({"url": res["url"], "mime": res.get("mime"), "bytes": size})
        if not found:
            return
        total = sum(r["bytes"] for r in found)
        saving = total * EXPECTED_SAVING
        yield self.finding(page, "uncompressed", count=len(found), total_kib=kib(total), urls=url_list([r["url"] for r in found]),
                           saving_bytes=round(saving), saving_kib=kib(saving), resources=found)
