"""The fix plan: one fix per cause (what one change fixes), ranked by business impact."""

from reports import rank
from reports.fixes import build_fixes


def _audit(audit_id, impact="serious", effort="small", category="seo", findings=(), messages=None,
           journey=("awareness",)):
    return {"id": audit_id, "title": audit_id, "failure_title": audit_id, "category": category,
            "impact": impact, "effort": effort, "journey": list(journey), "seo_outcome": "s",
            "cx_outcome": "c", "how_to_fix": "h", "messages": messages or {"missing": "Missing."},
            "findings": list(findings), "failing_pages": len({f["url"] for f in findings})}


def _pages(n, pattern, start=0, depth=2, inlinks=3):
    return [{"url": f"https://shop.example{pattern.rstrip('*')}{i}.html", "status": 200, "is_html": True,
             "template": f"{pattern} [main+nav]", "depth": depth, "inlinks": inlinks} for i in range(start, start + n)]


def _result(audits, pages):
    return {"audits": {a["id"]: a for a in audits}, "pages": pages}


def _on(pages, key="missing", **data):
    return [{"url": p["url"], "message_key": key, "data": dict(data)} for p in pages]


def test_a_server_setting_is_one_fix_for_the_whole_site():
    pages = _pages(30, "/products/*") + _pages(6, "/blog/*") + _pages(2, "/en/*")
    findings = [{"url": p["url"], "message_key": "uncompressed",
                 "data": {"count": 2, "resources": [{"url": p["url"], "bytes": 9000}]}} for p in pages]
    fixes = build_fixes(_result([_audit("text-compression", impact="moderate", category="speed", findings=findings,
                                        messages={"uncompressed": "x"})], pages))
    assert [(f.cause, f.page_count) for f in fixes] == [("site", 38)]
    assert [t[0] for t in fixes[0].templates] == ["/products/*", "/blog/*", "/en/*"]


def test_the_404_pages_outrank_text_compression_on_every_page():
    pages = _pages(1, "/", depth=0, inlinks=40) + _pages(40, "/products/*", depth=2, inlinks=4)
    dead = [{"url": f"https://shop.example/gone-{i}.html", "status": 404, "is_html": True, "depth": 3, "inlinks": 1}
            for i in range(5)]
    status = _audit("http-status", impact="critical", effort="medium", journey=("awareness", "consideration", "decision"),
                    findings=_on(dead, "client-error", status=404), messages={"client-error": "x"})
    links = _audit("broken-link", journey=("consideration", "decision"), messages={"broken": "x"},
                   findings=[{"url": pages[1 + i]["url"], "message_key": "broken", "data": {"target": d["url"], "status": 404}}
                             for i, d in enumerate(dead)])
    compression = _audit("text-compression", impact="moderate", category="speed", journey=("awareness", "consideration"),
                         findings=_on(pages, "uncompressed"), messages={"uncompressed": "x"})
    fixes = build_fixes(_result([compression, links, status], pages + dead))
    assert [f.audit["id"] for f in fixes] == ["http-status", "text-compression"]
    assert fixes[0].page_count == 5 and fixes[0].folded == {"broken-link": 5}  # the links are fixed with the pages
    assert fixes[0].reason["stage"] == "decision" and fixes[0].reason["impact"] == "critical"
    assert 0 < fixes[0].share < fixes[1].share <= 1


def test_a_page_level_defect_is_one_fix_listing_its_pages_across_templates():
    products, blog = _pages(10, "/products/*"), _pages(4, "/blog/*")
    findings = _on(products[:1] + blog[:2])
    fixes = build_fixes(_result([_audit("html-dir", impact="critical", category="rtl", findings=findings)], products + blog))
    assert [(f.cause, f.page_count) for f in fixes] == [("pages", 3)]
    assert fixes[0].templates == [("/blog/*", 2, 4), ("/products/*", 1, 10)]


def test_a_defect_on_every_page_of_its_templates_is_a_template_defect():
    products, blog = _pages(10, "/products/*"), _pages(4, "/blog/*")
    fixes = build_fixes(_result([_audit("meta-description", findings=_on(products))], products + blog))
    assert [(f.cause, f.templates) for f in fixes] == [("template", [("/products/*", 10, 10)])]


