"""
The editors' admin, one module per part: the release admin (``releases``),
its forms and inlines, speakers, events, themes, the Content-Security-Policy
additions (``csp``), and the "New release from text" page (``text_import``).
"""

from articles.admin import events, press, releases, speakers, themes  # noqa: F401 (registration)
from articles.admin.inlines import GalleryImageInline, QuoteInline, ShareLinkInline
from articles.admin.releases import ArticleAdmin

__all__ = ["ArticleAdmin", "GalleryImageInline", "QuoteInline", "ShareLinkInline"]
