"""A release page never zips its gallery while a reader waits: the worker does."""

import pytest
from django.core.management import call_command

from articles.models import MediaKit
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.real_tasks
def test_the_first_view_after_a_gallery_change_asks_the_worker_for_the_kit(client):
    from django_tasks_db.models import DBTaskResult

    article = make_article()
    for _ in range(2):
        make_image(article)
    call_command("db_worker", batch=True, no_reload=True, verbosity=0)  # the renditions
    MediaKit.objects.all().delete()
    DBTaskResult.objects.all().delete()

    page = client.get(article.get_absolute_url()).content.decode()
    assert not MediaKit.objects.exists()  # nothing zipped in the reader's request
    assert "Download all 2 photos" not in page
    client.get(article.get_absolute_url())  # the next reader does not ask again
    assert DBTaskResult.objects.filter(task_path="articles.tasks.build_media_kit").count() == 1

    call_command("db_worker", batch=True, no_reload=True, verbosity=0)
    kit = MediaKit.objects.get(article=article)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Download all 2 photos" in page
    assert kit.file.endswith(".zip")