def test_each_blocking_file_is_one_fix_listing_the_pages_that_load_it():
    pages = _pages(10, "/p/*")
    css = {"url": "https://shop.example/style.css", "type": "stylesheet", "bytes": 8000}
    chat = {"url": "https://cdn.example/chat.js", "type": "script", "bytes": 1300}
    findings = [{"url": p["url"], "message_key": "blocking", "data": {"resources": [css] + ([chat] if i < 3 else [])}}
                for i, p in enumerate(pages)]
    fixes = build_fixes(_result([_audit("render-blocking-resources", impact="moderate", category="speed",
                                        findings=findings, messages={"blocking": "x"})], pages))
    assert [(f.cause, f.cause_text, f.page_count) for f in fixes] == [
        ("file", css["url"], 10), ("file", chat["url"], 3)]


def test_files_blocking_the_very_same_pages_are_one_fix():
    # one shared <head>: three files on every page are one fix, its pages' saving counted once
    pages = _pages(19, "/s/*") + _pages(7, "/blog/*")
    head = [{"url": f"https://shop.example/{name}", "type": "stylesheet", "bytes": 9000} for name in ("fonts.css", "main.css")]
    script = {"url": "https://shop.example/bootstrap.js", "type": "script", "bytes": 4000}
    blog = {"url": "https://shop.example/blog.css", "type": "stylesheet", "bytes": 3000}
    findings = [{"url": p["url"], "message_key": "blocking",
                 "data": {"resources": [script, *head] if i < 19 else [*head, blog]}} for i, p in enumerate(pages)]
    fixes = build_fixes(_result([_audit("render-blocking-resources", impact="moderate", category="speed",
                                        findings=findings, messages={"blocking": "x"})], pages))
    assert sorted((f.cause, str(f.files or f.cause_text), f.page_count, f.finding_count) for f in fixes) == [
        ("file", blog["url"], 7, 7), ("file", script["url"], 19, 19),
        ("files", str([head[0]["url"], head[1]["url"]]), 26, 26)]
    findings = [{"url": p["url"], "message_key": "blocking", "data": {"resources": [script, *head]}} for p in pages]
    fixes = build_fixes(_result([_audit("render-blocking-resources", impact="moderate", category="speed",
                                        findings=findings, messages={"blocking": "x"})], pages))
    assert [(f.cause, f.files, f.page_count, f.finding_count) for f in fixes] == [
        ("files", [script["url"], head[0]["url"], head[1]["url"]], 26, 26)]


def test_two_ways_of_finding_one_defect_are_one_fix_whatever_their_pages():
    # untranslated /ar/ pages: the detector names English on some, only the script tells on others
    pages = _pages(5, "/ar/docs/*") + _pages(3, "/ar/blog/*")
    messages = {"mismatch": "x", "wrong-script": "y", "unmarked-run": "z"}
    audit = _audit("lang-mismatch", category="rtl", messages=messages,
                   findings=_on(pages[:5], "mismatch") + _on(pages[5:], "wrong-script") + _on(pages[:1], "unmarked-run"))
    fixes = build_fixes(_result([audit], pages))
    assert sorted((f.message_key, f.page_count) for f in fixes) == [("mismatch", 5), ("unmarked-run", 1), ("wrong-script", 3)]
    fixes = build_fixes(_result([{**audit, "fix_as": {"wrong-script": "mismatch"}}], pages))
    assert sorted((f.message_key, f.page_count, f.finding_count) for f in fixes) == [("mismatch", 8, 8), ("unmarked-run", 1, 1)]


def test_a_consequence_of_a_consequence_folds_into_the_first_cause():
    # a sample lorem ipsum post on the Arabic side: its script is wrong because it is filler,
    # and its runs are isolated wrongly because its script is wrong
    pages = _pages(3, "/ar/blog/*")
    lorem, post = pages[0]["url"], pages[1]["url"]
    placeholder = _audit("placeholder-content", findings=[{"url": lorem, "message_key": "text", "data": {}}],
                         messages={"text": "x"})
    language = _audit("lang-mismatch", category="rtl", messages={"wrong-script": "y"}, findings=[
        {"url": lorem, "message_key": "wrong-script",
         "data": {"root_cause": {"audit": "placeholder-content", "message_key": "text"}}},
        {"url": post, "message_key": "wrong-script", "data": {}}])
    runs = _audit("bidi-isolation", category="rtl", messages={"unisolated": "z"}, findings=[
        {"url": url, "message_key": "unisolated", "data": {"root_cause": {"audit": "lang-mismatch",
                                                                          "message_key": "wrong-script"}}}
        for url in (lorem, lorem, post)])
    # the runs come first in the result, before the findings they follow from
    fixes = build_fixes(_result([runs, language, placeholder], pages))
    assert sorted((f.audit["id"], f.page_count, dict(f.folded)) for f in fixes) == [
        ("lang-mismatch", 1, {"bidi-isolation": 1}),
        ("placeholder-content", 1, {"lang-mismatch": 1, "bidi-isolation": 2})]


