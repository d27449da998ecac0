"""Relevance measures for the judged queries of ``relevance_judgments``, and reading /cerca/'s results.

Pure functions, no database: ``test_relevance_metrics`` checks them on hand-computed
examples, ``test_relevance_benchmark`` applies them to the seeded demo.

- nDCG@10: gain ``2**grade - 1`` (a grade-3 page weighs seven times a grade-1 one),
  discount ``log2(rank + 1)``, divided by the DCG of the judged pages in their best order.
- recall@10: the share of the judged pages (grade >= 1) found in the top 10, out of
  ``min(10, judged)`` so that a query with more than ten relevant pages can still reach 1.
"""

import math
from html.parser import HTMLParser
from urllib.parse import urlsplit

CUTOFF = 10
SEARCH_URL = "/cerca/"


def _distinct(urls):
    """URLs in order, each once: a page listed twice must not be counted twice."""
    return list(dict.fromkeys(urls))


def dcg(grades):
    return sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades, start=1))


def ndcg_at(returned, judgments, k=CUTOFF):
    """nDCG@k of the ranked ``returned`` URLs against ``{url: grade}``; unjudged URLs are grade 0."""
    ideal = dcg(sorted(judgments.values(), reverse=True)[:k])
    if not ideal:
        raise ValueError("a query without any relevant page cannot be scored")
    return dcg([judgments.get(url, 0) for url in _distinct(returned)[:k]]) / ideal


def recall_at(returned, judgments, k=CUTOFF):
    """Share of the relevant pages (grade >= 1) among the first ``k`` returned, out of ``min(k, relevant)``."""
    relevant = {url for url, grade in judgments.items() if grade >= 1}
    if not relevant:
        raise ValueError("a query without any relevant page cannot be scored")
    found = relevant.intersection(_distinct(returned)[:k])
    return len(found) / min(k, len(relevant))


class _ResultLinks(HTMLParser):
    """The link of each ``li.search-result`` inside ``ol.search-results``, in order.

    A result's link is the one in its heading (its title), else its first link: a
    result may also link to its tags or its type. Editors' picks are a ``ul`` before
    that list: they are promotions, not ranking, so they stay out. Classes are matched
    as words, so extra classes do not matter.
    """

    HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self):
        super().__init__()
        self.links = []
        self._ol_depth = 0  # <ol> elements open, counted from the results list (0: outside it)
        self._li_depth = 0  # <li> elements open, counted from a result's own (0: outside a result)
        self._heading_depth = 0
        self._first_link = self._heading_link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "ol" and (self._ol_depth or "search-results" in classes):
            self._ol_depth += 1
        elif tag == "li" and self._li_depth:
            self._li_depth += 1
        elif tag == "li" and self._ol_depth and "search-result" in classes:
            self._li_depth = 1
            self._first_link = self._heading_link = None
        elif tag in self.HEADINGS and self._li_depth:
            self._heading_depth += 1
        elif tag == "a" and self._li_depth and attrs.get("href"):
            self._first_link = self._first_link or attrs["href"]
            if self._heading_depth:
                self._heading_link = self._heading_link or attrs["href"]

    def handle_endtag(self, tag):
        if tag == "ol" and self._ol_depth:
            self._ol_depth -= 1
        elif tag in self.HEADINGS and self._heading_depth:
            self._heading_depth -= 1
        elif tag == "li" and self._li_depth:
            self._li_depth -= 1
            if not self._li_depth and (self._heading_link or self._first_link):
                self.links.append(self._heading_link or self._first_link)


def result_paths(html):
    """The URL paths of the search results listed in a /cerca/ page, best first."""
    parser = _ResultLinks()
    parser.feed(html)
    parser.close()
    return [urlsplit(href).path for href in parser.links]


def top_results(client, query, k=CUTOFF):
    """The first ``k`` result paths /cerca/ shows a visitor for ``query`` (Django test client)."""
    response = client.get(SEARCH_URL, {"q": query})
    if response.status_code != 200:
        raise AssertionError(f"/cerca/?q={query!r} answered {response.status_code}")
    return result_paths(response.content.decode())[:k]
