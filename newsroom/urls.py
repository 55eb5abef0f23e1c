from urllib.parse import urlparse

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from articles.media.serving import media_view
from newsroom.views import FaviconView, healthz, readyz

admin.site.site_header = settings.NEWSROOM_SITE_NAME
admin.site.site_title = settings.NEWSROOM_SITE_NAME

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz/", healthz, name="healthz"),
    path("readyz/", readyz, name="readyz"),
    path("favicon.ico", FaviconView.as_view()),
    # The access check for photos (articles.media): on every set-up, since
    # only public photos are served without it.
    re_path(
        r"^{}(?P<path>.+)$".format(urlparse(settings.MEDIA_URL).path.lstrip("/")),
        media_view,
        name="media",
    ),
]
# The public site in every language: /fr/…, /es/…, /ar/…; the default
# language (LANGUAGE_CODE) without a prefix.
urlpatterns += i18n_patterns(
    path("", include("distribution.urls")),
    path("", include("articles.urls")),
    prefix_default_language=False,
)
