"""Every option reaches its stage alike from the command line, the settings file, a
resumed run and a worker: each is built from the one declaration in auditor/options.py."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from auditor.model import Site
from auditor.browser.render import RenderOptions
from auditor.cli import _apply_config, _parser, worker_options
from auditor.gather.crawl import CrawlOptions, scrapy_settings
from auditor.model import PageRecord
from auditor.options import OPTIONS, STORED, of_stage
from auditor.pipeline import fresh_store, resume_options, save_options
from auditor.store.runs import Store
from tests.services import redis_url  # noqa: F401  (fixture)

START = ["http://127.0.0.1:9/"]
STORED_OPTIONS = [o for o in OPTIONS if o.stage in STORED]


def other_value(o):
    """A valid value that is not the option's default, so reaching the stage is visible."""
    if o.type is bool:
        return not o.default
    if o.type is list:
        return [o.choices[-1]] if o.choices else ["csv"] if o.name == "format" else ["/only/"]
    if o.choices:
        return next(c for c in reversed(o.choices) if c != o.default)
    if o.type is int:
        return (o.default or 0) + 7
    if o.type is float:
        return (o.default or 0) + 2.5
    return f"{o.name}-value"


CHOSEN = {o.name: other_value(o) for o in STORED_OPTIONS}


def command_line() -> list[str]:
    argv = []
    for o in STORED_OPTIONS:
        value = CHOSEN[o.name]
        if o.type is bool:
            argv.append(o.flag if value else "--no-" + o.flag[2:])
        else:
            for v in value if o.type is list else [value]:
                argv += [o.flag, str(v)]
    return argv


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return repr(value) if not isinstance(value, str) else f'"{value}"'


def reaches_every_stage(crawl: CrawlOptions, values: dict) -> None:
    """Each stage's own object holds the chosen values."""
    assert crawl.start_urls == START
    for o in STORED_OPTIONS:
        if o.stage == "crawl":
            assert getattr(crawl, o.name) == CHOSEN[o.name], o.name
    render = RenderOptions.of(values)
    assert (render.mode, render.profile, render.runs, render.chromium, render.sample_per_template) == (
        CHOSEN["render"], CHOSEN["profile"], CHOSEN["runs"], CHOSEN["chromium"], CHOSEN["sample_per_template"])
    site = Site(start_urls=START, settings=of_stage(values, "audit"))
    for o in STORED_OPTIONS:
        if o.stage == "audit":
            assert site.setting(o.name) == CHOSEN[o.name], o.name
    assert of_stage(values, "report", "ci") == {o.name: CHOSEN[o.name] for o in STORED_OPTIONS if o.stage in ("report", "ci")}
    scrapy = scrapy_settings(crawl)
    assert scrapy.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == CHOSEN["concurrency"]
    assert scrapy.getfloat("DOWNLOAD_TIMEOUT") == CHOSEN["timeout"]
    assert scrapy.getint("AUDITOR_TRAP_QUERY_VARIANTS") == CHOSEN["max_query_variants"]
    assert scrapy.getint("AUDITOR_TRAP_MAX_URL_LENGTH") == CHOSEN["max_url_length"]
    assert scrapy.getint("AUDITOR_TRAP_PATH_REPEATS") == CHOSEN["max_path_repeats"]
    assert scrapy.getbool("ROBOTSTXT_OBEY") is (not CHOSEN["ignore_robots"])


def from_command_line(argv: list[str], tmp_path: Path):
    parser = _parser()
    full = ["audit", *START, "--config", str(tmp_path / "none.toml"), *argv]
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    args = _apply_config(parser, parser.parse_args(full), full)
    values = of_stage(vars(args), *STORED)
    return CrawlOptions.of(START, values, str(tmp_path / "run.sqlite")), values


def test_chosen_values_differ_from_the_defaults():
    assert all(CHOSEN[o.name] != o.default for o in STORED_OPTIONS)


def test_every_option_reaches_its_stage_from_the_command_line(tmp_path):
    reaches_every_stage(*from_command_line(command_line(), tmp_path))


def test_every_option_reaches_its_stage_from_the_settings_file(tmp_path):
    config = tmp_path / "auditor.toml"
    config.write_text("".join(f"{o.name.replace('_', '-')} = {toml_value(CHOSEN[o.name])}\n" for o in STORED_OPTIONS),
                      encoding="utf-8")
    parser = _parser()
    argv = ["audit", *START, "--config", str(config)]
    args = _apply_config(parser, parser.parse_args(argv), argv)
    values = of_stage(vars(args), *STORED)
    reaches_every_stage(CrawlOptions.of(START, values, str(tmp_path / "run.sqlite")), values)


def test_a_resumed_run_keeps_every_option(tmp_path):
    crawl, _ = from_command_line(command_line(), tmp_path)
    fresh_store(tmp_path / "run.sqlite")
    save_options(crawl)
    store = Store(tmp_path / "run.sqlite")
    store.add_page(PageRecord(url=START[0], status=200))  # a page stored: a real resume, not a new start
    store.close()
    resumed, values = resume_options(tmp_path)
    assert resumed.resume is not None and resumed.store_path == str(tmp_path / "run.sqlite")
    reaches_every_stage(resumed, values)


def test_a_worker_crawls_with_every_option_of_the_run(tmp_path, redis_url):  # noqa: F811
    from spiders import frontier

    crawl, _ = from_command_line(command_line(), tmp_path)
    frontier.start_run(redis_url, crawl.settings())
    store = "postgresql://auditor@127.0.0.1:1/auditor"
    worker = worker_options(argparse.Namespace(frontier=redis_url, store=store, wait=5))
    assert (worker.store_path, worker.frontier, worker.seed) == (store, redis_url, False)
    reaches_every_stage(worker, worker.values)


@pytest.mark.parametrize(("argv", "message"), [
    (["--readability-target", "easy-ish"], "invalid choice"),
    (["--max-click-depth", "-1"], "--max-click-depth must be 0 or more"),
    (["--timeout", "0"], "--timeout must be a positive number"),
])
def test_bad_values_are_refused_with_the_option_named(argv, message, capsys):
    from auditor.cli import main

    try:
        code = main(["audit", *START, "--render", "none", *argv])
    except SystemExit as exc:  # argparse's own refusal
        code = exc.code
    assert code == 2
    assert message in capsys.readouterr().err


def test_readability_target_is_a_setting_of_the_settings_file(tmp_path):
    config = tmp_path / "auditor.toml"
    config.write_text('readability-target = "standard"\n', encoding="utf-8")
    parser = _parser()
    argv = ["audit", *START, "--config", str(config)]
    args = _apply_config(parser, parser.parse_args(argv), argv)
    assert args.readability_target == "standard"
