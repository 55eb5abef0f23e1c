"""Routes of the read-only JSON API (/api/...)."""

from django.urls import path

from articles import api

urlpatterns = [
    path("releases/", api.release_list, name="api_releases"),
    path("releases/<slug:slug>/", api.release_detail, name="api_release"),
]
