import os

import pytest

from auditor.browser import LAUNCH_ARGS, ChromiumNotFound, find_chromium


def test_explicit_path_wins(tmp_path):
    fake = tmp_path / "my-chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert find_chromium(str(fake)) == str(fake)


def test_env_var_is_used(tmp_path, monkeypatch):
    fake = tmp_path / "env-chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("AUDITOR_CHROMIUM", str(fake))
    assert find_chromium() == str(fake)


def test_missing_explicit_path_says_how_to_install(tmp_path):
    with pytest.raises(ChromiumNotFound) as err:
        find_chromium(str(tmp_path / "nope"))
    message = str(err.value)
    assert "apt-get install chromium" in message
    assert "not needed" in message


def test_nothing_found_anywhere(monkeypatch):
    monkeypatch.delenv("AUDITOR_CHROMIUM", raising=False)
    monkeypatch.setattr("auditor.browser.chromium._KNOWN_PATHS", ())
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ChromiumNotFound, match="apt-get install chromium"):
        find_chromium()


def test_default_finds_an_executable(monkeypatch):
    monkeypatch.delenv("AUDITOR_CHROMIUM", raising=False)
    path = find_chromium()
    assert os.access(path, os.X_OK)


def test_launch_args_are_offline_and_profile_free():
    assert "--no-sandbox" in LAUNCH_ARGS and "--disable-quic" in LAUNCH_ARGS
    assert not any(arg.startswith("--user-data-dir") for arg in LAUNCH_ARGS)


def test_setup_errors_reach_the_caller(tmp_path):
    from auditor.browser.measure import measure_pages

    with pytest.raises(ValueError, match="unknown profile"):
        measure_pages(["http://127.0.0.1:9/"], profile="tablet")
    with pytest.raises(ChromiumNotFound):
        measure_pages(["http://127.0.0.1:9/"], executable_path=str(tmp_path / "nope"))
    assert measure_pages([]) == []
