from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from newsroom.views import FaviconView, healthz, media, readyz

admin.site.site_header = settings.NEWSROOM_SITE_NAME
admin.site.site_title = settings.NEWSROOM_SITE_NAME

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz/", healthz, name="healthz"),
    path("readyz/", readyz, name="readyz"),
    path("favicon.ico", FaviconView.as_view()),
    path("", include("articles.urls")),
]

if settings.NEWSROOM_SERVE_MEDIA:
    # Development and single-server set-ups; production serves MEDIA_URL elsewhere.
    urlpatterns += [
        re_path(
            r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
            media,
        )
    ]
