"""The render stage: measure pages in Chromium and attach what it saw to their records.

Knows the store and the browser, nothing of audits or reports.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from auditor.options import default, of_stage
from auditor.progress import Progress
from auditor.browser.sampling import group_pages
from auditor.store.runs import Store

# Screenshots ride in result.json for the report: bounded so --render all stays small.
MAX_SCREENSHOTS = 60
# Pages open at once. One timed load at a time holds the machine (two would slow each
# other's figures); the others do their untimed work meanwhile (setting up a context, or
# axe, collectors and screenshot on their own loaded page, unthrottled). With three, a
# page's untimed work may last up to two timed loads and the next timed load is still
# ready when the last one lets it start (auditor/browser/page_run.py).
PAGES_AT_ONCE = 3
PUBLIC = ("profile", "runs", "median_run", "error", "status", "final_url", "lcp_element", "layout_shifts", "long_tasks",
          "boxes")


@dataclass
class RenderOptions:
    mode: str = default("render")
    profile: str = default("profile")
    runs: int = default("runs")
    timeout_s: float = 30
    chromium: str | None = default("chromium")
    sample_per_template: int = default("sample_per_template")

    @classmethod
    def of(cls, values: dict) -> "RenderOptions":
        """The render stage's options from the run's option values."""
        v = of_stage(values, "render")
        return cls(v["render"], v["profile"], v["runs"], chromium=v["chromium"], sample_per_template=v["sample_per_template"])

    def settings(self) -> dict:
        return asdict(self)


def measurement(options: RenderOptions) -> dict:
    """The keyword arguments the render stage measures pages with (auditor/browser/measure.py)."""
    from auditor.browser.chromium import find_chromium
    from auditor.browser.rtl_render import rtl_probe

    return {"profile": options.profile, "runs": options.runs, "timeout_s": options.timeout_s,
            "concurrency": PAGES_AT_ONCE, "collectors": {"rtl": rtl_probe},
            "executable_path": find_chromium(options.chromium)}  # fails early, with the install command


def start_browser(options: RenderOptions):
    """The render stage's browser, started now so it is up when the pages are known (the
    crawl runs meanwhile); None without a render. Give it to render(); close() it in any case."""
    if options.mode == "none":
        return None
    from auditor.browser.measure import EarlyBrowser

    return EarlyBrowser(**measurement(options))


def render(store: Store, start_urls: list[str], options: RenderOptions, show_progress: bool | None = None,
           browser=None) -> dict:
    """Measure the chosen pages (with `browser` from start_browser() when given); returns
    what the report says about the render."""
    from auditor.browser.measure import iter_measure_pages

    how = measurement(options)
    templates, _ = group_pages(store.iter_pages(), start_urls, per_template=options.sample_per_template)
    if options.mode == "all":
        urls = list(store.html_page_urls())
        reasons = {}
    else:
        urls = [u for t in templates.values() for u in t.sampled]
        reasons = {u: r for t in templates.values() for u, r in t.reasons.items()}
    # A resumed run keeps what it measured before it was stopped.
    done = store.measured_urls()
    todo = [u for u in urls if u not in done]
    measured = len(urls) - len(todo)
    errors = 0
    result: dict = {}
    progress = Progress("Measuring", show_progress)
    if options.mode != "all":  # the plan comes first: what the stage will cost before it starts
        skipped = sum(not t.measured for t in templates.values())
        progress.note(f"{len(templates)} templates, {len(urls)} pages to measure"
                      + (f" ({skipped} small templates not measured)" if skipped else ""))
    with progress:
        if measured:
            progress.note(f"{measured} of {len(urls)} pages already measured")
        progress.update(pages=measured, of=len(urls), errors=0)
        for result in browser.measure(todo) if browser else iter_measure_pages(todo, **how):
            measured += 1
            errors += bool(result.get("error"))
            store.set_facts(result["url"], facts_from_measurement(result, keep_screenshot=measured <= MAX_SCREENSHOTS))
            if measured == 1 or not store.get_run("browser_version"):
                store.set_run("browser_version", result.get("browser_version"))
                store.set_run("axe_version", result.get("axe_version"))
            store.commit()  # a measurement costs seconds: never lose one to a stop or a crash
            progress.update(pages=measured, of=len(urls), errors=errors)
    return {
        **options.settings(),
        "pages_measured": measured,
        "errors": errors,
        "browser": result.get("browser_version") or store.get_run("browser_version"),
        "axe": result.get("axe_version") or store.get_run("axe_version"),
        "templates": {
            key: {"pattern": t.pattern, "pages": t.pages, "example": t.example, "sampled": t.sampled,
                  "reasons": t.reasons, "measured": t.measured}
            for key, t in templates.items()
        },
        "why": "every page" if options.mode == "all" else
               f"{len(urls)} pages: the start page, customer touchpoints and the heaviest and a typical page"
               f" of each of {sum(t.measured for t in templates.values())} templates (the typical page only of a"
               f" layout's twin in another language)",
        "reasons": reasons,
    }


def facts_from_measurement(result: dict, keep_screenshot: bool = True) -> dict:
    """What a page record keeps of one measurement (names starting with _ stay out of result.json)."""
    # The outlined RTL screenshot is for the report: public, and kept once.
    rtl = (result.get("collected") or {}).get("rtl")
    rtl_shot = rtl.pop("outlined_jpeg_b64", None) if isinstance(rtl, dict) else None
    return {
        "metrics": result.get("metrics") or None,
        "render": {name: result.get(name) for name in PUBLIC},
        "screenshot": result.get("screenshot_jpeg_b64") if keep_screenshot else None,
        "_resources": result.get("resources") or [],
        "_images": result.get("images") or [],
        "_axe": result.get("axe"),  # None when axe did not run: not a pass
        "_collected": result.get("collected") or {},
        "rtl_screenshot": rtl_shot if keep_screenshot else None,
    }
