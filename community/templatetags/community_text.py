"""``{{ post.body|linkify }}``: a member's plain text as HTML (community.text.linkify)."""

from django import template

from .. import text

register = template.Library()


@register.filter
def linkify(value):
    return text.linkify(value)
