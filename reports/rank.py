"""What a fix is worth to the business: severity x reach x journey stage / effort.

- severity: each impact level weighs about twice the one below it, so a critical
  defect on a few pages can outrank a moderate one everywhere;
- reach: the share of the site's visits the affected pages carry, each page weighed by
  its click depth and the pages linking to it (`pages[].depth`, `pages[].inlinks`);
  its square root, so a defect on a few key pages still counts but never as much as
  one on every page (no floor: a one-page defect is not worth a fifth of the site);
- journey stage: the stage closest to the sale among those the audit harms (a broken
  decision-stage page outranks a loyalty-stage nicety);
- effort: small 1, medium 2, large 4.

Pure over result.json.
"""

from __future__ import annotations

import math

SEVERITY = {"critical": 10, "serious": 5, "moderate": 2, "minor": 1}
EFFORT = {"small": 1, "medium": 2, "large": 4}
STAGE = {"decision": 1.0, "consideration": 0.7, "awareness": 0.6, "loyalty": 0.4, "advocacy": 0.3}


def page_weight(page: dict, max_depth: int) -> float:
    """The visits a page draws, relative to its siblings: fewer clicks from the start
    page and more pages linking to it weigh more. A page no link reaches counts as the
    deepest."""
    depth = page.get("depth")
    depth = max_depth + 1 if not isinstance(depth, int) else depth
    inlinks = page.get("inlinks")
    inlinks = inlinks if isinstance(inlinks, int) and inlinks > 0 else 0
    return (1 + math.log2(1 + inlinks)) / (1 + depth)


class Weights:
    """Page weights of one result and the total the traffic-bearing pages carry."""

    def __init__(self, pages):
        # pages may be rows read from disk: two passes, each page let go once weighed
        depths = (p["depth"] for p in pages if isinstance(p.get("depth"), int))
        self.max_depth = max(depths, default=0)
        self.of: dict[str, float] = {}
        bearing = 0.0
        for page in pages:
            weight = self.of[page["url"]] = page_weight(page, self.max_depth)
            if page.get("is_html") and page.get("status") == 200:
                bearing += weight
        self.total = bearing or sum(self.of.values()) or 1.0

    def share(self, urls) -> float:
        """The share of visits `urls` carry (at most 1); a URL not in the result weighs as the deepest page."""
        fallback = 1 / (2 + self.max_depth)
        return min(sum(self.of.get(u, fallback) for u in urls) / self.total, 1.0)


def impact_of(audit: dict, message_key: str | None) -> str:
    """A kind of finding's impact: the audit's own unless its meta weighs that message key
    otherwise (`impacts`: a missing canonical is minor, one naming another host critical)."""
    return (audit.get("impacts") or {}).get(message_key) or audit.get("impact") or "minor"


def audit_impact(audit: dict) -> str:
    """The gravest impact among an audit's findings (its own impact when it has none)."""
    keys = {f.get("message_key") for f in audit.get("findings") or () if not f.get("ignored")}
    if not keys:
        return audit.get("impact") or "minor"
    return max((impact_of(audit, k) for k in keys), key=lambda i: SEVERITY.get(i, 1))


def best_stage(journey) -> str | None:
    stages = [s for s in journey or () if s in STAGE]
    return max(stages, key=STAGE.get) if stages else None


def score(impact: str, effort: str, share: float, stage: str | None) -> float:
    return round(SEVERITY.get(impact, 1) * math.sqrt(max(share, 0.0)) * STAGE.get(stage, 0.5) / EFFORT.get(effort, 2), 4)
