from django.db.models import Prefetch
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from articles.models import Article, GalleryImage, Quote


def release_detail_queryset(queryset):
    """Everything the release page shows, in a fixed number of queries."""
    return queryset.select_related("event").prefetch_related(
        "themes",
        Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
        Prefetch("images", queryset=GalleryImage.objects.all()),
    )


class PublicArticleMixin:
    """Public views start from Article.objects.public(), and from nothing else."""

    model = Article

    def get_queryset(self):
        return Article.objects.public()


class ArticleListView(PublicArticleMixin, ListView):
    paginate_by = 20
    context_object_name = "articles"

    def get_queryset(self):
        return super().get_queryset().for_listing()


class ArticleDetailView(PublicArticleMixin, DetailView):
    context_object_name = "article"

    def get_queryset(self):
        return release_detail_queryset(super().get_queryset())


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Staff see any release as readers will, before it is public."""

    def dispatch(self, request, *args, **kwargs):
        from django.contrib.auth.views import redirect_to_login

        if not (request.user.is_active and request.user.is_staff):
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return release_detail_queryset(Article.objects.all())

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, noindex=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
