"""
The language of a request. The public site's comes from its URL (/fr/…,
articles.urls under i18n_patterns); the admin has no prefix and speaks the
editor's language, as their browser (or the language cookie) asks.
"""

from django.middleware.locale import LocaleMiddleware
from django.utils import translation

ADMIN_PREFIX = "/admin/"


class NewsroomLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        if not request.path_info.startswith(ADMIN_PREFIX):
            return super().process_request(request)
        translation.activate(translation.get_language_from_request(request, check_path=False))
        request.LANGUAGE_CODE = translation.get_language()
        return None
