"""After the crawl, nothing of it stays in memory: the crawler, the spider and the URL
sets they hold are freed before the audit pass, so that its memory is not on top of
the crawl's (the peak of a large audit)."""

from __future__ import annotations

import subprocess
import sys

from tests.e2e.cli import ROOT
from tests.server import serve

AFTER_AN_AUDIT = """
import gc, sys
from auditor.cli import main
main(["audit", sys.argv[1], "--out", sys.argv[2], "--render", "none", "--quiet"])
frozen = gc.get_freeze_count()
gc.unfreeze()  # frozen objects are not listed: count them too
gc.collect()
from scrapy.crawler import Crawler
from spiders.site import SiteSpider
from spiders.traps import TrapGuard
left = [type(o).__name__ for o in gc.get_objects() if isinstance(o, (Crawler, SiteSpider, TrapGuard))]
print(len(left), frozen, *left)
"""


def test_the_crawler_and_its_spider_are_freed_once_the_crawl_is_over(tmp_path):
    with serve("basic", {}) as (base, _):
        done = subprocess.run([sys.executable, "-c", AFTER_AN_AUDIT, base + "/", str(tmp_path / "out")],
                              capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    left, frozen, *names = done.stdout.splitlines()[-1].split()
    assert (left, names) == ("0", [])
    assert frozen == "0"  # the workers' objects are back in the collector's care
