"""Customer touchpoints in Arabic, English, Persian, Urdu and Hebrew: which pages and links a visitor uses to
reach the business (contact, support, FAQ, returns, shipping, privacy, terms, about,
account), the direct channels (phone, e-mail, WhatsApp, contact forms), whether a site
sells, and whether a page shows a postal address.

Pure functions over strings and model objects; nothing here does I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

KINDS = ("contact", "support", "faq", "returns", "shipping", "privacy", "terms", "about", "account")

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_LETTERS = str.maketrans({
    "\u0640": "",  # tatweel
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك",
    "&": " and ", "’": "'",
})
_SPACES = re.compile(r"\s+")
_ARABIC = re.compile("[\u0600-\u06ff]")


def normalize(text: str) -> str:
    """Text as it is matched: Arabic letter variants unified, diacritics and tatweel
    removed, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _DIACRITICS.sub("", text).translate(_LETTERS).lower()
    return _SPACES.sub(" ", text).strip()


# Phrases that name a touchpoint wherever they stand in a short text.
_PHRASES = {
    "contact": [
        "contact us", "get in touch", "reach us", "call us", "email us",
        "اتصل بنا", "تواصل معنا", "اتصل", "تواصل", "راسلنا", "الاتصال بنا",
    ],
    "support": [
        "customer support", "technical support", "tech support", "support center", "support centre", "get support",
        "contact support", "customer service", "customer care", "help center", "help centre", "helpdesk", "help desk",
        "الدعم", "الدعم الفني", "خدمة العملاء", "المساعدة", "مركز المساعدة",
    ],
    "faq": [
        "faq", "faqs", "frequently asked questions", "common questions", "q and a",
        "الأسئلة الشائعة", "أسئلة شائعة", "الأسئلة المتكررة", "الاسئلة المتداولة",
    ],
    "returns": [
        "returns", "refund", "refunds", "return policy", "returns policy", "refund policy", "exchange policy",
        "return and exchange", "returns and exchanges",
        "الاسترجاع", "الاستبدال", "الإرجاع", "الاسترداد", "سياسة الاسترداد", "سياسة الاسترجاع", "استرجاع",
        "استبدال", "إرجاع",
    ],
    "shipping": [
        "shipping policy", "delivery policy", "shipping information", "delivery information",
        "سياسة الشحن", "معلومات الشحن", "الشحن والتوصيل",
    ],
    "privacy": [
        "privacy", "privacy policy", "privacy notice", "data protection", "cookie policy",
        "الخصوصية", "سياسة الخصوصية", "خصوصية",
    ],
    "terms": [
        "terms", "terms and conditions", "terms of service", "terms of use", "conditions of sale",
        "الشروط والأحكام", "الشروط", "الأحكام", "شروط الاستخدام", "الشروط و الأحكام",
    ],
    "about": [
        "about us", "our story", "who we are",
        "من نحن", "عن المتجر", "عن الشركة", "عنا", "قصتنا", "نبذة عنا", "تعرف علينا",
    ],
    "account": [
        "my account", "my orders", "track order", "track your order", "track my order", "order tracking",
        "order status", "حسابي", "طلباتي", "تتبع الطلب", "تتبع طلبك", "تتبع الطلبات", "تتبع شحنتك",
    ],
}
# Persian and Urdu. A text with letters Arabic does not use (ک ی پ ...) is matched with
# these and not with the Arabic phrases, which are not Persian or Urdu words.
_PERSIAN_SCRIPT_PHRASES = {
    "contact": ["تماس با ما", "تماس", "ارتباط با ما", "ہم سے رابطہ کریں", "رابطہ کریں", "رابطہ"],
    "support": ["پشتیبانی", "پشتیبانی فنی", "خدمات مشتریان", "مرکز پشتیبانی", "کسٹمر سپورٹ"],
    "faq": ["سوالات متداول", "سؤالات متداول", "پرسش های متداول", "پرسش\u200cهای متداول", "پرسش و پاسخ",
            "اکثر پوچھے گئے سوالات"],
    "returns": ["بازگشت کالا", "مرجوعی کالا", "شرایط بازگشت کالا", "رویه بازگرداندن کالا", "واپسی کی پالیسی"],
    "shipping": ["شیوه ارسال", "نحوه ارسال", "روش ارسال", "روش های ارسال"],
    "privacy": ["حریم خصوصی", "سیاست حفظ حریم خصوصی", "رازداری کی پالیسی"],
    "terms": ["قوانین و مقررات", "شرایط استفاده", "شرایط و قوانین", "شرائط و ضوابط"],
    "about": ["درباره ما", "ہمارے بارے میں"],
    "account": ["حساب کاربری", "پیگیری سفارش", "سفارش های من", "میرا اکاؤنٹ"],
}
_HEBREW_PHRASES = {
    "contact": ["צור קשר", "צרו קשר", "יצירת קשר"],
    "support": ["תמיכה", "תמיכה טכנית", "שירות לקוחות"],
    "faq": ["שאלות נפוצות", "שאלות ותשובות"],
    "returns": ["החזרות", "מדיניות החזרות", "החזרת מוצרים", "ביטול עסקה"],
    "shipping": ["משלוחים", "מדיניות משלוחים"],
    "privacy": ["פרטיות", "מדיניות פרטיות"],
    "terms": ["תקנון", "תנאי שימוש"],
    "about": ["אודות", "אודותינו", "מי אנחנו", "עלינו"],
    "account": ["החשבון שלי", "ההזמנות שלי", "מעקב הזמנה"],
}
# A label that is this word alone: "اتصال" (call) on an Arabic button; inside a longer
# text it is any connection (Persian اتصال کلاس و استایل, "class and style bindings").
_ALONE = {"اتصال": "contact"}
_LATIN = re.compile("[a-z]")
# Persian words Arabic has not, for a text written in the letters both share: "ارجاع به خطا"
# (error reference) is Persian, though ارجاع alone would be Arabic for returns.
_PERSIAN_WORDS = frozenset({"به", "از", "را", "این", "برای", "های"})
_PERSIAN_LETTERS = re.compile("[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0\u06c1\u06d2\u06ba\u0679\u0688\u0691]")
# Generic words that name a touchpoint only when they open the text ("Shipping & delivery",
# not "Free shipping over 200 SAR"); Arabic only with the article ("شحن مجاني" is a promise).
_LEADS = {
    # "Contact" names the page when it opens the text ("Contact", "Contact Northwind"); inside
    # one it is a word of its subject ("Difference between lead, contact and customer")
    "contact": ["contact"],
    # "Support" names the page when it opens the text; after another noun it is a service
    # offered ("ACI Support", "IT support"), not where customers get help
    "support": ["help", "support"],
    "shipping": ["shipping", "delivery", "الشحن", "التوصيل"],
    "about": ["about"],
    "account": ["account"],
}
# Whole URL path segments (file extension dropped) that name a touchpoint.
_SLUGS = {
    "contact": ["contact", "contact-us", "contactus", "contacts", "get-in-touch"],
    "support": ["support", "help", "help-center", "help-centre", "helpdesk", "customer-service", "customer-support"],
    "faq": ["faq", "faqs", "frequently-asked-questions"],
    "returns": ["returns", "return", "refund", "refunds", "return-policy", "returns-policy", "refund-policy",
                "exchange", "exchanges", "returns-and-exchanges", "returns-exchanges"],
    "shipping": ["shipping", "delivery", "shipping-policy", "delivery-policy", "shipping-and-delivery",
                 "shipping-delivery", "shipping-info"],
    "privacy": ["privacy", "privacy-policy", "privacy-notice", "cookie-policy"],
    "terms": ["terms", "terms-and-conditions", "terms-conditions", "terms-of-service", "terms-of-use", "tos"],
    "about": ["about", "about-us", "aboutus", "our-story", "who-we-are"],
    "account": ["account", "my-account", "myaccount", "orders", "my-orders", "track-order", "order-tracking",
                "track", "tracking", "login", "signin"],
}
# الدعم followed by an adjective is a kind of support the business offers (الدعم اللوجستي,
# الدعم المالي), not where customers get help; technical support (الدعم الفني) is.
_OFFERED_SUPPORT = re.compile(r"(?<!\w)[وب]?الدعم ال(?!فني|تقني)\w+")
MAX_WORDS = 8  # longer texts are sentences about something else, not the name of a page
MAX_LEAD_WORDS = 4
_SEPARATORS = re.compile(r"\s[|\-–—·:»«/]\s|[|–—·»«]")


