"""Every page type of the site, public and reserved, in Chromium: axe-core finds no violation,
the console logs no error or CSP violation, and the Nu HTML Checker (vnu-jar, on the machine's
Java) finds no error in the HTML exactly as the server sent it.

One browser context per role (a visitor, a member who coordinates a group, the redazione), each
page visited once. The response bodies are saved as they came and checked with one run of vnu at
the end, which is most of this module's time (Java's start-up). Admin pages are Wagtail's own and
not in the list; files (feeds, .ics, JSON, shared documents) are not HTML.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from .helpers import ROOT, axe_violations, watch_console

pytestmark = pytest.mark.slow

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")


class Checker:
    """Visits pages in one context; keeps each served body and every problem found on the way."""

    def __init__(self, chromium, live_site, folder, role):
        self.context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="it-IT")
        self.page = watch_console(self.context.new_page())
        self.live_site = live_site
        self.folder = folder
        self.role = role
        self.problems = []
        self.files = {}

    def visit(self, name, path, status=200):
        return self.check(name, self.page.goto(self.live_site + path), status)

    def submit(self, name, form="main form[method=post]", status=400, fill=None):
        """Submit the form as it is (empty or as ``fill`` left it), past the browser's own checks."""
        form = self.page.locator(form).first
        if fill:
            fill(form)
        form.evaluate("f => { f.noValidate = true }")
        with self.page.expect_navigation() as navigation:
            form.locator("[type=submit]").last.click()
        return self.check(name, navigation.value, status)

    def check(self, name, response, status):
        label = f"{self.role}: {name} ({response.url.removeprefix(self.live_site)})"
        if response.status != status:
            self.problems.append(f"{label}: status {response.status}, expected {status}")
        path = self.folder / f"{self.role}-{name}.html"
        path.write_bytes(response.body())
        self.files[str(path)] = label
        for violation in axe_violations(self.page):
            self.problems.append(f"{label}: axe {violation}")
        # Chromium logs the page's own 4xx status as a console error: here it is the answer expected.
        expected = f"the server responded with a status of {status}"
        for error in self.page.console_errors:
            if status < 400 or expected not in error:
                self.problems.append(f"{label}: console {error}")
        self.page.console_errors.clear()
        return response

    def close(self):
        self.context.close()


def public_pages(site):
    from ciao.models import DossierIndexPage, DossierPage, StandardPage
    from community.models import Subscription
    from events.models import EventPage
    from practices.models import InterventionModelPage, PracticePage
    from resources.models import ResourcePage

    def first_url(model):
        return model.objects.live().public().order_by("path").first().url

    practice = PracticePage.objects.live().public().filter(tags__isnull=False).order_by("path").first()
    tag = practice.tags.order_by("slug").first()
    site.visit("home", "/")
    site.visit("standard-page", first_url(StandardPage))
    site.visit("dossier-index", first_url(DossierIndexPage))
    site.visit("dossier", first_url(DossierPage))
    site.visit("practice-listing-filtered", f"/buone-pratiche/?ambito={practice.ambito.slug}&stato={practice.status}")
    site.visit("practice", practice.url)
    site.visit("practice-comparison", "/buone-pratiche/confronto/")
    site.visit("intervention-model", first_url(InterventionModelPage))
    site.visit("material-listing-filtered", "/materiali/?tipo=slide&lingua=it")
    site.visit("material", first_url(ResourcePage))
    site.visit("event-listing-filtered", "/eventi/?periodo=settimana&modalita=presenza&gratuito=on")
    site.visit("event-listing-bad-dates", "/eventi/?dal=2026-12-10&al=2026-12-01")
    site.visit("event", first_url(EventPage))
    site.visit("event-month", "/eventi/mese/2026/11/")
    site.visit("event-archive", "/eventi/archivio/")
    site.visit("event-proposal", "/eventi/proponi/")
    site.submit("event-proposal-errors", status=200)
    site.visit("tag-index", "/tag/")
    site.visit("tag", f"/tag/{tag.slug}/")
    site.visit("search-empty", "/cerca/")
    site.visit("search-results", "/cerca/?q=tirocini")
    site.visit("search-results-facet", "/cerca/?q=tirocini&tipo=practices.practicepage")
    site.visit("search-typo", "/cerca/?q=tirocnio")
    site.visit("search-no-results", "/cerca/?q=zanzibar")
    too_many_searches(site)
    site.visit("follow", "/segui/?tema=occupazione")
    site.submit("follow-errors")
    subscription = Subscription.objects.filter(member=None).exclude(confirmed_at=None).first()
    site.visit("subscription", f"/segui/{subscription.token}/")
    site.visit("unsubscribe", f"/segui/{subscription.token}/disiscriviti/")
    site.visit("subscription-bad-link", "/segui/non-esiste/", status=404)
    site.visit("not-found", "/questa-pagina-non-esiste/", status=404)
    site.visit("reserved-area-login", "/area-riservata/")
    site.visit("password-reset", "/accedi/password/")
    site.submit(
        "password-reset-errors", status=200, fill=lambda form: form.locator("input[type=email]").fill("non-una-mail")
    )
    site.visit("password-reset-sent", "/accedi/password/inviata/")
    site.visit("password-reset-bad-link", "/accedi/password/MQ/non-valido/")
    site.visit("logout-signed-out", "/esci/")
    site.visit("login", "/accedi/")
    site.submit("login-errors", status=200, fill=lambda form: fill_login(form, "pagecheck.nessuno", "sbagliata"))
    # The site's own CSRF refusal: the form sent without its token.
    site.visit("login-again", "/accedi/")
    site.page.locator("main form input[name=csrfmiddlewaretoken]").evaluate("input => input.remove()")
    site.submit("csrf-refused", fill=lambda form: fill_login(form, "pagecheck.nessuno", "sbagliata"), status=403)


