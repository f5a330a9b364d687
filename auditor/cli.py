"""Command line: `auditor audit URL`, `auditor demo`, `auditor report DIR`, `auditor diff OLD NEW`,
`auditor worker --frontier REDIS_URL --store POSTGRES_URL`."""

from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import sys
import traceback
from pathlib import Path

from auditor.options import STAGES, add_arguments

EXIT_OK, EXIT_BUDGET, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="auditor", description="Audit a website's UX and SEO the way visitors and search engines meet it.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    common.add_argument("--quiet", action="store_true",
                        help="no progress lines in logs (a terminal still shows live counts)")
    sub = parser.add_subparsers(dest="command", required=True)

    audit = sub.add_parser("audit", parents=[common], help="crawl a site, audit it and write the report")
    add_arguments(audit, *STAGES)
    audit.add_argument("--config", default=None, metavar="PATH",  # read before the file, so not in it
                       help="settings file (default: ./auditor.toml, or [tool.auditor] in ./pyproject.toml)")
    parser.audit_parser = audit  # the settings file sets its defaults

    demo = sub.add_parser("demo", parents=[common], help="audit the bundled example site (no network needed)")
    demo.add_argument("--out", default="auditor-demo", help="output folder (default: ./auditor-demo)")
    _report_lang(demo)

    report = sub.add_parser("report", parents=[common], help="write the report again from DIR/result.json")
    report.add_argument("dir", help="an audit output folder (or a result.json)")
    report.add_argument("--out", help="the folder to write report.html into, made if missing (default: the folder of result.json)")
    _report_lang(report)

    diff = sub.add_parser("diff", parents=[common], help="compare two runs: new, fixed and unchanged findings")
    diff.add_argument("old", help="the earlier run: an output folder or a result.json")
    diff.add_argument("new", help="the later run: an output folder or a result.json")
    diff.add_argument("--format", choices=["text", "markdown", "json"], default="text", help="output format (default: text)")

    worker = sub.add_parser("worker", parents=[common], help="crawl for an audit started on another machine with --frontier")
    worker.add_argument("--frontier", required=True, metavar="REDIS_URL", help="the run's Redis, as given to `auditor audit --frontier`")
    worker.add_argument("--store", required=True, metavar="POSTGRES_URL", help="the run's PostgreSQL database, as given to `auditor audit --store`")
    worker.add_argument("--wait", type=float, default=600, metavar="SECONDS",
                        help="how long to wait for a run to start (default 600)")
    return parser


def _report_lang(p: argparse.ArgumentParser) -> None:
    add_arguments(p, "report")


def _validate(args) -> None:
    import re

    from auditor.options import check
    from auditor.urls import normalize

    bad = [u for u in args.urls if not normalize(u)]
    if bad:
        raise UsageError(f"not an http(s) URL: {', '.join(bad)} (write it in full, e.g. https://example.com/)")
    bad = [u for u in args.site_origin if not normalize(u)]
    if bad:
        raise UsageError(f"--site-origin must be an http(s) origin such as https://www.example.com: {', '.join(bad)}")
    for pattern in args.include + args.exclude:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise UsageError(f"invalid regular expression {pattern!r}: {exc}") from None
    try:
        check(vars(args))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.frontier and not args.store:
        raise UsageError("--frontier needs --store postgresql://...: every machine writes its pages to that shared database")
    if args.resume and (args.frontier or args.store):
        raise UsageError("--resume carries on a run from DIR: from its run.sqlite, or from the Redis and PostgreSQL"
                         " its --frontier and --store named; it cannot be combined with --frontier or --store")
    _check_shared(args.frontier, args.store)


def _check_shared(frontier: str | None, store: str | None) -> None:
    """The Redis and PostgreSQL URLs of a crawl spread over machines, and their client libraries."""
    from auditor.store.database import is_postgres

    if frontier and not frontier.startswith(("redis://", "rediss://", "unix://")):
        raise UsageError(f"--frontier must be a Redis URL (redis://host:port/0), not {frontier!r}")
    if store and not is_postgres(store):
        raise UsageError(f"--store must be a PostgreSQL URL (postgresql://user:pass@host:port/db), not {store!r}")
    for needed, module in ((frontier, "scrapy_redis"), (frontier, "redis"), (store, "psycopg")):
        if needed:
            try:
                __import__(module)
            except ImportError:
                raise UsageError(f"{module} is not installed: pip install 'auditor[distributed]'") from None


