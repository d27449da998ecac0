"""The benchmark runs only when asked for: ``pytest tests/bench -m bench -s``
(``make bench``); a plain ``pytest`` run (``make test``) skips it."""

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "bench: search benchmark (slow; run by make bench)")


def pytest_collection_modifyitems(config, items):
    if "bench" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="benchmark: run with -m bench (make bench)")
    for item in items:
        if "bench" in item.keywords:
            item.add_marker(skip)
