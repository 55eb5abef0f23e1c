"""Share links: accredited journalists read a release before it is public."""

from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from articles.links import media_grant
from articles.media.serving import share_grant
from articles.models import Article, Lifecycle, ShareLink
from articles.reading import ReleaseParts
from articles.translations import group
from distribution.access import record_share_open


@never_cache
def share_view(request, token: str):
    now = timezone.now()
    link = ShareLink.objects.select_related("article").filter(token=token).first()
    state = link.article.lifecycle(now) if link else None
    if state == Lifecycle.LIVE:
        return redirect(link.article.canonical_url())
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
        # The link covers the release's group: the journalist picks a language
        # among the approved ones (published, under embargo or not).
        versions = group.by_language(
            group.members(link.article)
            .filter(Q(pk=link.article_id) | Q(status=Article.Status.PUBLISHED))
            .select_related("event")
        )
        wanted = request.GET.get("language", link.article.language)
        article = next((v for v in versions if v.language == wanted), None) or next(
            v for v in versions if v.pk == link.article_id
        )
        if article.lifecycle(now) == Lifecycle.LIVE:
            return redirect(article.canonical_url())
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
                "switcher_versions": versions if len(versions) > 1 else [],
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
