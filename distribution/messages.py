"""
The e-mails: alerts and corrected notices (HTML and plain text), briefings,
confirmation links. Each is rendered from the release as it is when the
message is sent, in the release's language, with the recipient's own links.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from articles.models import Article, GalleryImage
from distribution.models import Briefing, Delivery, Mailing, Subscriber


def absolute(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.NEWSROOM_SITE_URL}{path}"


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe: a POST to this URL ends the subscription."""
    return {
        "List-Unsubscribe": f"<{absolute(subscriber.unsubscribe_path())}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def lead_photo(article: Article) -> dict | None:
    """The release's lead photo as the e-mail shows it (a public rendition), or None."""
    photo = GalleryImage.objects.filter(article=article).lead_photos().first()
    if photo is None or not photo.has_renditions:
        return None
    GalleryImage.load_urls([photo])
    width, url = photo.middle
    return {
        "url": absolute(url),
        "width": width,
        "height": photo.height_for(width),
        "alt": photo.alt_text,
        "credit": photo.credit,
    }


def _render(name: str, context: dict) -> str:
    return render_to_string(name, context, using="jinja2")


class MailingRenderer:
    """Renders a mailing's messages; what is the same for every recipient is worked out once."""

    def __init__(self, mailing: Mailing):
        self.mailing = mailing
        self.releases: dict[int, dict] = {}

    def forget(self) -> None:
        self.releases.clear()

    def release(self, article_id: int) -> dict:
        if article_id not in self.releases:
            article = Article.objects.public().filter(pk=article_id).first()
            if article is None:
                # Withdrawn while the mailing goes out: nothing more of it is sent.
                raise ReleaseNotPublic(article_id)
            self.releases[article_id] = {
                "article": article,
                "url": absolute(article.canonical_url()),
                "photo": lead_photo(article),
            }
        return self.releases[article_id]

    def message(self, delivery: Delivery) -> EmailMultiAlternatives:
        release = self.release(delivery.article_id)
        article = release["article"]
        subscriber = delivery.subscriber
        correction = self.mailing.kind == Mailing.Kind.CORRECTION
        context = {
            **release,
            "correction": correction,
            "note": self.mailing.note,
            "site_name": settings.NEWSROOM_SITE_NAME,
            "manage_url": absolute(subscriber.get_absolute_url()),
            "unsubscribe_url": absolute(subscriber.unsubscribe_path()),
        }
        with translation.override(article.language):
            subject = (
                _("Corrected: %(title)s") % {"title": article.title}
                if correction
                else article.title
            )
            text = _render("distribution/email/alert.txt", context)
            html = _render("distribution/email/alert.html", context)
        message = EmailMultiAlternatives(
            subject=subject,
            body=text,
            to=[subscriber.email],
            headers=unsubscribe_headers(subscriber),
        )
        message.attach_alternative(html, "text/html")
        return message


class ReleaseNotPublic(Exception):
    """The release stopped being public while its mailing was going out."""


def briefing_message(briefing: Briefing) -> EmailMultiAlternatives:
    article = briefing.article
    context = {
        "article": article,
        "journalist": briefing.journalist,
        "url": absolute(briefing.share_link.get_absolute_url()),
        "expires_at": briefing.share_link.expires_at,
        "site_name": settings.NEWSROOM_SITE_NAME,
    }
    with translation.override(article.language):
        subject = _("Under embargo: %(title)s") % {"title": article.title}
        text = _render("distribution/email/briefing.txt", context)
        html = _render("distribution/email/briefing.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[briefing.journalist.email])
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(email: str, confirm_url: str, summary: dict) -> EmailMultiAlternatives:
    context = {
        "confirm_url": confirm_url,
        "site_name": settings.NEWSROOM_SITE_NAME,
        "hours": settings.DISTRIBUTION_CONFIRM_SECONDS // 3600,
        **summary,
    }
    subject = _("Confirm your e-mail alerts from %(site)s") % {"site": settings.NEWSROOM_SITE_NAME}
    text = _render("distribution/email/confirm.txt", context)
    return EmailMultiAlternatives(subject=subject, body=text, to=[email])
