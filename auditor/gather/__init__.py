"""Gathering: the facts of one page as its HTML gives them, and the Scrapy crawl that collects them."""
