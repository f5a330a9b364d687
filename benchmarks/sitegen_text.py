"""The words of the generated site: short plain sentences in Arabic and English.

Sentences are built from small word lists so that a page reads like a shop's copy
(readable, 6-14 words a sentence, 3-4 sentences a paragraph) and every page's text
differs; `ar` (a bool) picks the language everywhere.
"""

from __future__ import annotations

import random

WORDS = {
    False: {
        "category": "Category", "logo": "Oasis Market", "home": "Home", "next": "Next page", "item": "Product",
        "old offer": "Last season's offer", "call": "Call us:",
        "about": "About us", "contact": "Contact us", "faq": "Frequently asked questions",
        "privacy": "Privacy policy", "returns": "Returns and exchanges",
    },
    True: {
        "category": "قسم", "logo": "متجر الواحة", "home": "الرئيسية", "next": "الصفحة التالية", "item": "منتج",
        "old offer": "عرض الموسم الماضي", "call": "اتصل بنا:",
        "about": "من نحن", "contact": "اتصل بنا", "faq": "الأسئلة الشائعة",
        "privacy": "سياسة الخصوصية", "returns": "الإرجاع والاستبدال",
    },
}

ADJECTIVES = {
    False: ["blue", "green", "small", "large", "light", "warm", "soft", "strong", "classic", "simple"],
    True: ["أزرق", "أخضر", "صغير", "كبير", "خفيف", "دافئ", "ناعم", "متين", "كلاسيكي", "بسيط"],
}
NOUNS = {
    False: ["cup", "lamp", "chair", "table", "bag", "scarf", "pot", "rug", "clock", "box", "shelf", "towel"],
    True: ["كوب", "مصباح", "كرسي", "طاولة", "حقيبة", "وشاح", "قدر", "سجادة", "ساعة", "صندوق", "رف", "منشفة"],
}
SUBJECTS = {
    False: ["This item", "Our team", "The set", "Each piece", "Your order", "The design", "Many buyers", "Our shop"],
    True: ["هذا المنتج", "فريقنا", "هذه المجموعة", "كل قطعة", "طلبك", "هذا التصميم", "كثير من العملاء", "متجرنا"],
}
VERBS = {
    False: ["fits", "suits", "brings", "adds", "keeps", "makes", "gives", "helps"],
    True: ["يناسب", "يلائم", "يضيف", "يمنح", "يحفظ", "يجعل", "يقدم", "يساعد"],
}
OBJECTS = {
    False: ["a calm home", "your daily work", "a warm feeling", "the small kitchen", "a bright room",
            "a quick gift", "the family table", "a quiet corner", "your new flat", "the guest room"],
    True: ["بيتا هادئا", "عملك اليومي", "شعورا دافئا", "المطبخ الصغير", "غرفة مشرقة",
           "هدية سريعة", "مائدة العائلة", "ركنا هادئا", "شقتك الجديدة", "غرفة الضيوف"],
}
TAILS = {
    False: ["every day", "at a fair price", "for many years", "with little care", "in any season",
            "from the first use", "without any fuss", "in a few minutes", ""],
    True: ["كل يوم", "بسعر مناسب", "لسنوات طويلة", "بعناية قليلة", "في كل موسم",
           "من أول استخدام", "دون أي عناء", "في دقائق قليلة", ""],
}


def product_name(number: int, ar: bool) -> str:
    noun = NOUNS[ar][number % len(NOUNS[ar])]
    adjective = ADJECTIVES[ar][(number // len(NOUNS[ar])) % len(ADJECTIVES[ar])]
    return f"{noun} {adjective} {number}" if ar else f"{adjective.capitalize()} {noun} {number}"


def title_words(page, ar: bool) -> str:
    """The page's own name, unique in the site: its h1 and the start of its title."""
    if page.kind == "home":
        return "متجر الواحة للبيت والهدايا" if ar else "Home goods and gifts"
    if page.kind == "touchpoint":
        return WORDS[ar][page.name]
    number = int(page.path.split("/")[-1].split(".")[0]) if page.kind == "item" else 0
    if page.kind == "item":
        return product_name(number, ar)
    category = page.path.split("/")[1]
    part = page.path.split("/")[-1].removeprefix("page").removesuffix(".html")
    listing = f"{WORDS[ar]['category']} {category}"
    if part != "index":
        listing += f"، الصفحة {part}" if ar else f", page {part}"
    return listing


def sentence(rng: random.Random, ar: bool, name: str, words: int | None = None) -> str:
    """One short sentence; `words` gives a heading of that many words instead."""
    parts = [rng.choice(SUBJECTS[ar]), rng.choice(VERBS[ar]), rng.choice(OBJECTS[ar]), rng.choice(TAILS[ar])]
    text = " ".join(p for p in parts if p)
    if words:
        return " ".join(text.split()[:words])
    return text + "."


def paragraph(rng: random.Random, ar: bool, name: str) -> str:
    return " ".join(sentence(rng, ar, name) for _ in range(rng.randint(3, 4)))


def description(rng: random.Random, ar: bool, heading: str) -> str:
    """A meta description of 70-160 characters that names the page (so none is shared)."""
    text = f"{heading}: {sentence(rng, ar, heading)}"
    while len(text) < 80:
        text += " " + sentence(rng, ar, heading)
    return text[:155]
