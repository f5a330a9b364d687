"""Turns: a page queues its links once every page fetched before it has queued its own."""

from __future__ import annotations

import asyncio

from spiders.turns import Turns


def test_each_waits_for_every_earlier_ticket():
    async def run():
        turns, order = Turns(), []
        tickets = [turns.take() for _ in range(4)]

        async def page(ticket, parse_time):
            await asyncio.sleep(parse_time)  # later pages parse faster
            await turns.wait(ticket)
            order.append(ticket)
            turns.done(ticket)

        await asyncio.gather(*(page(t, 0.04 - 0.01 * t) for t in tickets))
        return order

    assert asyncio.run(run()) == [0, 1, 2, 3]


def test_a_ticket_done_without_its_turn_lets_the_next_go():
    async def run():
        turns = Turns()
        first, second, third = turns.take(), turns.take(), turns.take()
        waiting = asyncio.ensure_future(turns.wait(third))
        turns.done(second)  # a page that failed after its fetch
        turns.done(second)  # done twice counts once
        await asyncio.sleep(0)
        assert not waiting.done()
        turns.done(first)
        await asyncio.wait_for(waiting, 1)
        await asyncio.wait_for(turns.wait(first), 1)  # a turn already past never waits

    asyncio.run(run())
