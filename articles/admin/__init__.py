"""
The editors' admin, one module per part: the release admin (``releases``),
its forms and inlines, speakers, events, themes, the Content-Security-Policy
additions (``csp``), and the "New release from text" page (``text_import``).
"""

from django.contrib import admin

from articles.admin import events, press, releases, speakers, themes  # noqa: F401 (registration)
from articles.admin.inlines import GalleryImageInline, QuoteInline, ShareLinkInline
from articles.admin.releases import ArticleAdmin

# The model list stays on the start page; beside every form and list it
# would take a quarter of a 1024 px window.
admin.site.enable_nav_sidebar = False

__all__ = ["ArticleAdmin", "GalleryImageInline", "QuoteInline", "ShareLinkInline"]
