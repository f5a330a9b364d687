"""What scripts change on a page: shells, script groups, differences, the merged record."""

from __future__ import annotations

from auditor.gather.extract import extract
from auditor.gather.rendered import changes_matter, is_shell, merge, script_changes, script_group
from auditor.model import PageRecord

BASE = "https://shop.example"


def page(html: str, url: str = BASE + "/") -> tuple[PageRecord, bytes]:
    body = html.encode()
    record = extract(PageRecord(url=url, status=200, final_url=url, is_html=True), body, "text/html; charset=utf-8")
    for link in record.links:
        link.internal = link.href.startswith(BASE)
    return record, body


SHELL = '<html lang="en"><head><title>Loading…</title><script src="/app.js"></script></head><body><div id="app"></div></body></html>'
PLAIN = "<html><head><title>About us</title></head><body><main><p>" + "We roast coffee every week. " * 20 + "</p></main></body></html>"


def test_an_empty_page_with_scripts_is_a_shell_and_a_page_with_text_is_not():
    assert is_shell(*page(SHELL))
    assert not is_shell(*page(PLAIN))
    assert not is_shell(*page("<html><body><h1>Not Found</h1></body></html>"))  # no scripts: nothing to wait for


def test_pages_with_other_scripts_are_sampled_apart():
    themed = PLAIN.replace("</head>", '<script src="/theme.js"></script></head>')
    listing = themed.replace("</main>", '</main><script type="application/json">[]</script><script>build()</script>')
    plain_key = script_group(*page(themed))
    assert plain_key is not None
    assert script_group(*page(themed.replace("every week", "daily"), BASE + "/b")) == plain_key
    assert script_group(*page(listing)) != plain_key
    assert script_group(*page(PLAIN.replace("</head>", '<script src="/a.js?v=2"></script></head>'))) == \
        script_group(*page(PLAIN.replace("</head>", '<script src="/a.js?v=3"></script></head>')))


def test_script_changes_name_added_links_words_and_head_tags():
    html, _ = page(SHELL)
    dom, _ = page('<html lang="en"><head><title>Pricing</title></head><body><nav><a href="/about">About</a>'
                  '<a href="/">Pricing</a>'  # the page itself: its address is known to whoever reads it
                  '<a href="https://other.example/">Elsewhere</a></nav><main><h1>Pricing</h1><p>'
                  + "A bag costs 45 riyals. " * 10 + "</p></main></body></html>")
    changes = script_changes(html, dom)
    assert changes["links_added"] == [BASE + "/about"]
    assert changes["words_added"] == dom.word_count
    assert changes["head_changed"] == ["h1", "title"]
    assert changes_matter(changes, html.word_count)


def test_a_few_words_more_do_not_make_a_template_scripted():
    html, _ = page(PLAIN)
    dom, _ = page(PLAIN.replace("</p>", " Updated today.</p>"))
    changes = script_changes(html, dom)
    assert changes == {"links_added": [], "words_added": 2, "head_changed": []}
    assert not changes_matter(changes, html.word_count)


def test_merge_keeps_the_response_facts_and_the_html_reading_beside_the_rendered_page():
    html, _ = page(SHELL)
    html.headers = {"content-type": "text/html"}
    html.bytes = 120
    dom, _ = page('<html><head><title>Home</title><script src="/injected.js"></script></head><body><main><p>Hi</p>'
                  '<img src="/shot.png"></main></body></html>')
    merged = merge(html, dom, "shell", script_changes(html, dom))
    assert (merged.bytes, merged.headers, merged.layout) == (120, {"content-type": "text/html"}, html.layout)
    assert merged.title == "Home"
    assert [r.url for r in merged.resources] == [BASE + "/app.js", BASE + "/shot.png"]  # injected scripts do not block
    assert merged.facts["js"]["html"]["title"] == "Loading…"
    assert merged.facts["js"]["reason"] == "shell" and merged.facts["js"]["rendered"] is True


def test_links_no_crawler_can_follow_and_hash_routes_are_recorded():
    record, _ = page('<html><body><nav><a href="javascript:void(0)">Shop</a><a href="#" onclick="go()">Blog</a>'
                     '<a onclick="go()">Offers</a><a>Plain placeholder</a><span onclick="location.href=\'/x\'">X</span>'
                     '<button onclick="buy()">Buy</button><a href="#/about">About</a><a href="/#!/contact">Contact</a>'
                     '<a href="#top">Top</a></nav></body></html>')
    anchors = record.facts["anchors"]
    assert [a["kind"] for a in anchors["uncrawlable"]] == ["javascript", "hash", "no-href", "clickable"]
    assert anchors["uncrawlable_count"] == 4
    assert anchors["hash_routes"] == ["#/about", "#!/contact"]
    assert "anchors" not in page(PLAIN)[0].facts


def test_pages_without_scripts_a_browser_runs_are_not_rendered_to_compare():
    assert script_group(*page(PLAIN)) is None
    assert script_group(*page(PLAIN.replace("</main>", '</main><script type="application/ld+json">{}</script>'))) is None
    assert script_group(*page(PLAIN.replace("</main>", "</main><script>go()</script>"))) is not None
    assert script_group(*page(PLAIN.replace("</main>", '</main><script type="module">go()</script>'))) is not None
    assert script_group(*page(PLAIN.replace("</head>", '<script src="/a.js" defer></script></head>'))) is not None