def test_one_audit_on_the_same_pages_under_two_keys_is_one_fix():
    pages = _pages(3, "/p/*")
    findings = _on(pages[:1], "meta", value="noindex") + _on(pages[:1], "in-sitemap")
    fixes = build_fixes(_result([_audit("noindex", impact="critical", findings=findings,
                                        messages={"meta": "x", "in-sitemap": "y"})], pages))
    assert [(f.message_key, f.page_count, dict(f.folded)) for f in fixes] == [("meta", 1, {"noindex": 1})]


def test_two_audits_naming_the_same_value_on_the_same_pages_are_one_fix():
    pages = _pages(3, "/p/*")
    one = _audit("hreflang", effort="medium", findings=_on(pages[:2], "invalid-code", code="ar_SA"),
                 messages={"invalid-code": "x"})
    two = _audit("hreflang-rtl", category="rtl", findings=_on(pages[:2], "invalid-code", code="ar_SA"),
                 messages={"invalid-code": "x"})
    other = _audit("html-lang", findings=_on(pages[:2]))  # same pages, another cause
    fixes = build_fixes(_result([one, two, other], pages))
    assert sorted((f.audit["id"], dict(f.folded)) for f in fixes) == [
        ("hreflang", {"hreflang-rtl": 2}), ("html-lang", {})]


def test_distinct_rules_stay_distinct_fixes():
    pages = _pages(3, "/p/*")
    findings = _on(pages, "violation", rule="region") + _on(pages[:1], "violation", rule="image-alt")
    fixes = build_fixes(_result([_audit("axe-violations", category="accessibility", findings=findings,
                                        messages={"violation": "x"})], pages))
    assert [(f.cause_text, f.page_count) for f in fixes] == [("region", 3), ("image-alt", 1)]


def test_a_one_page_defect_does_not_outrank_the_same_defect_site_wide():
    pages = _pages(20, "/p/*")
    wide = _audit("a-wide", impact="moderate", findings=_on(pages))
    narrow = _audit("b-narrow", impact="serious", findings=_on(pages[:1]))
    fixes = build_fixes(_result([narrow, wide], pages))
    assert [f.audit["id"] for f in fixes] == ["a-wide", "b-narrow"]


def test_a_shallow_much_linked_page_weighs_more_than_a_deep_one():
    home = _pages(1, "/", depth=0, inlinks=30)
    deep = _pages(1, "/deep/*", depth=5, inlinks=1)
    rest = _pages(8, "/p/*")
    on_home = _audit("a-home", findings=_on(home))
    on_deep = _audit("b-deep", findings=_on(deep))
    fixes = build_fixes(_result([on_deep, on_home], home + deep + rest))
    assert [f.audit["id"] for f in fixes] == ["a-home", "b-deep"]
    assert fixes[0].share > 4 * fixes[1].share


def test_a_decision_stage_defect_outranks_a_loyalty_stage_one():
    pages = _pages(4, "/p/*")
    loyalty = _audit("a-loyalty", findings=_on(pages), journey=("loyalty",))
    decision = _audit("b-decision", findings=_on(pages), journey=("decision", "loyalty"))
    fixes = build_fixes(_result([loyalty, decision], pages))
    assert [(f.audit["id"], f.stage) for f in fixes] == [("b-decision", "decision"), ("a-loyalty", "loyalty")]
    assert rank.STAGE["decision"] > rank.STAGE["loyalty"]


def test_ignored_findings_make_no_fix():
    pages = _pages(2, "/p/*")
    findings = [{"url": pages[0]["url"], "message_key": "missing", "ignored": "known"}]
    assert build_fixes(_result([_audit("viewport", findings=findings)], pages)) == []


