"""Addresses of a listing's variants: the same page, feed or calendar with other parameters."""

from urllib.parse import urlencode


def query_url(params):
    """``?a=1&b=2`` for these (name, value) pairs; ``?`` alone for none (a link to the bare listing)."""
    return "?" + urlencode(params) if params else "?"


def with_query(url, params):
    """``url`` with these parameters, or ``url`` itself when there are none."""
    return f"{url}?{urlencode(params)}" if params else url
