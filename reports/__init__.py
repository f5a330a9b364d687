"""Report writers. They read result.json only: no audits, no store."""