def test_findings_that_follow_from_a_root_cause_fold_into_its_fix():
    pages = _pages(2, "/docs/*")
    cause = {"url": pages[0]["url"], "message_key": "mismatch", "data": {"declared": "ar", "detected": "en"}}
    runs = [{"url": pages[0]["url"], "message_key": "ltr-text", "data": {
        "text": f"run {i}", "root_cause": {"audit": "lang-mismatch", "message_key": "mismatch"}}} for i in range(40)]
    own = {"url": pages[1]["url"], "message_key": "ltr-text", "data": {"text": "run"}}
    audits = [_audit("lang-mismatch", category="rtl", findings=[cause]),
              _audit("bidi-isolation", category="rtl", findings=runs + [own])]
    fixes = build_fixes(_result(audits, pages))
    by_audit = {f.audit["id"]: f for f in fixes}
    assert by_audit["lang-mismatch"].folded == {"bidi-isolation": 40}
    assert by_audit["bidi-isolation"].finding_count == 1  # the page without the root cause keeps its fix
    assert len(fixes) == 2


def test_a_consequence_whose_cause_is_missing_keeps_a_fix_of_its_own():
    pages = _pages(1, "/docs/*")
    run = {"url": pages[0]["url"], "message_key": "ltr-text",
           "data": {"root_cause": {"audit": "lang-mismatch", "message_key": "mismatch"}}}
    fixes = build_fixes(_result([_audit("bidi-isolation", category="rtl", findings=[run])], pages))
    assert [(f.audit["id"], f.finding_count, dict(f.folded)) for f in fixes] == [("bidi-isolation", 1, {})]


def test_odd_finding_data_makes_fixes_without_errors():
    pages = _pages(2, "/p/*")
    odd = [{"url": pages[0]["url"], "message_key": "missing", "data": {"target": ["a", "b"], "resources": "x.css"}},
           {"url": pages[1]["url"], "message_key": "missing", "data": {"resources": [None, {"url": 3}], "rule": {}}}]
    dead = _audit("http-status", findings=_on(pages[:1], "client-error"), messages={"client-error": "x"})
    fixes = build_fixes(_result([_audit("broken-link", findings=odd), dead], pages))
    assert sorted((f.audit["id"], f.page_count) for f in fixes) == [("broken-link", 2), ("http-status", 1)]


def test_files_one_robots_rule_blocks_are_one_fix_naming_the_rule():
    pages = _pages(12, "/jeddah/*") + _pages(5, "/blog/*")
    rule = {"rule": "Disallow: /_next/", "file": "https://shop.example/robots.txt", "line": 4}
    findings = [{"url": p["url"], "message_key": "blocked-by-robots",
                 "data": {"kind": kind, "target": f"https://shop.example/_next/{name}", **rule}}
                for p in pages for kind, name in (("script", "app.js"), ("stylesheet", f"{p['url'][-6]}.css"))]
    admin = {**rule, "rule": "Disallow: /admin", "line": 5}
    findings.append({"url": pages[0]["url"], "message_key": "blocked-by-robots",
                     "data": {"kind": "script", "target": "https://shop.example/admin/x.js", **admin}})
    fixes = build_fixes(_result([_audit("broken-resource", findings=findings, messages={"blocked-by-robots": "x"})], pages))
    assert sorted((f.cause, f.cause_text, f.page_count, f.finding_count) for f in fixes) == [
        ("rule", "Disallow: /_next/", 17, 34), ("rule", "Disallow: /admin", 1, 1)]


def test_links_to_an_address_redirected_to_a_dead_page_are_fixed_with_that_page():
    pages = _pages(6, "/docs/*")
    moved = [{"url": "https://shop.example/guide", "status": 301, "redirect_to": "https://shop.example/guide/"},
             {"url": "https://shop.example/loop-a", "status": 301, "redirect_to": "https://shop.example/loop-b"},
             {"url": "https://shop.example/loop-b", "status": 301, "redirect_to": "https://shop.example/loop-a"}]
    dead = [{"url": "https://shop.example/guide/", "status": 403, "is_html": True, "depth": 2, "inlinks": 0}]
    status = _audit("http-status", impact="critical", findings=_on(dead, "client-error", status=403),
                    messages={"client-error": "x"})
    links = _audit("broken-link", messages={"broken": "x"}, findings=[
        {"url": p["url"], "message_key": "broken", "data": {"target": target, "status": 403}}
        for p in pages for target in ("https://shop.example/guide", "https://shop.example/loop-a")])
    fixes = build_fixes(_result([links, status], pages + moved + dead))
    assert [(f.audit["id"], f.finding_count, dict(f.folded)) for f in fixes] == [
        ("http-status", 1, {"broken-link": 6}), ("broken-link", 6, {})]  # the loop is a defect of its own
