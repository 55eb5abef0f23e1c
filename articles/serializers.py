"""
Django's JSON fixtures, with one addition: a row whose primary key is a
one-to-one link to another row (``ThemeNames`` and its theme) writes that
link among its fields when dumped with natural primary keys. Django leaves
the primary key out then, and nothing else would say which theme the names
belong to; ``loaddata`` reads the link back by the theme's natural key.
"""

from django.core.serializers.json import Deserializer  # noqa: F401 (the format's reader)
from django.core.serializers.json import Serializer as JSONSerializer


class Serializer(JSONSerializer):
    def get_dump_object(self, obj):
        pk = obj._meta.concrete_model._meta.pk
        # Django writes a parent link (multi-table inheritance) itself.
        linked = pk.one_to_one and not pk.remote_field.parent_link
        if self.use_natural_primary_keys and linked and hasattr(obj, "natural_key"):
            self.handle_fk_field(obj, pk)
        return super().get_dump_object(obj)
