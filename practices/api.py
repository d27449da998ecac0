"""How practices and the intervention model read in the content API (Wagtail API v2)."""

from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from ciao.serializers import VocabularySerializer


class LinkedPageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class PhaseSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.SerializerMethodField()
    expected_outputs = serializers.ListField(child=serializers.CharField())
    practices = LinkedPageSerializer(many=True)
    materials = LinkedPageSerializer(many=True)
    covered = serializers.SerializerMethodField()
    gaps = VocabularySerializer(many=True)

    def get_description(self, phase):
        return expand_db_html(phase.description)

    def get_covered(self, phase):
        return [{"name": a.name, "slug": a.slug, "practices": n} for a, n in phase.covered]


class InterventionPathField(serializers.Field):
    """The phases as visitors see them: only live, public practices and materials, with the gaps."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return PhaseSerializer(page.phase_views(), many=True).data
