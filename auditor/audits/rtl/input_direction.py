import re

from auditor.audits.base import Audit, Meta
from auditor.audits.rtl._page import is_rtl_page, rtl

LTR_TYPES = {"email", "url", "tel"}
LTR_INPUTMODES = {"email", "url", "tel", "numeric", "decimal"}
# Fields whose value is written left to right whatever their type says.
LTR_HINT = re.compile(r"iban|e-?mail|phone|mobile|\btel\b|website|\burl\b|جوال|هاتف|البريد|آيبان|ايبان", re.I)
FREE_TEXT = {"text", "search", "textarea"}


class InputDirection(Audit):
    meta = Meta(
        id="input-direction",
        title="Form fields take the direction of what is typed",
        failure_title="Form fields whose direction fights their content",
        description="On a right-to-left page an e-mail, phone, URL or IBAN field inherits right to left: the "
                    "caret starts on the wrong side and +966 or @ jump around while typing. Free-text fields "
                    "should follow what the visitor types (dir=\"auto\").",
        category="rtl",
        impact="moderate",  # W3C qa-html-dir#forms: dir="auto" on fields is advice; a field already takes the page's direction
        required_artifacts=("page.facts.rtl",),
        help_url="https://www.w3.org/International/questions/qa-html-dir#forms",
        seo_outcome="Form friction cuts conversions from organic visits, the outcome rankings are bought for "
                    "(W3C: structural markup and right-to-left text in HTML, forms).",
        cx_outcome="Visitors cannot check the phone number or e-mail they typed and give up or send a wrong one.",
        journey=("decision", "loyalty"),
        effort="small",
        messages={
            "ltr-field": "The {type} field \"{name}\" has no dir=\"ltr\".",
            "free-text": "The free-text field \"{name}\" has no dir=\"auto\".",
        },
        how_to_fix="Add dir=\"ltr\" to e-mail, phone, URL and IBAN fields (keep the label right to left) and "
                   "dir=\"auto\" to text fields and textareas.",
    )

    def applies(self, page, site):
        return page.ok_html and bool(rtl(page).get("inputs")) and is_rtl_page(page)

    def check(self, page, site):
        for field in rtl(page)["inputs"]:
            if field.get("hidden"):
                continue  # no visitor types in it
            own = (field.get("dir") or "").strip().lower()
            hints = " ".join(filter(None, (field["name"], field.get("autocomplete"), field.get("placeholder"))))
            ltr = field["type"] in LTR_TYPES or (field.get("inputmode") or "").lower() in LTR_INPUTMODES \
                or (field["type"] in FREE_TEXT and bool(LTR_HINT.search(hints)))
            if ltr:
                if (field.get("inherited_dir") or "") != "ltr":
                    yield self.finding(page, "ltr-field", selector=field["selector"], type=field["type"],
                                       name=field["name"])
            elif field["type"] in FREE_TEXT and own != "auto":
                yield self.finding(page, "free-text", selector=field["selector"], name=field["name"])
