"""Links queued in the order their pages were fetched.

Pages are parsed in worker processes, several at a time, and a small page fetched
after a large one is often read first. Its links would then be queued first: under
--max-pages the budget could go to a deeper page (a link of the small page) before a
shallower one (a link of the large page) is known, and under --max-depth a page could be
queued at a depth greater than its own. With a limit set, each page waits its turn: it
queues its links once every page fetched before it has queued its own.
"""

from __future__ import annotations

import asyncio


class Turns:
    """Tickets handed out in order (`take`); `wait` returns once every earlier ticket is
    `done`. A ticket is done once, whatever becomes of its page."""

    def __init__(self):
        self.issued = 0
        self.first_open = 0  # every ticket below it is done
        self.done_early: set[int] = set()  # done while an earlier one was not
        self.waiting: dict[int, asyncio.Future] = {}

    def take(self) -> int:
        self.issued += 1
        return self.issued - 1

    async def wait(self, ticket: int) -> None:
        if ticket > self.first_open:
            self.waiting[ticket] = asyncio.get_running_loop().create_future()
            await self.waiting[ticket]

    def done(self, ticket: int) -> None:
        if ticket < self.first_open or ticket in self.done_early:
            return
        self.done_early.add(ticket)
        while self.first_open in self.done_early:
            self.done_early.discard(self.first_open)
            self.first_open += 1
        waiter = self.waiting.pop(self.first_open, None)
        if waiter is not None and not waiter.done():
            waiter.set_result(None)
