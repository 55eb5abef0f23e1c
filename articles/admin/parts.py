"""What speakers, events and themes share in the admin: published releases lock them."""

from articles import services
from articles.models import (
    Article,
)


class PublishedPartMixin:
    """
    A speaker, event or theme shown on a published release (live, embargoed
    or expired) is part of that release: renaming, merging or deleting it
    changes published pages, so it is for Publishers only, as changing the
    release is (``Article.locked_for``). Editors still add new ones and
    change those that only drafts and releases in review use.
    """

    # The lookup from a release to this model.
    release_lookup: str

    def used_by_published(self, objs) -> set:
        """The primary keys of those of ``objs`` that appear on a published release."""
        return set(
            Article.objects.filter(
                status=Article.Status.PUBLISHED,
                **{f"{self.release_lookup}__in": [obj.pk for obj in objs]},
            ).values_list(self.release_lookup, flat=True)
        )

    def locked_for(self, request, objs) -> set:
        """Those of ``objs`` this user may not change: none for Publishers."""
        if services.user_can_publish(request.user):
            return set()
        return self.used_by_published(objs)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (
            obj is not None and self.locked_for(request, [obj])
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (
            obj is not None and self.locked_for(request, [obj])
        )
