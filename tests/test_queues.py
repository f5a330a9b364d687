"""The crawl's request queue keeps the first requests in memory and the rest on disk, in order."""

import scrapy
from scrapy.utils.test import get_crawler

from spiders import queues
from spiders.queues import BufferedFifoQueue


class _Spider(scrapy.Spider):
    name = "queue-test"

    def parse(self, response):
        pass


def test_requests_leave_in_the_order_they_came_across_memory_and_disk(tmp_path, monkeypatch):
    monkeypatch.setattr(queues, "IN_MEMORY", 3)
    crawler = get_crawler(_Spider)
    crawler.spider = _Spider()
    queue = BufferedFifoQueue.from_crawler(crawler, str(tmp_path / "q"))
    urls = [f"http://127.0.0.1/{i}" for i in range(8)]
    for url in urls[:5]:
        queue.push(scrapy.Request(url, meta={"depth": 1}))
    assert len(queue.memory) == 3 and len(queue) == 5  # two went to disk
    popped = [queue.pop().url for _ in range(2)]
    for url in urls[5:]:  # memory has room again, but older requests wait on disk
        queue.push(scrapy.Request(url))
    assert len(queue.memory) == 1 and len(queue) == 6
    assert queue.peek().url == urls[2]
    while len(queue):
        popped.append(queue.pop().url)
    assert popped == urls
    assert queue.pop() is None
    queue.close()
