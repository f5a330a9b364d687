"""The audits of what crawlers that do not run scripts miss, from hand-built records."""

from __future__ import annotations

from auditor.audits import get_audit
from tests.factories import BASE, findings, make_page


def rendered(**js):
    facts = {"rendered": True, "reason": "template", "html": {"title": "Shop", "h1": ["قهوة مختصة"], "words": 400,
                                                              "links": 1},
             "links_added": [], "links_added_count": 0, "words_added": 0, "head_changed": []}
    facts.update(js)
    return {"js": facts}


def test_js_only_links_lists_the_links_scripts_add():
    links = [f"{BASE}/p/{n}" for n in range(8)]
    [finding] = findings(get_audit("js-only-links"), make_page(facts=rendered(links_added=links, links_added_count=8)))
    assert finding.data["count"] == 8 and finding.data["links"] == links
    assert finding.data["hrefs"] == ", ".join(links[:5])


def test_js_only_links_passes_a_rendered_page_whose_links_are_all_in_its_html():
    assert findings(get_audit("js-only-links"), make_page(facts=rendered())) == []


def test_script_audits_do_not_judge_pages_read_from_their_html():
    page = make_page(facts={"js": {"rendered": False}})
    for audit_id in ("js-only-links", "js-only-content", "rendered-head-changed"):
        assert not get_audit(audit_id).applies(page, None), audit_id


def test_js_only_content_when_scripts_write_most_of_the_text():
    [finding] = findings(get_audit("js-only-content"), make_page(word_count=400, facts=rendered(words_added=300)))
    assert finding.data == {"share": 75, "words": 300, "total": 400}
    assert findings(get_audit("js-only-content"), make_page(word_count=400, facts=rendered(words_added=150))) == []


def test_a_shell_pages_text_is_all_written_by_scripts_not_more():
    # words_added counts the text repeated on every page too; the main text leaves it out
    [finding] = findings(get_audit("js-only-content"), make_page(word_count=314, facts=rendered(words_added=323)))
    assert finding.data == {"share": 100, "words": 314, "total": 314}


def test_rendered_head_changed_shows_the_html_and_the_rendered_value():
    page = make_page(title="Prices | Oasis", facts=rendered(head_changed=["title"], html={"title": "Loading…"}))
    [finding] = findings(get_audit("rendered-head-changed"), page)
    assert finding.data["tags"] == "title"
    assert (finding.data["before"], finding.data["after"]) == ("Loading…", "Prices | Oasis")


def test_rendered_head_changed_names_a_robots_tag_added_by_scripts():
    page = make_page(meta={"robots": "noindex"}, facts=rendered(head_changed=["robots"], html={"robots": None}))
    [finding] = findings(get_audit("rendered-head-changed"), page)
    assert (finding.data["tags"], finding.data["before"], finding.data["after"]) == ("meta robots", "(none)", "noindex")


def test_a_head_changed_on_a_page_whose_text_scripts_write_names_that_as_its_cause():
    from auditor.facts.runner import run_audits
    from tests.factories import make_site

    shell = make_page("/", word_count=396, facts=rendered(words_added=396, head_changed=["h1"], html={"h1": []}))
    served = make_page("/about", title="About", word_count=400,
                       facts=rendered(head_changed=["title"], html={"title": "Loading…"}))
    pages = [shell, served]
    out = run_audits(pages, make_site(pages), [get_audit("js-only-content"), get_audit("rendered-head-changed")])
    assert {f["url"]: f["data"].get("root_cause") for f in out["audits"]["rendered-head-changed"]["findings"]} == {
        shell.url: {"audit": "js-only-content", "message_key": "scripted"}, served.url: None}


def test_crawlable_anchors_counts_and_shows_an_example():
    anchors = {"uncrawlable": [{"kind": "clickable", "snippet": '<span onclick="go()">Blog'}], "uncrawlable_count": 3}
    [finding] = findings(get_audit("crawlable-anchors"), make_page(facts={"anchors": anchors}))
    assert finding.data["count"] == 3 and finding.data["example"] == '<span onclick="go()">Blog'
    assert findings(get_audit("crawlable-anchors"), make_page()) == []


def test_hash_routing_lists_the_routes():
    anchors = {"hash_routes": ["#/about", "#!/contact"], "hash_route_count": 2}
    [finding] = findings(get_audit("hash-routing"), make_page(facts={"anchors": anchors}))
    assert finding.data == {"count": 2, "routes": "#/about, #!/contact"}


def test_soft_404_in_english_and_arabic():
    english = make_page(title="Oops", headings=[{"level": 1, "text": "Page not found"}], word_count=12)
    arabic = make_page(title="عذرًا، الصفحة غير موجودة", word_count=12)
    assert [f.data["wording"] for f in findings(get_audit("soft-404"), english)] == ["Page not found"]
    assert [f.data["wording"] for f in findings(get_audit("soft-404"), arabic)] == ["الصفحة غير موجودة"]


def test_soft_404_spares_real_pages_and_long_articles_about_404s():
    assert findings(get_audit("soft-404"), make_page()) == []
    article = make_page(title="How to fix 404 errors", word_count=900)
    assert findings(get_audit("soft-404"), article) == []


def test_spa_route_status_when_the_app_shows_a_page_the_server_answers_404():
    page = make_page(status=404, title="About | Oasis", word_count=120, facts=rendered())
    [finding] = findings(get_audit("spa-route-status"), page)
    assert finding.data == {"status": 404, "title": "About | Oasis", "words": 120}


def test_spa_route_status_spares_a_real_not_found_page_and_unrendered_404s():
    not_found = make_page(status=404, title="Page not found", word_count=120, facts=rendered())
    plain = make_page(status=404, word_count=120)
    assert findings(get_audit("spa-route-status"), not_found) == []
    assert findings(get_audit("spa-route-status"), plain) == []
