"""What survives of the HTML a citizen types in a description."""

from ciao.sanitize import clean_description, plain_text


def test_plain_text_becomes_paragraphs():
    assert clean_description("Primo paragrafo.\nStessa riga.\n\nSecondo.") == (
        "<p>Primo paragrafo.<br>Stessa riga.</p><p>Secondo.</p>"
    )


def test_scripts_handlers_and_images_are_removed():
    html = clean_description('<p onclick="rubare()">Ciao<script>alert(1)</script><img src=x onerror=alert(1)></p>')
    assert html == "<p>Ciao</p>"


def test_javascript_links_lose_their_target():
    html = clean_description('<a href="javascript:alert(1)">clicca</a> <a href="JaVaScRiPt:alert(1)">qui</a>')
    assert html == "<p>clicca qui</p>"


def test_links_get_nofollow_noopener_and_no_target():
    html = clean_description('<a href="https://example.org" target="_blank" rel="opener">sito</a>')
    assert '<a href="https://example.org" rel="nofollow noopener">sito</a>' in html


def test_bare_addresses_become_safe_links():
    assert 'href="https://example.org/x" rel="nofollow noopener"' in clean_description("Vedi https://example.org/x")


def test_allowed_formatting_is_kept():
    html = clean_description("<p><strong>Importante</strong> e <em>utile</em></p><ul><li>uno</li></ul>")
    assert html == "<p><strong>Importante</strong> e <em>utile</em></p><ul><li>uno</li></ul>"


def test_nul_bytes_and_comments_go():
    assert clean_description("a\x00b<!-- nascosto -->") == "<p>ab</p>"


def test_plain_text_is_shortened_on_a_word():
    assert plain_text("<p>uno due tre quattro</p>", limit=12) == "uno due…"
