"""The public site mounted under /mounted/, for tests of URL building under another URLconf."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

urlpatterns = i18n_patterns(
    path("mounted/", include("articles.urls")), prefix_default_language=False
)
