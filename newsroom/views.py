"""Project-level views that belong to no app."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.generic import RedirectView


@never_cache
def healthz(request):
    """Liveness for load balancers: the process answers. Touches nothing else."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    """Readiness: the database answers too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"database": "unavailable"}, status=503)
    return JsonResponse({"database": "ok"})


@never_cache
def csrf_failure(request, reason=""):
    """
    A form sent without its CSRF token or cookie: the site's own 403 page,
    which asks the reader to reload the form (Django's page has inline styles,
    which the Content-Security-Policy blocks). Django logs the reason.
    """
    return render(request, "403.html", {"csrf_failure": True, "noindex": True}, status=403)


class FaviconView(RedirectView):
    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("icons/favicon.svg")
