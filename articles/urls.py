from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("releases/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("preview/<slug:slug>/", views.ArticlePreviewView.as_view(), name="preview"),
]