def _pattern(phrases: list[str], lead: bool) -> re.Pattern:
    # Arabic words take the prefixes و (and) and ب (by) without a space
    alternatives = sorted({normalize(p) for p in phrases}, key=len, reverse=True)
    body = "|".join(("[وب]?" if _ARABIC.search(p) else "") + re.escape(p) for p in alternatives)
    start = r"^" if lead else r"(?<!\w)"
    return re.compile(f"{start}(?:{body})(?!\\w)")


_MATCHERS = {kind: _pattern(_PHRASES[kind] + _PERSIAN_SCRIPT_PHRASES[kind] + _HEBREW_PHRASES[kind], False)
             for kind in KINDS}
# a text with Persian or Urdu letters: every phrase but the Arabic ones
_PERSIAN_MATCHERS = {kind: _pattern([p for p in _PHRASES[kind] if not _ARABIC.search(p)]
                                    + _PERSIAN_SCRIPT_PHRASES[kind] + _HEBREW_PHRASES[kind], False) for kind in KINDS}
_LEAD_MATCHERS = {kind: _pattern(words, True) for kind, words in _LEADS.items()}
_PERSIAN_LEAD_MATCHERS = {kind: _pattern([w for w in words if not _ARABIC.search(w)], True)
                          for kind, words in _LEADS.items()}
