"""Right-to-left and language audits: static checks of markup and CSS, and checks of the rendered page."""
