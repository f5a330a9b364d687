"""Scrapy spiders that gather the audited site into the run store."""
