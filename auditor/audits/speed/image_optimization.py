from urllib.parse import urlsplit

from auditor.audits.base import Audit, Meta
from auditor.audits.speed import (
    DEVICE_PIXEL_RATIO,
    KIB,
    images,
    kib,
    measured,
    profile_name,
    resources,
    short,
)

OVERSIZE = 1.5  # natural size over displayed device pixels, in both dimensions
MIN_SAVING = 50 * KIB  # below this an image is not worth a finding
# Bytes per displayed device pixel. A photo compressed as a good JPEG takes about
# 2 bits a pixel (WebP and AVIF less); twice that means an uncompressed or
# lossless format (BMP, a photo saved as PNG) or a very high quality setting.
TARGET_BYTES_PER_PIXEL = 0.25
HEAVY_BYTES_PER_PIXEL = 0.5


def image_format(src: str, mime: str | None) -> str:
    if mime and mime.startswith("image/"):
        return mime.removeprefix("image/").split("+")[0]
    ext = urlsplit(src).path.rsplit(".", 1)
    return ext[1].lower() if len(ext) == 2 and len(ext[1]) <= 4 else "unknown"


class ImageOptimization(Audit):
    meta = Meta(
        id="image-optimization",
        title="Images are sized and compressed for the screen",
        failure_title="Oversized or poorly compressed images",
        description="An image larger than it is displayed, or heavy for the pixels it shows, costs download time for nothing the visitor can see.",
        category="speed",
        impact="moderate",
        required_artifacts=("page.facts._images", "page.facts._resources", "page.facts.render", "page.facts.metrics"),
        help_url="https://developer.chrome.com/docs/lighthouse/performance/uses-responsive-images",
        seo_outcome="Images are most of a page's weight and often its largest element, so their size sets Largest Contentful Paint, a Core Web Vitals page experience signal (Google Search Central: Core Web Vitals; image SEO best practices).",
        cx_outcome="Product photos and banners arrive late on mobile, so visitors comparing offers see empty frames and move on.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "oversized": "An image of {natural_w}\u00d7{natural_h} px is displayed at {display_w}\u00d7{display_h} px ({device_w}\u00d7{device_h} device pixels); resizing would save about {saving_kib} KiB of {kib} KiB: {src}",
            "heavy": "A {format} image takes {bytes_per_pixel} bytes per displayed pixel ({kib} KiB for {device_w}\u00d7{device_h} px); better compression would save about {saving_kib} KiB: {src}",
        },
        how_to_fix="Serve each image at the size it is displayed (srcset and sizes for several screens), in WebP or AVIF, or JPEG at quality 75 to 85 for photos; keep PNG for flat graphics and never serve BMP or TIFF.",
        weight=1,
    )

    def applies(self, page, site):
        return measured(page) and bool(images(page))

    def check(self, page, site):
        mimes = {r["url"]: r.get("mime") for r in resources(page)}
        dpr = DEVICE_PIXEL_RATIO[profile_name(page)]
        seen = set()
        for image in images(page):
            src = image.get("src") or ""
            size = image.get("bytes") or 0
            nat_w, nat_h = image.get("natural_w") or 0, image.get("natural_h") or 0
            disp_w, disp_h = image.get("display_w") or 0, image.get("display_h") or 0
            if src in seen or not (size and nat_w and nat_h and disp_w and disp_h):
                continue
            seen.add(src)
            fmt = image_format(src, mimes.get(src))
            if fmt == "svg":  # vector: its natural size says nothing about its weight
                continue
            need_w, need_h = disp_w * dpr, disp_h * dpr
            common = {"src": short(src, 300), "natural_w": nat_w, "natural_h": nat_h, "display_w": disp_w,
                      "display_h": disp_h, "device_w": round(min(nat_w, need_w)), "device_h": round(min(nat_h, need_h)),
                      "bytes": size, "kib": kib(size), "format": fmt}
            if nat_w > OVERSIZE * need_w and nat_h > OVERSIZE * need_h:
                # bytes scale roughly with pixel count
                saving = size * (1 - (need_w * need_h) / (nat_w * nat_h))
                if saving > MIN_SAVING:
                    yield self.finding(page, "oversized", snippet=common["src"], saving_bytes=round(saving),
                                       saving_kib=kib(saving), **common)
                    continue
            shown = min(nat_w, need_w) * min(nat_h, need_h)
            saving = size - TARGET_BYTES_PER_PIXEL * shown
            if size / shown > HEAVY_BYTES_PER_PIXEL and saving > MIN_SAVING:
                yield self.finding(page, "heavy", snippet=common["src"], saving_bytes=round(saving),
                                   saving_kib=kib(saving), bytes_per_pixel=round(size / shown, 2), **common)
