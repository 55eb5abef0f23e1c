"""The site mounted under /mounted/, for tests of URL building under another URLconf."""

from django.urls import include, path

urlpatterns = [path("mounted/", include("newsroom.urls"))]