def run_audit(args, urls: list[str]) -> int:
    # The modules' objects live as long as the run: the collections that making them
    # would set off visit them again and again (a twentieth of a second).
    gc.disable()
    from auditor.browser.chromium import ChromiumNotFound, find_chromium
    from auditor.browser.render import RenderOptions
    from auditor.gather.crawl import CrawlOptions
    from auditor.options import STORED, of_stage
    from auditor.pipeline import (Interrupted, Stopped, Unreachable, audit_site, fresh_store, remember_shared,
                                  resume_options)
    from auditor.urls import normalize

    gc.enable()

    if args.resume:
        out = Path(args.resume)
        try:
            options, values = resume_options(out)
        except (FileNotFoundError, ConnectionError) as exc:
            raise UsageError(str(exc)) from None
    else:
        values = of_stage(vars(args), *STORED)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        if args.store:
            _clear_store(args.store)
        else:
            fresh_store(out / "run.sqlite")
        options = CrawlOptions.of([normalize(u) for u in urls], values, args.store or str(out / "run.sqlite"),
                                  frontier=args.frontier)
        remember_shared(out, args.frontier, args.store)
    render_options = RenderOptions.of(values)
    if render_options.mode != "none":
        try:
            render_options.chromium = find_chromium(render_options.chromium)
        except ChromiumNotFound as exc:
            raise UsageError(f"{exc}\n(or run with --render none for the static audit only)") from None
    if values.get("js") != "never":
        try:
            find_chromium(values.get("chromium"))
        except ChromiumNotFound as exc:
            raise UsageError(f"{exc}\n(or run with --js never --render none to read only the HTML the server"
                             " sends)") from None
    try:
        result = audit_site(options, out, values, render_options, ignore=_ignore_rules(args))
    except Unreachable as exc:
        print(f"auditor: could not reach the start URL ({exc}).\n"
              "Check the address, that the site is up, and that this machine can reach it.", file=sys.stderr)
        return EXIT_USAGE
    except Interrupted as exc:
        print(f"auditor: stopped; {exc} in {'the run store' if options.frontier else out / 'run.sqlite'}.\n"
              f"Resume with: auditor audit --resume {out}", file=sys.stderr)
        return 128 + exc.signum
    except Stopped as exc:
        print(f"auditor: stopped ({signal.Signals(exc.signum).name}); what was crawled and measured is saved in "
              f"{'the run store' if options.frontier else options.store_path}.\nResume with: auditor audit --resume {out}", file=sys.stderr)
        return 128 + exc.signum
    _summary(result, out)
    return _finish_ci(args, result, out)


def _ignore_rules(args) -> tuple:
    budgets = getattr(args, "budgets", None)
    return budgets.ignore if budgets is not None else ()


def _apply_config(parser: argparse.ArgumentParser, args, argv: list[str] | None):
    """Read the settings file; its values become the audit's defaults, so flags given win."""
    from auditor.audits import all_audits
    from auditor.ci.config import ConfigError, check_options, find, load

    try:
        path = find(args.config, Path.cwd())
        config = load(path, {a.meta.id for a in all_audits()})
        options = check_options(config.options, str(path))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    # A list given on the command line replaces the file's list rather than adding to it.
    defaults = {k: v for k, v in options.items() if not (isinstance(v, list) and getattr(args, k))}
    if defaults:
        parser.audit_parser.set_defaults(**defaults)
        args = parser.parse_args(argv)
    args.budgets = config.budgets
    return args


def _validate_ci(args) -> None:
    from auditor.result import read_result
    from reports.formats import expand

    if not args.urls and not args.resume:
        raise UsageError("give at least one start URL (on the command line, or urls = [...] in auditor.toml)")
    try:
        args.formats = expand(args.format)
    except ValueError as exc:
        raise UsageError(f"--format: {exc}") from None
    if "budgets" in args.fail_on and not args.budgets.has_limits:
        raise UsageError("--fail-on budgets needs a [budgets] table in auditor.toml (or --config PATH)")
    if "new" in args.fail_on and not args.baseline:
        raise UsageError("--fail-on new needs --baseline DIR: the earlier run to compare with")
    args.baseline_result = None
    if args.baseline:
        try:
            args.baseline_result = read_result(args.baseline)
        except FileNotFoundError:
            raise UsageError(f"--baseline: no result.json in {args.baseline}") from None
        except ValueError as exc:
            raise UsageError(f"--baseline: {exc}") from None


def _finish_ci(args, result: dict, out: Path) -> int:
    from auditor.ci.budgets import Budgets
    from auditor.ci.finish import finish

    budgets = getattr(args, "budgets", None)
    return finish(result, out, budgets=budgets if budgets is not None else Budgets(),
                  fail_on=tuple(dict.fromkeys(getattr(args, "fail_on", []))),
                  baseline=getattr(args, "baseline_result", None), formats=getattr(args, "formats", ()),
                  report_lang=getattr(args, "report_lang", None))


