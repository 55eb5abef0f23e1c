from django.urls import include, path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("releases/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("preview/<slug:slug>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("api/", include("articles.api_urls")),
]
