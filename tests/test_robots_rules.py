"""Naming the robots.txt line that blocks a URL: the group for the crawler's user agent,
and the longest of its Disallow lines that matches."""

from auditor.options import ROBOTS_AGENT as AGENT
from auditor.text.robots_rules import RobotsRules, blocking_rule


ROBOTS = """# shop
User-agent: *
Allow: /
Disallow: /api/
Disallow: /_next/

User-agent: auditor
User-agent: otherbot
Disallow: /private   # staff only
Disallow: /_next/static/css

User-agent: badbot
Disallow: /
Sitemap: https://shop.example/sitemap.xml
"""


def test_the_group_naming_the_crawler_decides_not_the_star_group():
    rules = RobotsRules(ROBOTS, AGENT)
    assert rules.blocking("https://shop.example/_next/static/css/a.css") == (10, "Disallow: /_next/static/css")
    assert rules.blocking("https://shop.example/private?page=2") == (9, "Disallow: /private")
    # /api/ is only disallowed for the others
    assert rules.blocking("https://shop.example/api/cart") is None


def test_another_agent_gets_the_star_group():
    rules = RobotsRules(ROBOTS, "somebot")
    assert rules.blocking("https://shop.example/_next/static/css/a.css") == (5, "Disallow: /_next/")
    assert rules.blocking("https://shop.example/") is None


def test_the_longest_matching_rule_decides_wildcards_included():
    rules = RobotsRules("User-agent: *\nDisallow: /a/\nDisallow: /*.js$\n", AGENT)
    assert rules.blocking("https://shop.example/a/app.js") == (3, "Disallow: /*.js$")
    assert rules.blocking("https://shop.example/a/page") == (2, "Disallow: /a/")
    assert rules.blocking("https://shop.example/app.jsx") is None


def test_repeated_groups_for_one_agent_are_read_together():
    rules = RobotsRules("User-agent: *\nDisallow: /a/\n\nUser-agent: *\nDisallow: /b/\n", AGENT)
    assert rules.blocking("https://shop.example/b/x") == (5, "Disallow: /b/")


def test_rules_before_any_user_agent_and_empty_disallows_name_nothing():
    rules = RobotsRules("Disallow: /x\nUser-agent: *\nDisallow:\n", AGENT)
    assert rules.blocking("https://shop.example/x") is None


def test_the_rule_file_and_line_for_the_urls_origin():
    robots_txt = {"https://shop.example": ROBOTS}
    assert blocking_rule(robots_txt, "https://shop.example/private/a", AGENT) == {
        "rule": "Disallow: /private", "file": "https://shop.example/robots.txt", "line": 9}
    assert blocking_rule(robots_txt, "https://cdn.example/private/a", AGENT) == {}


def test_a_group_too_long_to_search_names_no_rule():
    huge = "User-agent: *\n" + "".join(f"Disallow: /old-{n}/\n" for n in range(2500)) + "Disallow: /_next/\n"
    assert RobotsRules(huge, AGENT).blocking("https://shop.example/_next/app.js") is None
    assert RobotsRules(huge.replace("/old-", "#/old-"), AGENT).blocking("https://shop.example/_next/app.js") == (
        2502, "Disallow: /_next/")
