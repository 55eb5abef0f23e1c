"""
A corrected notice: for a public correction, a Publisher ticks "Send a
corrected notice" on the release's page, and those who got the alert (and
only they) get a short message saying what was corrected, once.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from articles import press
from articles.models import Correction
from distribution import scheduling
from distribution.models import Subscriber
from tests.factories import make_article
from tests.formdata import form_data
from tests.mailserver import mail, smtp_server  # noqa: F401 (fixtures)
from tests.test_admin import staff

pytestmark = pytest.mark.django_db


def subscriber(email, theme):
    from taggit.models import Tag

    found = Subscriber.objects.create(email=email, languages=["en"])
    found.themes.set([Tag.objects.get(name=theme)])
    return found


def test_a_ticked_correction_goes_to_those_who_got_the_alert_once(
    client, mail, django_capture_on_commit_callbacks
):
    release = make_article(
        title="Conference opens", lead="About 150 delegates.", publish_at=timezone.now()
    )
    release.themes.set(["Cybercrime"])
    subscriber("first@example.org", "Cybercrime")
    subscriber("second@example.org", "Cybercrime")
    scheduling.schedule_alert(release.pk)  # tasks run at once here
    assert len(mail.all()) == 2
    subscriber("later@example.org", "Cybercrime")

    press.article_correction_record(
        article=release,
        kind=Correction.Kind.CORRECTION,
        note="Corrects the number of delegates to 160.",
    )
    press.article_correction_record(article=release, kind=Correction.Kind.SILENT)

    client.force_login(staff("Publishers"))
    url = f"/admin/articles/article/{release.pk}/change/"
    page = client.get(url).content.decode()
    assert "Not sent; would go to 2 subscribers who got the alert" in page
    data = form_data(page, "article_form")
    assert data["corrections-TOTAL_FORMS"] == "1"  # the silent fix is nobody's news
    data["corrections-0-send_notice"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data, follow=True)
    assert response.redirect_chain

    notices = [item for item in mail.all() if item.subject.startswith("Corrected")]
    assert sorted(item.recipient for item in notices) == ["first@example.org", "second@example.org"]
    notice = notices[0]
    assert notice.subject == "Corrected: Conference opens"
    assert "Corrects the number of delegates to 160." in notice.text
    assert "Corrects the number of delegates to 160." in notice.html
    assert release.get_absolute_url() in notice.text
    assert notice.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Ticked again: still once.
    page = client.get(url).content.decode()
    assert "Sent to those who got the alert" in page
    data = form_data(page, "article_form")
    data["corrections-0-send_notice"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data, follow=True)
    assert len([item for item in mail.all() if item.subject.startswith("Corrected")]) == 2


def test_editors_cannot_send_a_corrected_notice(client, mail):
    release = make_article(publish_at=timezone.now())
    press.article_correction_record(article=release, kind="correction", note="Fixed a name.")
    client.force_login(staff("Editors"))
    page = client.get(f"/admin/articles/article/{release.pk}/change/").content.decode()
    assert "Fixed a name." in page
    assert 'name="corrections-0-send_notice"' not in page
