import ipaddress
from urllib.parse import urlsplit

from auditor.audits.base import Meta, SiteAudit


class TrustSignals(SiteAudit):
    meta = Meta(
        id="trust-signals",
        title="The site shows the signs of a business you can trust",
        failure_title="Missing trust signals: HTTPS or a physical address",
        description="Before paying or sharing their details, visitors check the padlock and that a real business"
                    " with an address stands behind the site.",
        category="cx",
        impact="serious",
        required_artifacts=("site.start_urls", "site.visitor_redirects", "site.status", "site.touchpoints",
                            "site.address_evidence", "site.site_kind"),
        help_url="https://developers.google.com/search/blog/2014/08/https-as-ranking-signal",
        seo_outcome="HTTPS is a ranking signal (Google Search Central: HTTPS as a ranking signal), and who runs the"
                    " site and where to find them weigh on its trustworthiness (Google Search Quality Rater"
                    " Guidelines: E-E-A-T).",
        cx_outcome="Browsers mark HTTP pages \u201cNot secure\u201d; without an address, cautious visitors do not buy"
                   " or leave their details.",
        journey=("decision",),
        effort="medium",
        messages={
            "no-https": "The site is served over plain HTTP ({url}).",
            "no-address": "No contact or about page shows a postal address ({checked} pages checked).",
        },
        how_to_fix="Serve every page over HTTPS and redirect HTTP to it; write the street address (or P.O. box and"
                   " postal code) on the contact and about pages.",
        weight=2,
    )
    # A missing privacy policy is touchpoint-coverage's finding: reported here too, it
    # would be one problem twice in the fix plan.

    def check_site(self, site):
        home = site.home
        # a copy served on this machine says nothing of the scheme the public site uses
        # (Google's HTTPS ranking signal is about the address searchers reach)
        if urlsplit(home).scheme != "https" and not _loopback(home):
            yield self.finding(home, "no-https", url=home)
        if not site.address_evidence and expects_address(site):
            checked = {u for kind in ("contact", "about") for u in site.touchpoints.get(kind, ())}
            # with neither a contact nor an about page, the missing contact page is the problem
            yield self.finding(home, "no-address", checked=len(checked),
                               follows_from=() if checked else ("touchpoint-coverage:missing",))

    def site_score(self, site, findings):
        return round(1 - len(findings) / (1 + expects_address(site)), 3)


def expects_address(site) -> bool:
    """A shop or a service is trusted by where it stands; documentation and publications
    by who writes them (a site of unclear kind may be a business: it is asked)."""
    kind = site.site_kind or {}
    return kind.get("assumed", True) or kind.get("kind") in ("shop", "services")


def _loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