_SLUG_KIND = {slug: kind for kind, slugs in _SLUGS.items() for slug in slugs}
# Every word of every phrase: a label sharing none of them names no touchpoint (most
# anchor texts are product names; this spares them the patterns).
_TRIGGERS = {w for words in (*_PHRASES.values(), *_PERSIAN_SCRIPT_PHRASES.values(), *_HEBREW_PHRASES.values(),
                              *_LEADS.values(), _ALONE) for p in words for w in normalize(p).split()}


def _words(part: str) -> set[str]:
    words = set(part.split())
    return words | {w[1:] for w in words if w[:1] in ("و", "ب")}


@lru_cache(maxsize=8192)  # navigation labels and title suffixes repeat on every page
def text_kinds(text: str | None) -> frozenset[str]:
    """The touchpoints a short label (anchor text, a title part, an h1) names."""
    kinds: set[str] = set()
    # (normalize() writes Persian letters as Arabic ones)
    persian = bool(_PERSIAN_LETTERS.search(text or "")) or not _PERSIAN_WORDS.isdisjoint((text or "").split())
    for part in _SEPARATORS.split(text or ""):
        kinds |= _part_kinds(normalize(part), persian)
    return frozenset(kinds)


@lru_cache(maxsize=8192)
def _part_kinds(part: str, persian: bool = False) -> frozenset[str]:
    part = _OFFERED_SUPPORT.sub(" ", part).strip()
    words = len(part.split())
    if not words or words > MAX_WORDS or not _words(part) & _TRIGGERS:
        return frozenset()
    matchers, leads = (_PERSIAN_MATCHERS, _PERSIAN_LEAD_MATCHERS) if persian else (_MATCHERS, _LEAD_MATCHERS)
    kinds = {kind for kind, pattern in matchers.items() if pattern.search(part)}
    if part in _ALONE and not persian:
        kinds.add(_ALONE[part])
    if words <= MAX_LEAD_WORDS:
        kinds.update(kind for kind, pattern in leads.items() if pattern.search(part))
    return frozenset(kinds)


