from auditor.audits.base import Meta
from auditor.audits.speed import KIB, MetricAudit, kib, resources, short

MAX_LISTED = 5


class TotalByteWeight(MetricAudit):
    # Lighthouse's reference: aim under 1,600 KiB, what a slow mobile connection
    # downloads in a usable time; its page-weight score reaches its median at 4,000 KiB.
    metric, good, poor, unit = "transfer_bytes", 1600 * KIB, 4000 * KIB, "bytes"
    meta = Meta(
        id="total-byte-weight",
        title="Pages are light enough for mobile networks",
        failure_title="Heavy pages",
        description="Everything a page downloads on load, in bytes on the wire. Thresholds follow Lighthouse: 1,600 KiB is the target, 4,000 KiB is poor.",
        category="speed",
        impact="moderate",
        required_artifacts=("page.facts.metrics", "page.facts._resources"),
        help_url="https://developer.chrome.com/docs/lighthouse/performance/total-byte-weight",
        seo_outcome="Heavy pages load late on mobile, hurting Largest Contentful Paint (a Core Web Vitals page experience signal), and cost Googlebot more fetching per page, which lowers crawl efficiency on large sites (Google Search Central: Core Web Vitals; crawl budget).",
        cx_outcome="On mobile data the page crawls in and eats into the visitor's plan; visitors from search leave before it is usable.",
        journey=("awareness", "consideration"),
        effort="medium",
        messages={
            "heavy": "The page downloads {value_kib} KiB, {rating} (good \u2264 {good_kib} KiB, poor > {poor_kib} KiB); heaviest: {heaviest}.",
        },
        how_to_fix="Start with the heaviest files listed: compress and resize images (WebP or AVIF), lazy-load images below the first screen, remove unused scripts and third-party tags, and compress text files.",
        weight=1,
    )

    def check(self, page, site):
        data = self.judged(page)
        if data is None:
            return
        heaviest = sorted(resources(page), key=lambda r: -(r.get("transfer_bytes") or 0))[:MAX_LISTED]
        listed = [{"url": r["url"], "type": r.get("type"), "bytes": r.get("transfer_bytes") or 0} for r in heaviest]
        text = ", ".join(f"{short(r['url'])} ({kib(r['bytes'])} KiB)" for r in listed) or "no resources recorded"
        yield self.finding(page, "heavy", value_kib=kib(data["value"]), good_kib=kib(self.good),
                           poor_kib=kib(self.poor), heaviest=text, resources=listed, **data)
