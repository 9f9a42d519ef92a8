"""Packing a plan's work items into months, in two strands.

Each month the goal path comes first: the essentials of the goal's prerequisites take every hour
they need (the sooner they are done, the sooner the goal starts), and the goal's own skills (the build
strand) take BUILD_SHARE of the month, or more when that is what reaching the goal in time needs;
the rest of the month goes to the foundation strand (depth of the prerequisites, the rest of the
track). A month never holds more than the learner's hours; what does not fit is left over, not crammed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from agent.plan.order import Item

BUILD_SHARE = 0.7  # of a month, for the goal's own skills while foundations still run alongside
# (started before this month, finished in it) → which part of the item the month holds
PARTS = {(False, True): "whole", (False, False): "start", (True, True): "end", (True, False): "middle"}
MIN_START = 5  # hours: fewer left in a month do not start an item that would not finish (review instead)


@dataclass(frozen=True)
class Slot:
    """An item's hours in one month, and where that leaves the item."""

    item: Item
    hours: int
    done: int  # hours of the item done by the end of this month
    part: str


def pack(path: list[Item], rest: list[Item], budget: int, n_months: int, spread: bool,
          tidy: bool) -> tuple[list[list[Slot]], list[tuple[Item, int]]]:
    """Fill months: goal path first (its build part capped so foundations run alongside), then the
    rest in order as far as what each needs is finished, then the goal path again with what is free."""
    items = path + rest
    left = {id(item): item.hours for item in items}
    first: dict[str, Item] = {}
    for item in items:
        first.setdefault(item.skill.id, item)
    needs = {id(item): _needs(item, first) for item in items}
    finished: set[int] = set()
    months: list[list[Slot]] = []
    for m in range(n_months):
        month: list[Slot] = []
        remaining = sum(left[id(i)] for i in path)
        cap = max(math.ceil(budget * BUILD_SHARE), math.ceil(remaining / (n_months - m))) if spread else budget
        free = _fill(path, month, left, finished, budget, cap, needs, sequential=True, tidy=tidy)
        free = _fill(rest, month, left, finished, free, free, needs, sequential=False, tidy=True)
        _fill(path, month, left, finished, free, budget, needs, sequential=True, tidy=tidy)  # what the rest left
        months.append(_merge(month))
    return months, [(item, left[id(item)]) for item in items if left[id(item)] > 0]


def _needs(item: Item, first: dict[str, Item]) -> list[int]:
    """The items that must be finished before `item` starts: the first part (essentials, or the
    whole) of each skill it needs that the plan teaches; a skill's depth also needs its own essentials."""
    if item.concepts:
        return []
    own = [first[item.skill.id]] if item.depth == "depth" else []
    needs = item.skill.needs("essentials" if item.depth == "essentials" else "full")
    return [id(i) for i in own + [first[p] for p in needs if p in first] if i is not item]


def _fill(queue: list[Item], month: list[Slot], left: dict[int, int], finished: set[int], free: int,
          build_cap: int, needs: dict[int, list[int]], sequential: bool, tidy: bool) -> int:
    """Put `queue`'s next items into `month` (goal items up to `build_cap` hours this month);
    `sequential` stops at the first item that cannot go on, otherwise later ready items go first
    (and once one is finished, the queue is read again from the top: what it unblocked comes first)."""
    while True:
        before = free
        free = _fill_once(queue, month, left, finished, free, build_cap, needs, sequential, tidy)
        if sequential or free <= 0 or free == before:
            return free


def _fill_once(queue: list[Item], month: list[Slot], left: dict[int, int], finished: set[int], free: int,
               build_cap: int, needs: dict[int, list[int]], sequential: bool, tidy: bool) -> int:
    build_used = sum(s.hours for s in month if s.item.goal)
    for item in queue:
        if free <= 0:
            break
        need = left[id(item)]
        if need == 0:
            continue
        if any(n not in finished for n in needs[id(item)]):
            if sequential:
                break
            continue
        limit = min(free, build_cap - build_used) if item.goal else free
        fresh = need == item.hours
        if limit <= 0 or (tidy and fresh and month and limit < MIN_START and need > limit):
            if sequential:
                break
            continue
        take = min(limit, need)
        left[id(item)] = need - take
        month.append(Slot(item, take, item.hours - need + take, PARTS[not fresh, take == need]))
        free -= take
        build_used += take if item.goal else 0
        if take == need:
            finished.add(id(item))
            if not sequential and needs_unblocked(item, queue, needs, left):
                break  # read the queue again from the top
        elif sequential:
            break
    return free


def needs_unblocked(done: Item, queue: list[Item], needs: dict[int, list[int]], left: dict[int, int]) -> bool:
    """Whether finishing `done` lets an item waiting for it go on."""
    return any(left[id(item)] and id(done) in needs[id(item)] for item in queue)


def _merge(month: list[Slot]) -> list[Slot]:
    """One slot per item in a month (an item continued after the foundation strand is one entry)."""
    merged: dict[int, Slot] = {}
    for slot in month:
        if id(slot.item) in merged:
            first = merged[id(slot.item)]
            started = first.part in ("middle", "end")
            merged[id(slot.item)] = Slot(slot.item, first.hours + slot.hours, slot.done,
                                          PARTS[started, slot.part in ("whole", "end")])
        else:
            merged[id(slot.item)] = slot
    return list(merged.values())
