"""The reserved area of the community of practice: members, working groups, and what groups hold.

Members are people of the partner organisations (and trainers); they work here,
on the site's own pages under /area-riservata/, not in Wagtail's admin. What a
group holds (meetings, actions, discussions, shared documents) is seen by its
members and the redazione only: every view takes its objects through
:mod:`community.access`, which is where that rule lives.
"""
