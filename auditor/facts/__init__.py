"""Whole-site facts computed after the crawl (boilerplate, language, readability, right-to-left, touchpoints) and the audit pass that runs every audit on them."""
