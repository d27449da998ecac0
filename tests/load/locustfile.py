"""Visitors of the load test (``make loadtest``): what a busy week brings to the site.

Anonymous visitors open the home page, the three listings (often with a filter
they click), detail pages, the search page (then a facet of its results), the
search suggestions as they type, a tag page and the events' calendar file; one
user in ten is the demo member, logged in, in the reserved area.

Each simulated visitor sends ``X-Forwarded-For`` with an address of its own, as
the TLS proxy in front of the site writes it (the run sets
``TRUSTED_PROXY_COUNT=1``): the per-address limits of /cerca/ and of logins then
see many visitors, not one. ``LOAD_PLAN`` names the JSON written by
``tests/load/seed.py`` (sample pages, tags, words); ``LOAD_MEMBER_PASSWORD`` is
the member's password.
"""

import html
import json
import os
import random
import re

from locust import HttpUser, between, task

PLAN = json.load(open(os.environ["LOAD_PLAN"]))  # noqa: SIM115 - read once at import
FILTER_LINK = re.compile(r'href="(\?[^"#]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KINDS = ("practices", "materials", "events")


class Visitor(HttpUser):
    weight = 9
    wait_time = between(1, 4)

    def on_start(self):
        self.client.headers["X-Forwarded-For"] = (
            f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
        )

    def get(self, path, name, must_stay=False, **kwargs):
        with self.client.get(path, name=name, catch_response=True, **kwargs) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
            elif must_stay and not response.url.endswith(path):
                response.failure(f"sent to {response.url}")
            return response

    def click_a_filter(self, response, base, name):
        links = FILTER_LINK.findall(response.text or "")
        if links:
            self.get(base + html.unescape(random.choice(links)), name)

    @task(3)
    def home(self):
        self.get("/", "home")

    @task(3)
    def listing_with_a_filter(self):
        kind = random.choice(KINDS)
        base = PLAN["listings"][kind]
        response = self.get(base, f"listing {kind}")
        self.click_a_filter(response, base, f"listing {kind} filtered")

    @task(6)
    def detail(self):
        kind = random.choice(KINDS)
        self.get(random.choice(PLAN["details"][kind]), f"detail {kind}")

    @task(3)
    def search_with_a_facet(self):
        response = self.get("/cerca/", "cerca", params={"q": random.choice(PLAN["words"])})
        self.click_a_filter(response, "/cerca/", "cerca facet")

    @task(4)
    def suggestions(self):
        word = random.choice(PLAN["words"])
        # As someone types: the suggestions of the first letters, then of a few more.
        for length in (3, 5):
            self.get("/cerca/suggerimenti/", "suggerimenti", params={"q": word[:length]})

    @task(1)
    def tag_page(self):
        self.get(f"/tag/{random.choice(PLAN['tags'])}/", "tag")

    @task(1)
    def calendar_file(self):
        self.get(f"{PLAN['listings']['events']}calendario.ics", "calendario.ics")


class Member(Visitor):
    """The demo member, logged in: the reserved area between some public pages."""

    weight = 1

    def on_start(self):
        super().on_start()
        response = self.get("/accedi/", "login form")
        self.allow_cookies_over_http()
        token = CSRF.search(response.text).group(1)
        with self.client.post(
            "/accedi/",
            data={
                "csrfmiddlewaretoken": token,
                "username": "membro",
                "password": os.environ["LOAD_MEMBER_PASSWORD"],
                "next": "/area-riservata/",
            },
            headers={"Referer": f"{self.host}/accedi/"},
            name="login",
            catch_response=True,
            allow_redirects=False,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused: {response.status_code}")
        self.allow_cookies_over_http()

    def allow_cookies_over_http(self):
        # Production cookies are Secure (HTTPS through the proxy); the test speaks plain HTTP to gunicorn.
        for cookie in self.client.cookies:
            cookie.secure = False

    @task(6)
    def reserved_area(self):
        # Not logged in, it would be a redirect to the login page: a failure here.
        self.get("/area-riservata/", "area riservata", must_stay=True)
