"""``{% if request.user|may_monitor %}``: links shown only to who may follow them (community.access)."""

from django import template

from .. import access

register = template.Library()


@register.filter
def may_monitor(user):
    return access.may_monitor(user)
