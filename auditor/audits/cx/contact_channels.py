from auditor.audits.base import Audit, Meta
from auditor.text.touchpoints import is_contact_form, page_channels


class ContactChannels(Audit):
    meta = Meta(
        id="contact-channels",
        title="Contact pages offer a direct channel",
        failure_title="Contact pages without a phone, e-mail or WhatsApp link",
        description="A contact page should let the visitor call, write or message in one tap, and every field of"
                    " its form should say what it asks for.",
        category="cx",
        impact="serious",
        required_artifacts=("site.touchpoints", "page.links", "page.forms"),
        help_url="https://developers.google.com/search/docs/appearance/structured-data/local-business",
        seo_outcome="Contact details search engines can read (tel: and mailto: links, schema.org ContactPoint)"
                    " support local results and the site's trust signals (Google Search Central: local business"
                    " structured data).",
        cx_outcome="On a phone, a number that is not a tel: link cannot be tapped, and a form field without a"
                   " label leaves the visitor guessing what to type; they give up before they ask.",
        journey=("decision", "loyalty"),
        effort="small",
        messages={
            "no-direct-channel": "The contact page has no phone, e-mail or WhatsApp link (contact forms: {forms}).",
            "unlabelled-field": "The {type} field \u201c{name}\u201d of the contact form has no label.",
            "placeholder-only": "The {type} field \u201c{name}\u201d of the contact form is labelled only by its placeholder "
                                "\u201c{placeholder}\u201d, which is gone once the visitor types.",
            "untied-label": "The label \u201c{label}\u201d is shown beside the {type} field \u201c{name}\u201d but not tied to it "
                            "(no for= naming its id): screen readers announce the field without it.",
        },
        how_to_fix="Add tel:, mailto: and https://wa.me/ links with the number and address written out, and give"
                   " every form field a <label for> (or aria-label).",
        weight=2,
    )

    def applies(self, page, site):
        return page.ok_html and page.url in site.touchpoints.get("contact", ())

    def check(self, page, site):
        forms = [form for form in page.forms if is_contact_form(form)]
        if not page_channels(page):
            yield self.finding(page, "no-direct-channel", forms=len(forms))
        for form in forms:
            for field in form.fields:
                if not (field.get("label") or "").strip():
                    name = field.get("name") or ""
                    where = {"selector": f'[name="{name}"]' if name else None, "name": name, "type": field.get("type")}
                    if field.get("loose_label"):
                        yield self.finding(page, "untied-label", **where, label=field["loose_label"])
                    elif field.get("placeholder"):
                        yield self.finding(page, "placeholder-only", **where, placeholder=field["placeholder"])
                    else:
                        yield self.finding(page, "unlabelled-field", **where)
