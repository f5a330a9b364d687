"""After an audit: compare with the baseline, judge the gate, write the extra formats, exit 0 or 1."""

from __future__ import annotations

import json
from pathlib import Path

from auditor.ci import gate
from auditor.ci.budgets import Budgets
from auditor.ci.diff import diff_results
from auditor.result import write_result
from reports import formats as output_formats
from reports import html

EXIT_OK, EXIT_FAILED = 0, 1


def finish(result: dict, out: Path, *, budgets: Budgets, fail_on: tuple[str, ...] = (),
           baseline: dict | None = None, formats: tuple[str, ...] = (), report_lang: str | None = None) -> int:
    judged = bool(budgets.has_limits or budgets.ignore or fail_on or baseline is not None)
    verdict = None
    output_formats.remove_stale(out, formats)
    if baseline is not None:
        result["diff"] = diff_results(baseline, result)
        (out / "diff.json").write_text(json.dumps(result["diff"], ensure_ascii=False, indent=1), encoding="utf-8")
        if (out / "report.html").is_file():  # the report shows the comparison too
            html.write(result, out / "report.html", report_lang)
    else:
        (out / "diff.json").unlink(missing_ok=True)  # an earlier run's comparison, not this one's
    if judged:
        verdict = gate.judge(result, budgets, fail_on, baseline)
        result["gate"] = verdict.to_dict()
        write_result(result, out / "result.json")
    for path in output_formats.write(result, out, formats):
        print(f"Wrote:   {path.resolve()}")
    if baseline is not None:
        totals = result["diff"]["totals"]
        print(f"Since the baseline: {totals['new']} new, {totals['fixed']} fixed, {totals['unchanged']} unchanged findings "
              f"({(out / 'diff.json').resolve()})")
    if verdict is None:
        return EXIT_OK
    print(gate.summary(verdict))
    return EXIT_FAILED if verdict.failed else EXIT_OK
