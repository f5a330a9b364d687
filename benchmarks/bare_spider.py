"""The baseline: a bare Scrapy spider that only follows links (no parsing, no store).

    python benchmarks/bare_spider.py START_URL CONCURRENCY
"""

import sys

import scrapy
from scrapy.crawler import CrawlerProcess


class FollowLinks(scrapy.Spider):
    name = "follow"

    def parse(self, response):
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            if url.startswith(("http://", "https://")):  # not tel:, mailto:, javascript:
                yield scrapy.Request(url, callback=self.parse)


if __name__ == "__main__":
    start, concurrency = sys.argv[1], int(sys.argv[2])
    process = CrawlerProcess({
        "CONCURRENT_REQUESTS": max(16, concurrency),
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
    })
    crawler = process.create_crawler(FollowLinks)
    process.crawl(crawler, start_urls=[start])
    process.start()
    print("pages", crawler.stats.get_value("response_received_count"))
