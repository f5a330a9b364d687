"""The crawl's request queue: the first requests of each depth stay in memory, the rest
wait on disk.

Pickling every request to disk and back costs the crawl's one busy thread a fair share
of its time, although a site of a few thousand pages never queues many at once. A wide
site's frontier still goes to disk, so memory does not grow with it.
"""

from __future__ import annotations

from collections import deque

from scrapy.squeues import PickleFifoDiskQueue

IN_MEMORY = 500  # requests of one depth kept in memory (about 1 KB each)


class BufferedFifoQueue(PickleFifoDiskQueue):
    """First in, first out: requests stay in memory while nothing waits on disk (and
    fewer than IN_MEMORY do), so every request in memory is older than those on disk."""

    def __init__(self, crawler, key: str):
        super().__init__(crawler, key)
        self.memory: deque = deque()

    def push(self, request) -> None:
        if len(self.memory) < IN_MEMORY and not super().__len__():
            self.memory.append(request)
        else:
            super().push(request)

    def pop(self):
        return self.memory.popleft() if self.memory else super().pop()

    def peek(self):
        return self.memory[0] if self.memory else super().peek()

    def __len__(self) -> int:
        return len(self.memory) + super().__len__()