def path_kinds(url: str | None) -> set[str]:
    """The touchpoints a URL's path names (/contact-us, /pages/faq.html, /سياسة-الخصوصية)."""
    try:
        path = unquote(urlsplit(url or "").path)
    except ValueError:
        return set()
    kinds: set[str] = set()
    for segment in path.split("/"):
        written = re.sub(r"\.[a-z0-9]{2,5}$", "", segment, flags=re.I).replace("_", "-")
        stem = normalize(written)
        if not stem:
            continue
        if stem in _SLUG_KIND:
            kinds.add(_SLUG_KIND[stem])
        elif not _LATIN.search(stem):
            kinds.update(text_kinds(written.replace("-", " ")))
    return kinds


def page_kinds(url: str, title: str | None = None, h1: list[str] | tuple = (),
               anchor_texts: list[str] | tuple = ()) -> set[str]:
    """The touchpoints a page is, from its URL, title, h1s and the texts of links to it."""
    kinds = path_kinds(url) | text_kinds(title)
    for text in (*h1, *anchor_texts):
        kinds |= text_kinds(text)
    return kinds


def link_kinds(href: str, text: str = "") -> set[str]:
    """The touchpoints a link leads to, from its target and its anchor text."""
    if channel(href):
        return {"contact"}
    return path_kinds(href) | text_kinds(text)


# -- direct channels -----------------------------------------------------------------

_WHATSAPP_HOSTS = ("wa.me", "api.whatsapp.com", "web.whatsapp.com", "chat.whatsapp.com", "whatsapp.com")


def channel(href: str | None) -> str | None:
    """"phone", "email" or "whatsapp" when a link opens that channel directly."""
    low = (href or "").strip().lower()
    if low.startswith("tel:") or low.startswith("sms:"):
        return "phone"
    if low.startswith("mailto:"):
        return "email"
    if low.startswith("whatsapp:"):
        return "whatsapp"
    if "wa.me" not in low and "whatsapp.com" not in low:  # most links: no URL parsing needed
        return None
    try:
        host = (urlsplit(low).hostname or "").removeprefix("www.")
    except ValueError:
        return None
    return "whatsapp" if host in _WHATSAPP_HOSTS else None


def page_channels(page) -> dict[str, str]:
    """Each direct channel a page links to, with the first link that opens it."""
    found: dict[str, str] = {}
    for link in page.links:
        kind = channel(link.href)
        if kind and kind not in found:
            found[kind] = link.href
    return found


# -- where a project's users ask for help ----------------------------------------------

# Documentation and open-source sites answer questions elsewhere: in an issue tracker,
# a forum or a chat. Host -> (the venue, the path it must start with, "" for any).
_HELP_HOSTS = {
    "gitter.im": ("chat", "/"), "app.gitter.im": ("chat", "/"), "discord.gg": ("chat", "/"),
    "discord.com": ("chat", "/invite/"), "matrix.to": ("chat", "/"), "join.slack.com": ("chat", "/"),
    "t.me": ("chat", "/"), "telegram.me": ("chat", "/"),
    "stackoverflow.com": ("Q&A", "/questions/tagged/"), "groups.google.com": ("forum", "/"),
}
_TRACKER_PATH = re.compile(r"^/[^/]+/[^/]+/(?:-/)?(issues|discussions)(?:/|$)")  # GitHub, GitLab, Codeberg
_TRACKER_HOSTS = ("github.com", "gitlab.com", "codeberg.org")
_FORUM_PREFIXES = ("forum.", "forums.", "discuss.", "discourse.", "community.")
_CHAT_DOMAINS = (".zulipchat.com", ".slack.com")  # an organisation's own subdomain


