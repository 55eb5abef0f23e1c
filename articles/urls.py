from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, register_converter

from articles import downloads, feeds, sharing, views
from articles.converters import PrintableConverter
from articles.sitemaps import SITEMAPS

app_name = "articles"

# Theme slugs come from django-taggit, which keeps non-ASCII letters: hence
# <printable:slug>, any text but "/" and control characters.
register_converter(PrintableConverter, "printable")

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="list"),
    path("releases/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("releases/<slug:slug>.pdf", downloads.release_pdf, name="pdf"),
    path("releases/<slug:slug>/photos.zip", downloads.release_photos, name="photos_zip"),
    path("contacts/<slug:slug>.vcf", downloads.contact_vcard, name="contact_vcard"),
    path("preview/<slug:slug>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("themes/", views.ThemeListView.as_view(), name="themes"),
    path("themes/<printable:slug>/", views.ThemeDetailView.as_view(), name="theme"),
    path("themes/<printable:slug>/feed/", feeds.ThemeFeed(), name="theme_feed"),
    path("speakers/<slug:slug>/", views.SpeakerDetailView.as_view(), name="speaker"),
    path("events/", views.EventListView.as_view(), name="events"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event"),
    path("events/<slug:slug>.ics", views.event_ics, name="event_ics"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", feeds.LatestReleasesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestReleasesAtomFeed(), name="feed_atom"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path("share/<printable:token>/", sharing.share_view, name="share"),
    path("api/", include("articles.api_urls")),
]
