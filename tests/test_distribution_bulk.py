"""Alerts and subscriptions survive the writes that send no signals of their own."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from taggit.models import Tag

from articles import services
from articles.models import Article
from distribution.models import Mailing, Subscriber
from tests.factories import make_article


@pytest.mark.django_db(transaction=True)
@pytest.mark.real_tasks
def test_an_embargoed_release_imported_from_a_bundle_gets_its_alert_scheduled(tmp_path):
    from django_tasks_db.models import DBTaskResult

    lift = (timezone.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    make_article(slug="to-be-exported", publish_at=lift, themes=["cybercrime"])
    folder = tmp_path / "bundle"
    call_command("export_releases", str(folder), stdout=io.StringIO())
    Article.objects.all().delete()
    Mailing.objects.all().delete()
    DBTaskResult.objects.all().delete()
    document = json.loads((folder / "bundle.json").read_text())
    (folder / "bundle.json").write_text(json.dumps(document))
    call_command("import_releases", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    imported = Article.objects.get(slug="to-be-exported")
    mailing = Mailing.objects.get(article=imported, kind=Mailing.Kind.ALERT)
    assert mailing.scheduled_for == lift
    task = DBTaskResult.objects.get(task_path="distribution.tasks.send_alert")
    assert task.run_after == lift


@pytest.mark.django_db
def test_merging_themes_keeps_their_subscribers_on_the_theme_kept():
    # Two spellings of one theme, as an older import could leave them.
    upper = Tag.objects.create(name="Cybercrime", slug="cybercrime-2")
    lower = Tag.objects.create(name="cybercrime", slug="cybercrime")
    article = make_article()
    article.themes.add(upper)
    both = Subscriber.objects.create(email="both@example.org", languages=["en"])
    both.themes.set([upper, lower])
    one = Subscriber.objects.create(email="one@example.org", languages=["en"])
    one.themes.set([upper])
    kept = services.themes_merge(themes=[upper, lower], into="cybercrime")
    assert list(one.themes.all()) == [kept]
    assert list(both.themes.all()) == [kept]
    assert list(article.themes.names()) == ["cybercrime"]
