"""A website UX/SEO auditor: crawl, measure, audit, report."""

__version__ = "0.1.0"
