"""How materials read in the content API (Wagtail API v2)."""

from rest_framework import serializers


class PublicRelatedPracticesField(serializers.Field):
    """The practices a material links to, as a visitor may see them: id, title, address."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return [
            {"id": practice.pk, "title": practice.title, "html_url": practice.get_full_url()}
            for practice in page.public_related_practices()
        ]
