"""A working group's discussions: threads, replies, following, editing, hiding, and what members see of them."""

import pytest
from django.core import mail
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.community import make_group, make_member

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"


@pytest.fixture
def author(group):
    return make_member("autrice", groups=[group])


@pytest.fixture
def coordinator(group):
    return make_member("coordinatore", coordinates=[group])


def start_thread(author, title="Tirocini estivi", body="Chi ha esperienza con i tirocini estivi?"):
    from community import discussions

    return discussions.start_thread(author.memberships.get().group, author, title, body)


def reply(thread, member, body):
    from community import discussions

    return discussions.add_reply(thread, member, body)


def thread_url(thread):
    return reverse("community:thread", args=[thread.group.slug, thread.pk])


def login(client, member):
    client.force_login(member.user)
    return client


def page_text(response):
    return response.content.decode()


# Starting and replying


def test_a_member_starts_a_thread_and_follows_it(client, group, author):
    from community.models import Thread, ThreadFollow

    response = login(client, author).post(
        reverse("community:new_thread", args=[group.slug]),
        {"title": "Tirocini estivi", "body": "Chi ha esperienza?"},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == thread_url(thread)
    assert (thread.group, thread.author, thread.title) == (group, author, "Tirocini estivi")
    assert [p.body for p in thread.posts.all()] == ["Chi ha esperienza?"]
    assert ThreadFollow.objects.filter(thread=thread, member=author).exists()


def test_a_thread_without_a_title_is_refused_with_what_was_typed(client, group, author):
    response = login(client, author).post(
        reverse("community:new_thread", args=[group.slug]), {"title": "", "body": "Il mio messaggio"}
    )
    assert response.status_code == 400
    assert "Dai un titolo alla discussione." in page_text(response)
    assert "Il mio messaggio</textarea>" in page_text(response)


def test_a_member_replies_and_lands_on_the_reply(client, group, author):
    from community.models import Post

    thread = start_thread(author)
    other = make_member(groups=[group])
    response = login(client, other).post(thread_url(thread), {"body": "Io sì, a Peschiera."})
    post = Post.objects.get(body="Io sì, a Peschiera.")
    assert response.status_code == 302
    assert response["Location"] == f"{thread_url(thread)}#post-{post.pk}"
    assert post.author == other
    thread.refresh_from_db()
    assert thread.last_post_at == post.created_at


def test_the_thread_page_shows_its_posts_in_order_and_a_reply_form(client, group, author):
    thread = start_thread(author, body="Primo messaggio")
    other = make_member(groups=[group])
    reply(thread, other, "Secondo messaggio")
    reply(thread, author, "Terzo messaggio")
    html = page_text(login(client, other).get(thread_url(thread)))
    assert html.index("Primo messaggio") < html.index("Secondo messaggio") < html.index("Terzo messaggio")
    assert f'action="{thread_url(thread)}#rispondi"' in html
    assert 'name="body"' in html


def test_a_reply_over_the_length_limit_is_refused_and_kept_in_the_textarea(client, group, author):
    from community.models import Post

    thread = start_thread(author)
    too_long = "parola " * 1429  # 10,003 characters
    response = login(client, author).post(thread_url(thread), {"body": too_long})
    assert response.status_code == 400
    html = page_text(response)
    assert "Il messaggio è troppo lungo" in html
    assert too_long.strip() in html
    assert Post.objects.count() == 1


def test_line_breaks_sent_by_the_browser_count_one_character_each(client, group, author):
    from community.models import Post

    thread = start_thread(author)
    body = ("riga\r\n" * 2000)[:-2]  # 10,000 characters once the line breaks are "\n"
    response = login(client, author).post(thread_url(thread), {"body": body})
    assert response.status_code == 302
    assert Post.objects.latest("pk").body == body.replace("\r\n", "\n")


def test_control_characters_are_stripped_but_line_breaks_and_tabs_kept(client, group, author):
    from community.models import Post

    thread = start_thread(author)
    login(client, author).post(thread_url(thread), {"body": "uno\x00due\x07\ttre\r\nquattro\x1b"})
    assert Post.objects.latest("pk").body == "unodue\ttre\nquattro"


def test_an_empty_reply_is_refused_with_an_italian_message(client, group, author):
    thread = start_thread(author)
    response = login(client, author).post(thread_url(thread), {"body": "   "})
    assert response.status_code == 400
    assert "Scrivi il messaggio." in page_text(response)


# Who may reach a group's discussions


def discussion_urls(thread):
    slug, post = thread.group.slug, thread.posts.first()
    return [
        reverse("community:new_thread", args=[slug]),
        reverse("community:thread", args=[slug, thread.pk]),
        reverse("community:follow_thread", args=[slug, thread.pk]),
        reverse("community:edit_post", args=[slug, post.pk]),
        reverse("community:hide_post", args=[slug, post.pk]),
    ]


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_member_of_another_group_gets_404_on_every_discussion_url(client, group, author, method):
    thread = start_thread(author)
    outsider = make_member(coordinates=[make_group()])
    login(client, outsider)
    for url in discussion_urls(thread):
        response = getattr(client, method)(url, {"title": "x", "body": "x", "reason": "x"})
        assert response.status_code == 404, url
    assert thread.posts.count() == 1


def test_another_groups_thread_is_404_through_this_groups_address(client, group, author):
    other_group = make_group()
    elsewhere = start_thread(make_member(groups=[other_group]))
    login(client, author)
    assert client.get(reverse("community:thread", args=[group.slug, elsewhere.pk])).status_code == 404
    post = elsewhere.posts.get()
    assert client.get(reverse("community:edit_post", args=[group.slug, post.pk])).status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_anonymous_visitor_is_sent_to_the_login(client, group, author, method):
    thread = start_thread(author)
    for url in discussion_urls(thread):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"/accedi/?next={url}"


# Editing


def test_only_the_author_edits_a_post(client, group, author, coordinator):
    thread = start_thread(author)
    post = thread.posts.get()
    url = reverse("community:edit_post", args=[group.slug, post.pk])
    for other in (make_member(groups=[group]), coordinator):
        login(client, other)
        assert client.get(url).status_code == 403
        assert client.post(url, {"body": "Riscritto da altri"}).status_code == 403
    post.refresh_from_db()
    assert post.body == "Chi ha esperienza con i tirocini estivi?"


def test_the_author_edits_a_post_and_it_shows_as_edited(client, group, author):
    thread = start_thread(author)
    post = thread.posts.get()
    login(client, author)
    url = reverse("community:edit_post", args=[group.slug, post.pk])
    assert "Chi ha esperienza con i tirocini estivi?</textarea>" in page_text(client.get(url))
    response = client.post(url, {"body": "Chi ha esperienza con i tirocini?"})
    assert response.status_code == 302
    assert response["Location"] == f"{thread_url(thread)}#post-{post.pk}"
    post.refresh_from_db()
    assert post.body == "Chi ha esperienza con i tirocini?"
    assert post.edited_at is not None
    assert "modificato" in page_text(client.get(thread_url(thread)))


def test_a_post_not_edited_does_not_show_as_edited(client, group, author):
    thread = start_thread(author)
    assert "modificato" not in page_text(login(client, author).get(thread_url(thread)))


# Hiding


def hide_url(post):
    return reverse("community:hide_post", args=[post.thread.group.slug, post.pk])


def test_a_plain_member_may_not_hide_a_post(client, group, author):
    post = start_thread(author).posts.get()
    login(client, make_member(groups=[group]))
    assert client.get(hide_url(post)).status_code == 403
    assert client.post(hide_url(post), {"reason": "Fuori tema"}).status_code == 403
    post.refresh_from_db()
    assert not post.is_hidden


def test_a_coordinator_hides_a_post_with_a_reason(client, group, author, coordinator):
    thread = start_thread(author)
    post = reply(thread, make_member(groups=[group]), "Messaggio offensivo")
    response = login(client, coordinator).post(hide_url(post), {"reason": "Linguaggio offensivo"})
    assert response.status_code == 302
    assert response["Location"] == f"{thread_url(thread)}#post-{post.pk}"
    post.refresh_from_db()
    assert post.is_hidden
    assert (post.hidden_reason, post.hidden_by) == ("Linguaggio offensivo", coordinator)


def test_the_redazione_hides_a_post(client, group, author, make_user):
    from ciao.roles import REDAZIONE

    post = start_thread(author).posts.get()
    client.force_login(make_user(REDAZIONE))
    assert client.post(hide_url(post), {"reason": "Dati personali"}).status_code == 302
    post.refresh_from_db()
    assert post.is_hidden


def test_hiding_without_a_reason_is_refused_with_an_italian_message(client, group, author, coordinator):
    post = start_thread(author).posts.get()
    response = login(client, coordinator).post(hide_url(post), {"reason": "  "})
    assert response.status_code == 400
    assert "Scrivi il motivo per cui nascondi il messaggio" in page_text(response)
    post.refresh_from_db()
    assert not post.is_hidden


def hide(post, coordinator, reason="Fuori tema"):
    from django.utils import timezone

    post.hidden_at, post.hidden_reason, post.hidden_by = timezone.now(), reason, coordinator
    post.save()


def test_members_see_a_hidden_posts_reason_and_never_its_text(client, group, author, coordinator):
    thread = start_thread(author)
    post = reply(thread, author, "Il numero di telefono di Mario è 333")
    hide(post, coordinator, "Dati personali")
    for member in (author, make_member(groups=[group])):
        html = page_text(login(client, member).get(thread_url(thread)))
        assert "Messaggio nascosto da un coordinatore: Dati personali" in html
        assert "333" not in html


def test_coordinators_and_the_redazione_still_read_a_hidden_posts_text(client, group, author, coordinator, make_user):
    from ciao.roles import REDAZIONE

    thread = start_thread(author)
    hide(reply(thread, author, "Il numero di telefono di Mario è 333"), coordinator)
    for user in (coordinator.user, make_user(REDAZIONE)):
        client.force_login(user)
        assert "Il numero di telefono di Mario è 333" in page_text(client.get(thread_url(thread)))


def test_the_author_may_not_edit_a_hidden_post(client, group, author, coordinator):
    post = start_thread(author).posts.get()
    hide(post, coordinator)
    response = login(client, author).get(reverse("community:edit_post", args=[group.slug, post.pk]))
    assert response.status_code == 403
    assert "tirocini estivi" not in page_text(response)


def test_hidden_posts_do_not_count_for_the_last_activity(client, group, author, coordinator):
    thread = start_thread(author)
    first = reply(thread, author, "Una risposta")
    late = reply(thread, make_member(groups=[group]), "Pubblicità")
    thread.refresh_from_db()
    assert thread.last_post_at == late.created_at
    login(client, coordinator).post(hide_url(late), {"reason": "Pubblicità"})
    thread.refresh_from_db()
    assert thread.last_post_at == first.created_at


# What a post's text becomes on the page


def test_hostile_html_in_a_post_shows_escaped(client, group, author):
    thread = start_thread(author, body=HOSTILE)
    html = page_text(login(client, author).get(thread_url(thread)))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html


def test_hostile_html_in_a_thread_title_shows_escaped(client, group, author):
    thread = start_thread(author, title=HOSTILE)
    html = page_text(login(client, author).get(thread_url(thread)))
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html


def test_links_in_a_post_become_nofollow_links(client, group, author):
    thread = start_thread(author, body="Il bando: https://example.org/bando?a=1&b=2\nScrivete a info@example.org")
    html = page_text(login(client, author).get(thread_url(thread)))
    assert (
        '<a href="https://example.org/bando?a=1&amp;b=2" rel="nofollow noopener">https://example.org/bando?a=1&amp;b=2</a>'
        "<br>" in html
    )
    assert '<a href="mailto:info@example.org" rel="nofollow noopener">info@example.org</a>' in html


def test_javascript_links_are_not_made_clickable(client, group, author):
    thread = start_thread(author, body="javascript:alert(1) e javascript://example.org/%0Aalert(1)")
    html = page_text(login(client, author).get(thread_url(thread)))
    assert 'href="javascript' not in html
    assert "javascript:alert(1) e javascript://" in html


def test_linkify_keeps_line_breaks_and_returns_safe_html():
    from django.utils.safestring import SafeString

    from community.text import linkify

    result = linkify("uno\ndue & <tre>")
    assert isinstance(result, SafeString)
    assert result == "uno<br>\ndue &amp; &lt;tre&gt;"


def test_linkify_links_only_written_web_and_mail_addresses():
    from community.text import linkify

    assert linkify("ftp://example.org/file data:text/html,x vedi relazione.py") == (
        "ftp://example.org/file data:text/html,x vedi relazione.py"
    )
    assert linkify("www.comune.it") == '<a href="http://www.comune.it" rel="nofollow noopener">www.comune.it</a>'


def test_linkify_does_not_let_an_address_break_out_of_its_link():
    from community.text import linkify

    html = linkify('http://example.org/"onmouseover="alert(1)')
    assert html == '<a href="http://example.org/" rel="nofollow noopener">http://example.org/</a>"onmouseover="alert(1)'


# Following and e-mails


def test_following_toggles_and_goes_back_to_the_thread(client, group, author):
    from community.models import ThreadFollow

    thread = start_thread(author)
    url = reverse("community:follow_thread", args=[group.slug, thread.pk])
    login(client, author)
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == thread_url(thread)
    assert not ThreadFollow.objects.filter(thread=thread, member=author).exists()
    client.post(url)
    assert ThreadFollow.objects.filter(thread=thread, member=author).exists()


def test_following_only_by_post(client, group, author):
    thread = start_thread(author)
    response = login(client, author).get(reverse("community:follow_thread", args=[group.slug, thread.pk]))
    assert response.status_code == 405


def post_reply(client, member, thread, body, capture):
    with capture(execute=True):
        return login(client, member).post(thread_url(thread), {"body": body})


def test_followers_get_one_email_per_reply_but_not_its_author(
    client, group, author, django_capture_on_commit_callbacks
):
    thread = start_thread(author)
    replier = make_member("replicante", groups=[group])
    bystander = make_member(groups=[group])  # never followed
    post_reply(client, replier, thread, "Prima risposta", django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[author.user.email]]
    post_reply(client, author, thread, "Seconda risposta", django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[author.user.email], [replier.user.email]]
    assert bystander.user.email not in {address for m in mail.outbox for address in m.to}


def test_the_reply_email_names_the_thread_and_how_to_stop_following(
    client, group, author, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://ciao.example.org"
    thread = start_thread(author, title="Tirocini estivi")
    post_reply(client, make_member(groups=[group]), thread, "Io sì, a Peschiera.", django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.subject == 'Nuova risposta in "Tirocini estivi"'
    assert "Io sì, a Peschiera." in message.body
    assert f"https://ciao.example.org{thread_url(thread)}" in message.body
    assert "Non seguire più" in message.body


def test_who_stopped_following_gets_no_email(client, group, author, django_capture_on_commit_callbacks):
    thread = start_thread(author)
    login(client, author).post(reverse("community:follow_thread", args=[group.slug, thread.pk]))
    post_reply(client, make_member(groups=[group]), thread, "Una risposta", django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_who_left_the_group_gets_no_email(client, group, author, django_capture_on_commit_callbacks):
    thread = start_thread(author)
    author.memberships.all().delete()
    post_reply(client, make_member(groups=[group]), thread, "Una risposta", django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_a_post_hidden_before_the_email_goes_is_not_sent(group, author, coordinator):
    from community.notifications import notify_followers

    thread = start_thread(author)
    post = reply(thread, make_member(groups=[group]), "Il numero di Mario è 333")
    hide(post, coordinator)
    notify_followers.call(post.pk)
    assert mail.outbox == []


# Lists, unread threads and the cost of a page


def test_the_thread_page_costs_the_same_queries_with_3_and_30_posts(client, group, author):
    login(client, author)
    counts = []
    for size in (3, 30):
        thread = start_thread(author)
        for i in range(size - 1):
            reply(thread, make_member(groups=[group]), f"Risposta {i}")
        client.get(thread_url(thread))  # the first reading is written; compare later ones
        with CaptureQueriesContext(connection) as queries:
            response = client.get(thread_url(thread))
        assert response.status_code == 200
        assert page_text(response).count('class="post-body"') == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_unread_flips_after_viewing(client, group, author):
    from community.discussions import threads_for, unread_threads

    reader = make_member(groups=[group])
    thread = start_thread(author)
    assert [t.unread for t in threads_for(group, reader)] == [True]
    assert list(unread_threads(reader, [group])) == [thread]
    login(client, reader).get(thread_url(thread))
    assert [t.unread for t in threads_for(group, reader)] == [False]
    assert list(unread_threads(reader, [group])) == []
    reply(thread, author, "Novità")
    assert [t.unread for t in threads_for(group, reader)] == [True]


def test_a_thread_one_started_is_not_unread_for_them(group, author):
    from community.discussions import threads_for

    start_thread(author)
    assert [t.unread for t in threads_for(group, author)] == [False]


def test_unread_threads_only_of_the_groups_asked(group, author):
    from community.discussions import unread_threads

    start_thread(make_member(groups=[make_group()]))
    assert list(unread_threads(author, [group])) == []


def test_threads_for_counts_visible_posts_in_one_query(django_assert_num_queries, group, author, coordinator):
    from community.discussions import threads_for

    thread = start_thread(author)
    reply(thread, author, "Due")
    hide(reply(thread, author, "Tre"), coordinator)
    start_thread(author, title="Altra")
    with django_assert_num_queries(1):
        threads = list(threads_for(group, author))
        html = render_to_string("community/includes/thread_list.html", {"threads": threads})
    assert {t.title: t.post_count for t in threads} == {"Tirocini estivi": 2, "Altra": 1}
    assert "Aperta da" in html
    assert thread_url(thread) in html


def test_the_thread_list_marks_unread_threads(group, author):
    from community.discussions import threads_for

    start_thread(author)
    reader = make_member(groups=[group])
    assert "non letta" in render_to_string(
        "community/includes/thread_list.html", {"threads": threads_for(group, reader)}
    )
    assert "non letta" not in render_to_string(
        "community/includes/thread_list.html", {"threads": threads_for(group, author)}
    )
