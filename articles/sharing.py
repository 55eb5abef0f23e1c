"""Share links: accredited journalists read a release before it is public."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from articles.models import Article, ShareLink
from articles.views import release_detail_queryset, release_parts


@never_cache
def share_view(request, token: str):
    link = ShareLink.objects.select_related("article").filter(token=token).first()
    if link is None or not link.is_active():
        response = TemplateResponse(
            request,
            "articles/share_unavailable.html",
            {"link": link, "noindex": True},
            status=404 if link is None else 410,
        )
    elif link.article.is_public():
        return redirect(link.article)
    else:
        # No related releases: the page is about this one release, before it is out.
        queryset = Article.objects.filter(pk=link.article_id)
        article = release_detail_queryset(queryset, related=False).get()
        response = TemplateResponse(
            request,
            "articles/article_share.html",
            {
                "article": article,
                "object": article,
                "share_link": link,
                "embargoed_until": article.publish_at
                if article.publish_at and article.publish_at > timezone.now()
                else None,
                "noindex": True,
                **release_parts(article, related=False),
            },
        )
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    # The token is the key: it must not leave in a Referer header.
    response["Referrer-Policy"] = "no-referrer"
    return response
