"""The postal addresses a page shows: schema.org PostalAddress (JSON-LD and microdata)
and `<address>` elements that name a place (HTML's <address> is any contact
information, often an article's author). Read by the contact-consistency audit (auditor/facts/contact_facts.py)."""

from __future__ import annotations

import json

from auditor.text.addresses import is_address, is_postal, shown
from auditor.text.contacts import EMAIL, PHONE

# schema.org PostalAddress properties, in the order an address is written
PARTS = ("streetAddress", "postOfficeBoxNumber", "addressLocality", "addressRegion", "postalCode", "addressCountry")
MAX_ADDRESSES = 5


def extract_addresses(root, record) -> None:
    found: dict[str, str] = {}  # text -> where it was read
    for text in _json_ld(root):
        found.setdefault(text, "schema.org")
    for text in _microdata(root):
        found.setdefault(text, "schema.org")
    for el in root.iter("address"):
        text = " ".join(" ".join(el.itertext()).split())
        text = EMAIL.sub(" ", PHONE.sub(" ", text))  # an <address> often holds the phone and e-mail too
        if is_postal(text):  # not a byline: "By: Richard Ishida, W3C."
            found.setdefault(_tidy(text), "address")
    addresses = [{"text": shown(t), "source": s} for t, s in found.items() if t and is_address(t)][:MAX_ADDRESSES]
    if addresses:
        record.facts["addresses"] = addresses


def _tidy(text: str) -> str:
    parts = [p.strip(" -–|·") for p in text.replace("،", ",").split(",")]
    return ", ".join(p for p in (" ".join(p.split()) for p in parts) if p)


def _postal(node: dict) -> str:
    values = []
    for name in PARTS:
        value = node.get(name)
        if isinstance(value, dict):  # addressCountry may be a Country with a name
            value = value.get("name")
        if isinstance(value, (str, int)) and str(value).strip():
            values.append(str(value).strip())
    return _tidy(", ".join(values))


def _json_ld(root) -> list[str]:
    out: list[str] = []

    def walk(node) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "PostalAddress" for k in kinds):
                out.append(_postal(node))
            elif isinstance(node.get("address"), str):
                out.append(_tidy(node["address"]))
            for value in node.values():
                if isinstance(value, (list, dict)):
                    walk(value)

    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                walk(json.loads(script.text))
            except (ValueError, RecursionError):
                continue  # broken JSON-LD gives no address a search engine could read either
    return out


def _microdata(root) -> list[str]:
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str) or not (el.get("itemtype") or "").rstrip("/").endswith("PostalAddress"):
            continue
        props = {p.get("itemprop"): " ".join(" ".join(p.itertext()).split()) or p.get("content") or ""
                 for p in el.iter() if isinstance(p.tag, str) and p.get("itemprop")}
        out.append(_postal(props))
    return out
