"""The fix plan groups findings by cause: one fix per template bug, not one per page."""

from reports.fixes import build_fixes, priority


def _audit(audit_id, impact="serious", effort="small", category="seo", findings=(), messages=None):
    return {"id": audit_id, "title": audit_id, "failure_title": audit_id, "category": category,
            "impact": impact, "effort": effort, "journey": ["awareness"], "seo_outcome": "s",
            "cx_outcome": "c", "how_to_fix": "h", "messages": messages or {"missing": "Missing."},
            "findings": list(findings), "failing_pages": len({f["url"] for f in findings})}


def _pages(n, pattern, start=0):
    return [{"url": f"https://shop.example{pattern.rstrip('*')}{i}.html", "status": 200, "is_html": True,
             "template": f"{pattern} [main+nav]"} for i in range(start, start + n)]


def _result(audits, pages):
    return {"audits": {a["id"]: a for a in audits}, "pages": pages}


def test_a_defect_on_every_page_of_one_template_is_one_fix():
    products = _pages(300, "/products/*")
    blog = _pages(4, "/blog/*")
    findings = [{"url": p["url"], "message_key": "missing"} for p in products + blog]
    fixes = build_fixes(_result([_audit("meta-description", findings=findings)], products + blog))
    assert [(f.cause, f.cause_text, f.page_count) for f in fixes] == [
        ("template", "/products/*", 300), ("template", "/blog/*", 4)]
    assert fixes[0].templates == [("/products/*", 300)]
    assert fixes[0].examples == [p["url"] for p in products[:5]]
    assert [f.id for f in fixes] == ["fix-1", "fix-2"]


def test_a_broken_link_target_is_one_fix_across_templates():
    pages = _pages(3, "/products/*") + _pages(2, "/blog/*")
    findings = [{"url": p["url"], "message_key": "broken", "data": {"target": "https://shop.example/returns", "status": 404}}
                for p in pages]
    findings.append({"url": pages[0]["url"], "message_key": "broken", "data": {"target": "https://shop.example/old", "status": 404}})
    fixes = build_fixes(_result([_audit("broken-link", findings=findings, messages={"broken": "x"})], pages))
    assert [(f.cause_field, f.cause_text, f.page_count) for f in fixes] == [
        ("target", "https://shop.example/returns", 5), ("target", "https://shop.example/old", 1)]
    assert fixes[0].templates == [("/products/*", 3), ("/blog/*", 2)]


def test_page_text_is_a_cause_only_when_shared():
    pages = _pages(3, "/products/*")
    duplicate = [{"url": p["url"], "message_key": "shared", "data": {"title": "Shop", "count": 2}} for p in pages[:2]]
    too_long = [{"url": p["url"], "message_key": "too-long", "data": {"title": f"Title {i}", "length": 90}}
                for i, p in enumerate(pages)]
    result = _result([_audit("duplicate-title", findings=duplicate, messages={"shared": "x"}),
                      _audit("title-length", impact="minor", findings=too_long, messages={"too-long": "x"})], pages)
    fixes = build_fixes(result)
    assert [(f.audit["id"], f.cause, f.cause_text, f.page_count) for f in fixes] == [
        ("duplicate-title", "target", "Shop", 2), ("title-length", "template", "/products/*", 3)]


def test_ignored_findings_make_no_fix():
    pages = _pages(2, "/p/*")
    findings = [{"url": pages[0]["url"], "message_key": "missing", "ignored": "known"}]
    assert build_fixes(_result([_audit("viewport", findings=findings)], pages)) == []


def test_fixes_rank_by_impact_times_reach_over_effort():
    pages = _pages(10, "/p/*")
    wide_minor = _audit("a-minor", impact="minor", findings=[{"url": p["url"], "message_key": "missing"} for p in pages])
    narrow_critical = _audit("b-critical", impact="critical", effort="large",
                             findings=[{"url": pages[0]["url"], "message_key": "missing"}])
    fixes = build_fixes(_result([narrow_critical, wide_minor], pages))
    # minor on every page: 1 x 1.2 / 1 = 1.2; critical on one page, large effort: 4 x 0.3 / 3 = 0.4
    assert [(f.audit["id"], f.priority) for f in fixes] == [("a-minor", 1.2), ("b-critical", 0.4)]
    assert priority("serious", "medium", 5, 10) == 1.05


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