def fill_login(form, username, password):
    form.get_by_label("Nome utente").fill(username)
    form.get_by_label("Password", exact=True).fill(password)


def too_many_searches(site):
    """The search's brake: one search a minute, the clock stopped so that the minute does not end."""
    from django.test import override_settings

    with override_settings(SEARCH_RATE_PER_MINUTE=1), pytest.MonkeyPatch.context() as patch:
        patch.setattr("discovery.views._now", lambda: 1_800_000_000.0)
        site.page.goto(site.live_site + "/cerca/?q=tirocini")
        site.page.console_errors.clear()
        site.visit("too-many-searches", "/cerca/?q=tirocini", status=429)


def log_in(site, username):
    from ciao.demo.site import DEMO_PASSWORD

    site.page.goto(site.live_site + "/accedi/?next=/area-riservata/")
    fill_login(site.page.locator("main form"), username, DEMO_PASSWORD)
    site.page.get_by_role("button", name="Accedi").click()
    site.page.wait_for_url(site.live_site + "/area-riservata/")


def invitation_and_password_pages(site):
    """A new member's first pages: the invitation (and its mistakes), a password reset link."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from community.models import Invitation, WorkingGroup

    invitation = Invitation(email="pagecheck.invito@example.org", first_name="Ines", last_name="Invitata")
    token = invitation.new_token()
    invitation.save()
    invitation.groups.add(WorkingGroup.objects.order_by("pk").first())
    site.visit("invitation", reverse("community:accept_invitation", args=[token]))
    site.submit(
        "invitation-errors",
        fill=lambda form: (
            form.locator("input[type=password]").nth(0).fill("girasole-di-paullo-42"),
            form.locator("input[type=password]").nth(1).fill("girasole-di-paullo-43"),
        ),
    )
    site.visit("invitation-gone", reverse("community:accept_invitation", args=["non-esiste"]), status=404)

    user = get_user_model().objects.get(username="formatore")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    site.visit("password-set", f"/accedi/password/{uid}/{default_token_generator.make_token(user)}/")
    site.submit(
        "password-set-errors",
        status=200,
        fill=lambda form: (
            form.locator("input[type=password]").nth(0).fill("girasole-di-paullo-42"),
            form.locator("input[type=password]").nth(1).fill("girasole-di-paullo-43"),
        ),
    )
    site.visit("password-set-done", "/accedi/password/fatto/")


def member_pages(site):
    """A member who coordinates one group (membro coordinates tirocini-e-lavoro)."""
    from community.models import Adoption, Membership, Post, Question, WorkingGroup

    log_in(site, "membro")
    group = WorkingGroup.objects.get(slug="tirocini-e-lavoro")
    thread = group.threads.order_by("pk").first()
    meeting = group.meetings.order_by("pk").first()
    post = Post.objects.filter(thread__group=group).order_by("pk").first()
    own_post = Post.objects.filter(thread__group=group, author__user__username="membro").order_by("pk").first()
    outside = WorkingGroup.objects.exclude(memberships__member__user__username="membro").order_by("pk").first()
    colleague = Membership.objects.filter(group=group).exclude(member__user__username="membro").first().member
    practice_question = Question.objects.order_by("pk").first()
    base = "/area-riservata/"
    site.visit("my-area", base)
    site.visit("reserved-search", base + "cerca/?q=tirocini")
    site.visit("reserved-search-no-results", base + "cerca/?q=zanzibar")
    site.visit("directory", base + "persone/?q=tirocini")
    site.visit("member", reverse("community:member", args=[colleague.pk]))
    site.visit("my-profile", base + "profilo/")
    site.visit("request-deletion", base + "profilo/cancellazione/")
    site.visit("groups", base + "gruppi/")
    site.visit("group-space", group.get_absolute_url())
    site.visit("group-not-a-member", f"{base}gruppi/{outside.slug}/", status=404)
    site.visit("group-people", reverse("community:group_people", args=[group.slug]))
    site.visit("thread", reverse("community:thread", args=[group.slug, thread.pk]))
    site.submit("thread-reply-errors", form="main form[method=post]:has(textarea)")
    site.visit("new-thread", reverse("community:new_thread", args=[group.slug]))
    site.submit("new-thread-errors")
    if own_post:
        site.visit("edit-post", reverse("community:edit_post", args=[group.slug, own_post.pk]))
    site.visit("hide-post", reverse("community:hide_post", args=[group.slug, post.pk]))
    site.visit("meeting", reverse("community:meeting", args=[group.slug, meeting.pk]))
    site.visit("new-meeting", reverse("community:new_meeting", args=[group.slug]))
    site.submit("new-meeting-errors")
    site.visit("edit-meeting", reverse("community:edit_meeting", args=[group.slug, meeting.pk]))
    site.visit("upload-document", reverse("community:upload_document", args=[group.slug]))
    site.submit("upload-document-errors")
    site.visit("adoptions", base + "adozioni/")
    site.visit("new-adoption", base + "adozioni/nuova/")
    site.submit("new-adoption-errors")
    adoption = Adoption.objects.filter(submitted_by__user__username="membro").order_by("pk").first()
    if adoption:
        site.visit("edit-adoption", reverse("community:edit_adoption", args=[adoption.pk]))
    site.visit("questions", base + "domande/")
    site.visit("ask", reverse("community:ask", args=[practice_question.page_id]))
    site.submit("ask-errors")
    site.visit("forbidden", reverse("community:hide_question", args=[practice_question.pk]), status=403)
    site.visit("monitoring", base + "monitoraggio/")
    site.visit("follow-as-member", "/segui/")
    site.visit("logout", "/esci/")


def redazione_pages(site):
    from community.models import Question

    log_in(site, "redazione")
    question = Question.objects.order_by("pk").first()
    site.visit("question", reverse("community:question", args=[question.pk]))
    site.submit("question-answer-errors", form="main form[method=post]:has(textarea)")
    site.visit("hide-question", reverse("community:hide_question", args=[question.pk]))
    site.submit("hide-question-errors")


def server_error_page(site):
    """The 500 page cannot be caused on purpose: its template, served at an address of its own."""
    from django.template import loader

    html = loader.get_template("500.html").render()
    url = site.live_site + "/pagecheck-errore/"
    site.page.route(url, lambda route: route.fulfill(status=500, body=html, content_type="text/html; charset=utf-8"))
    site.visit("server-error", "/pagecheck-errore/", status=500)


def vnu_errors(files):
    """One Java run for every page: [(file, line, message)]."""
    result = subprocess.run(
        [JAVA, "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stdout)["messages"]
    return [(Path(m["url"].removeprefix("file:")), m.get("lastLine"), m["message"]) for m in messages]


def test_every_page_type_is_accessible_and_valid_html(chromium, live_site, tmp_path):
    assert JAVA, "java is missing: install Debian's default-jre-headless"
    assert VNU.exists(), f"{VNU} is missing: run `npm ci`"
    problems, files = [], {}
    for role, visits in (
        ("visitor", (public_pages, invitation_and_password_pages, server_error_page)),
        ("member", (member_pages,)),
        ("redazione", (redazione_pages,)),
    ):
        site = Checker(chromium, live_site, tmp_path, role)
        try:
            for visit in visits:
                visit(site)
        finally:
            site.close()
            problems += site.problems
            files.update(site.files)

    for path, line, message in vnu_errors(list(files)):
        problems.append(f"{files.get(str(path), path)} line {line}: vnu {message}")
    assert problems == [], "\n".join(problems)
