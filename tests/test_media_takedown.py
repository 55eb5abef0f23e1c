"""
Public copies of photos go whichever way a release stops being public: a
bundle import, an expiry noticed by another edit, a replaced file; and a
save looks at a release's photos once, not once a photo.
"""

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
import reversion
import time_machine
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.utils import timezone
from reversion.models import Version

from articles import services
from articles.links import media_url
from articles.media import access
from articles.models import Article, GalleryImage
from tests.factories import image_upload, make_article, make_image
from tests.formdata import form_data
from tests.test_workflow import change_url, signed_in, staff

pytestmark = pytest.mark.django_db(transaction=True)


def promoted(client, image) -> list[str]:
    image.refresh_from_db()
    names = sorted(access.image_names(image))
    for name in names:
        assert client.get(media_url(name)).status_code == 200
    return names


def test_a_bundle_import_that_withdraws_a_release_takes_its_photos_down(client, tmp_path, settings):
    article = make_article(slug="live-one")
    names = promoted(client, make_image(article))
    folder = tmp_path / "bundle"
    call_command("export_releases", str(folder), stdout=io.StringIO())
    document = json.loads((folder / "bundle.json").read_text())
    [release] = [r for r in document["releases"] if r["slug"] == "live-one"]
    release["status"] = "draft"
    (folder / "bundle.json").write_text(json.dumps(document))
    call_command("import_releases", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    assert not [n for n in names if (Path(settings.PUBLIC_MEDIA_ROOT) / n).exists()]
    assert not [n for n in names if client.get(media_url(n)).status_code == 200]


def test_an_edit_after_an_unnoticed_expiry_takes_the_photos_down(client):
    article = make_article(unpublish_at=timezone.now() + timedelta(hours=1))
    names = promoted(client, make_image(article))
    with time_machine.travel(article.unpublish_at + timedelta(minutes=10), tick=True):
        make_article(slug="another-release")  # moves the generation on, before any reader
        client.get("/")
        assert not [n for n in names if client.get(media_url(n)).status_code == 200]


def test_a_replaced_files_renditions_stay_for_a_restore_from_the_history():
    article = make_article(status=Article.Status.DRAFT, publish_at=None)
    image = make_image(article)
    with reversion.create_revision():
        reversion.add_to_revision(article)
        reversion.add_to_revision(image)
    old_names = access.image_names(image)
    image.image = image_upload("new.png", fmt="PNG")
    image.save()
    services.gallery_image_renditions_enqueue(image=image, replaced=True)
    Version.objects.get_for_object(article).first().revision.revert(delete=True)
    assert access.image_names(GalleryImage.objects.get(pk=image.pk)) == old_names
    assert all(default_storage.exists(name) for name in old_names)


@pytest.mark.django_db  # the Editors group from the migrations, kept
def test_saving_a_draft_with_many_photos_does_not_touch_each_file(
    monkeypatch, django_capture_on_commit_callbacks
):
    article = make_article(status=Article.Status.DRAFT, publish_at=None)
    for _ in range(13):
        make_image(article)
    deleted, looked = [], []
    monkeypatch.setattr(FileSystemStorage, "delete", lambda self, name: deleted.append(name))
    real_exists = FileSystemStorage.exists
    monkeypatch.setattr(
        FileSystemStorage,
        "exists",
        lambda self, name: looked.append(name) or real_exists(self, name),
    )
    client = signed_in(staff("eddie", "Editors"))
    data = form_data(client.get(change_url(article)).content.decode(), "article_form")
    for key in [k for k in data if k.endswith("-position") and k.startswith("images-")]:
        if "__prefix__" not in key:
            data[key] = str(12 - int(key.split("-")[1]))
    looked.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change_url(article), data).status_code == 302
    # Never public, so nothing to take down: one look at each photo's original.
    own = {image.image.name for image in article.images.all()}
    assert deleted == []
    assert len([name for name in looked if name in own]) == len(own) == 13
