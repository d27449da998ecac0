"""Serializers the content API (Wagtail API v2) shares between the apps' page types."""

from rest_framework import serializers


class VocabularySerializer(serializers.Serializer):
    """An ambito, comune, theme, target group or organisation, by name and slug."""

    name = serializers.CharField()
    slug = serializers.CharField()
