"""The business's phone, WhatsApp, e-mail and postal address, compared across pages.

Google Business Profile guidelines: a business is matched by its name, address and phone,
written the same wherever it appears. A site shows its own contact details in its
template, on most of the pages that show any: a value shown on more than half of them is
the business's, and another value that never appears beside it is an old or stray copy.
Without such a value there is nothing to be at odds with: different numbers or e-mail
addresses on different pages (branches, departments, the authors of articles) are
different contacts.
"""

from auditor.audits.base import Meta, SiteAudit
from auditor.text.addresses import same_address

KINDS = {"phone": "phone number", "whatsapp": "WhatsApp number", "email": "e-mail address", "address": "postal address"}
EXAMPLES = 5


class ContactConsistency(SiteAudit):
    meta = Meta(
        id="contact-consistency",
        title="Every page gives the same contact details",
        failure_title="Pages disagree on the business's phone, WhatsApp, e-mail or address",
        description="The phone and WhatsApp numbers, e-mail addresses and postal addresses (schema.org"
                    " PostalAddress, <address>) the site shows, gathered from every page (one number or address"
                    " written in several ways, or in Arabic and English, counts once): when one value is shown on"
                    " most of the pages that show any, another that never appears beside it is a second version of"
                    " that contact, such as an old number or a former office left on some pages.",
        category="cx",
        impact="serious",
        required_artifacts=("site.contacts",),
        help_url="https://support.google.com/business/answer/3038177",
        seo_outcome="Search engines match a business by its name, address and phone across its pages and"
                    " listings; conflicting numbers weaken its local results (Google Business Profile: guidelines"
                    " for representing your business).",
        cx_outcome="A visitor who meets two numbers for one business trusts neither, and may call or write to"
                   " the one nobody answers.",
        journey=("decision", "loyalty"),
        effort="small",
        messages={
            "differs": "Pages show different values for the {kind}: {values}.",
        },
        how_to_fix="Choose the one current value and write it in one place (the header or footer template, or a"
                   " shared include) that every page uses; remove the old value from the pages listed.",
    )

    def check_site(self, site):
        for kind, label in KINDS.items():
            values = site.contacts.get(kind) or {}
            pages = {key: set(v["pages"]) for key, v in values.items()}
            showing = set().union(*pages.values())
            main = max(pages, key=lambda k: len(pages[k]), default=None)
            if main is None or 2 * len(pages[main]) <= len(showing):
                continue  # no value of the template's: different contacts, not versions of one
            # a value shown beside the main one is another channel; never beside it, a version at odds
            # (two addresses in two scripts without numbers cannot be told apart: never at odds)
            odds = [k for k in pages if k != main and not pages[k] & pages[main]
                    and (kind != "address" or same_address(values[main]["shown"], values[k]["shown"]) is False)]
            if not odds:
                continue
            apart = [main, *odds]
            ranked = sorted(apart, key=lambda k: (-len(pages[k]), values[k]["shown"]))
            odd = ranked[-1]
            yield self.finding(
                values[odd]["pages"][0], "differs", kind=label,
                values=", ".join(f"{values[k]['shown']} ({len(pages[k])})" for k in ranked),
                shown={values[k]["shown"]: values[k]["pages"][:EXAMPLES] for k in ranked},
                pages={values[k]["shown"]: len(pages[k]) for k in ranked},
            )

    def site_score(self, site, findings):
        return round(1 - len(findings) / len(KINDS), 3)