@lru_cache(maxsize=4096)  # a site links the same few places from every page
def help_venue(href: str | None) -> str | None:
    """"issue tracker", "chat", "forum" or "Q&A" when a link leads where users ask for help."""
    try:
        parts = urlsplit(href or "")
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    if host in _TRACKER_HOSTS:
        match = _TRACKER_PATH.match(parts.path)
        return None if not match else "issue tracker" if match.group(1) == "issues" else "forum"
    if host.startswith(_FORUM_PREFIXES):
        return "forum"
    if host.endswith(_CHAT_DOMAINS):
        return "chat"
    venue, prefix = _HELP_HOSTS.get(host, (None, ""))
    return venue if venue and parts.path.startswith(prefix) and len(parts.path) > len(prefix) else None


def is_contact_form(form) -> bool:
    """A form a visitor can write to the business with: an e-mail, phone or message field."""
    return any(f.get("type") in ("email", "tel", "textarea") for f in form.fields)


# -- signs that a site sells (read by auditor/text/site_kind.py) -------------------------------------------------------------

_NUMBER = r"\d+(?:[.,٫]\d+)?"
_SALES = [
    ("add to cart", r"add to (?:cart|basket|bag)"),
    ("checkout", r"check ?out"),
    ("cart", r"(?:shopping )?(?:cart|basket)"),
    ("أضف إلى السلة", r"[اأ]ضف (?:[اإ]ل[يى] )?ال?سل[ةه]|[اأ]ضف لل?سل[ةه]"),
    ("سلة المشتريات", r"سل[ةه] (?:المشتريات|التسوق)"),
    ("إتمام الشراء", r"[اإ]تمام (?:الشراء|الطلب)"),
    ("ر.س", _NUMBER + r"\s*ر\.?\s?س"),
    ("SAR", _NUMBER + r"\s*sar|sar\s*" + _NUMBER),
    ("price", r"[$€£]\s?" + _NUMBER + "|" + _NUMBER + r"\s?(?:usd|eur|aed|kwd|qar|egp|ريال|درهم|دينار|جنيه)"),
]
_SALES_PATTERNS = [(name, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I)) for name, pattern in _SALES]
# a link to the cart or checkout: a path segment named so (with or without an extension)
_SALES_PATH = re.compile(r"/(?:cart|checkout|basket|ال?سل[ةه])(?:\.[a-z]{2,5})?(?:[/?#]|$)", re.I | re.M)
# Substrings one of which a text must hold for a pattern above to match: a cheap first filter.
_SALES_HINTS = ("cart", "basket", "bag", "check", "سل", "تمام", "ر.س", "رس", "ر س", "ر. س", "ريال", "sar", "$", "€", "£",
                "usd", "eur", "aed", "kwd", "qar", "egp", "درهم", "دينار", "جنيه")


# -- postal address ------------------------------------------------------------------

_ADDRESS = [
    ("PostalAddress", r"postaladdress"),
    ("العنوان", r"ال?عنوان(?:نا)?"),
    ("شارع", r"[وب]?شارع"),
    ("حي", r"[وب]?حي"),
    ("ص.ب", r"ص\s?\.\s?ب"),
    ("الرياض", r"[وب]?الرياض"),
    ("P.O. Box", r"p\.?\s?o\.?\s?box"),
    ("street", r"street|road|avenue|boulevard|st\.|rd\.|ave\.|blvd\."),
    ("address", r"address\s*:"),
    ("postal code", r"postal code|postcode|zip code|الرمز البريدي|\d{5}(?:-\d{4})?"),
]
_ADDRESS_PATTERNS = [(name, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")) for name, pattern in _ADDRESS]


def address_signal(text: str | None) -> str | None:
    """The first sign of a physical address in a page's text, or None."""
    text = normalize(text or "")
    for name, pattern in _ADDRESS_PATTERNS:
        if pattern.search(text):
            return name
    return None