def cmd_diff(args) -> int:
    from auditor.ci.diff import diff_results
    from auditor.result import read_result
    from reports import diff_text

    results = []
    for source in (args.old, args.new):
        try:
            results.append(read_result(source))
        except FileNotFoundError:
            raise UsageError(f"no result.json in {source}") from None
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    diff = diff_results(*results)
    if args.format == "json":
        print(json.dumps(diff, ensure_ascii=False, indent=1))
    else:
        print(diff_text.markdown(diff) if args.format == "markdown" else diff_text.text(diff))
    return EXIT_OK


def _summary(result: dict, out: Path) -> None:
    counts = result["run"]["counts"]
    print(f"Audited {counts['html_pages']} pages ({counts['urls']} URLs) in {sum(result['run']['timings'].values()):.1f} s")
    for cat in result["categories"].values():
        score = "n/a" if cat["score"] is None else f"{round(cat['score'] * 100)}"
        print(f"  {cat['title']:<28} {score:>4}")
    print(f"Report:  {(out / 'report.html').resolve()}")
    print(f"Result:  {(out / 'result.json').resolve()}")


def cmd_demo(args) -> int:
    from auditor.demo import serve_demo
    from auditor.options import defaults

    with serve_demo() as base_url:
        print(f"Serving the example site at {base_url}")
        args.urls = [f"{base_url}/index.html"]
        for name, value in defaults().items():
            if not hasattr(args, name):
                setattr(args, name, value)
        return run_audit(args, args.urls)


def _clear_store(url: str) -> None:
    from auditor.store.runs import Store

    store = Store(url)
    try:
        store.clear()
    finally:
        store.close()


def cmd_worker(args) -> int:
    """Join the run in progress on --frontier; exit once it is done."""
    from auditor.gather.crawl import crawl

    options = worker_options(args)
    counters = crawl(options)
    if counters.get("finish_reason") == "shutdown":
        print("auditor: worker stopped; the other machines carry on", file=sys.stderr)
        return 128 + counters.get("signal", signal.SIGINT)
    from spiders import frontier

    if frontier.was_stopped(args.frontier):
        print(f"Crawled {counters.get('urls', 0)} URLs and {counters.get('resources', 0)} resources; the run was stopped"
              " where it started (`auditor audit --resume DIR` there carries it on)")
        return EXIT_OK
    print(f"Crawled {counters.get('urls', 0)} URLs and {counters.get('resources', 0)} resources; the run is done")
    return EXIT_OK


def worker_options(args):
    """The crawl options the run on --frontier published, for this worker to crawl with."""
    from auditor.gather.crawl import CrawlOptions

    _check_shared(args.frontier, args.store)
    from spiders import frontier

    settings = frontier.wait_for_run(args.frontier, args.wait)
    if settings is None:
        raise UsageError(f"no run started on {args.frontier} within {args.wait:g} s"
                         " (start one with: auditor audit URL --frontier ... --store ...)")
    return CrawlOptions.of(settings["start_urls"], settings, args.store, frontier=args.frontier, seed=False)


def cmd_report(args) -> int:
    from auditor.result import read_result
    from reports import html

    source = Path(args.dir)
    try:
        result = read_result(source)
    except FileNotFoundError:
        raise UsageError(f"no result.json in {source}") from None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    folder = Path(args.out) if args.out else (source if source.is_dir() else source.parent)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out is a folder, as for `auditor audit`; {folder} is a file")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "report.html"
    # link only the extra files that are beside this report
    result["run"]["outputs"] = [n for n in result["run"].get("outputs") or () if (folder / n).is_file()]
    html.write(result, target, args.report_lang)
    print(f"Report:  {target.resolve()}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.quiet:
        os.environ["AUDITOR_QUIET"] = "1"
    try:
        if args.command == "audit":
            args = _apply_config(parser, args, argv)
            _validate_ci(args)
            _validate(args)
            return run_audit(args, args.urls)
        if args.command == "demo":
            return cmd_demo(args)
        if args.command == "diff":
            return cmd_diff(args)
        if args.command == "worker":
            return cmd_worker(args)
        return cmd_report(args)
    except UsageError as exc:
        print(f"auditor: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as exc:  # Ctrl-C, or a stop signal (auditor.pipeline.Stopped)
        print("auditor: stopped", file=sys.stderr)
        return 128 + getattr(exc, "signum", signal.SIGINT)
    except BrokenPipeError:
        # The reader went away (`auditor ... | head`): nothing more to say to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        print(f"auditor: internal error: {type(exc).__name__}: {exc}\nRun again with --debug for the traceback.", file=sys.stderr)
        return EXIT_INTERNAL
