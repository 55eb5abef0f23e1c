"""Share links: accredited journalists read a release before it is public."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from articles.links import media_grant
from articles.media.serving import share_grant
from articles.models import Article, Lifecycle, ShareLink
from articles.reading import ReleaseParts
from distribution.access import record_share_open


@never_cache
def share_view(request, token: str):
    now = timezone.now()
    link = ShareLink.objects.select_related("article").filter(token=token).first()
    state = link.article.lifecycle(now) if link else None
    if state == Lifecycle.LIVE:
        return redirect(link.article)
    if link is None or not link.is_active(now) or state == Lifecycle.EXPIRED:
        # A withdrawn release is not handed out either: its time has passed,
        # or it was unpublished, which revoked its links.
        withdrawn = state == Lifecycle.EXPIRED or (link is not None and link.revoked_on_withdrawal)
        response = TemplateResponse(
            request,
            "articles/share_unavailable.html",
            {"link": link, "withdrawn": withdrawn, "noindex": True},
            status=404 if link is None else 410,
        )
    else:
        article = Article.objects.select_related("event").get(pk=link.article_id)
        # No related releases: the page is about this one release, before it is out.
        parts = ReleaseParts(article, related=False, now=now)
        response = TemplateResponse(
            request,
            "articles/article_share.html",
            {
                "article": article,
                "object": article,
                "share_link": link,
                "lifecycle": state,
                "embargoed_until": article.publish_at
                if state == Lifecycle.EMBARGOED and article.publish_at
                else None,
                "noindex": True,
                **parts.context(),
            },
        )
        # The photos are not public yet: their URLs carry the link's grant,
        # which the media check honours while the link is valid.
        with media_grant(share_grant(link)):
            response.render()
        # The access log the release's admin page shows (no addresses kept).
        record_share_open(link, now)
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    # The token is the key: it must not leave in a Referer header.
    response["Referrer-Policy"] = "no-referrer"
    return response
