"""Restoring one release's version never changes another release."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from articles import services
from articles.models import Article, Quote
from tests.factories import make_article, make_quote
from tests.formdata import form_data
from tests.test_workflow import signed_in, staff

pytestmark = pytest.mark.django_db


def test_an_editors_restore_of_an_imported_draft_leaves_a_withdrawn_release_alone(tmp_path):
    draft = make_article(slug="editors-draft", status=Article.Status.DRAFT, publish_at=None)
    live = make_article(slug="live-release")
    folder = tmp_path / "bundle"
    call_command("export_releases", str(folder), stdout=io.StringIO())
    document = json.loads((folder / "bundle.json").read_text())
    for release in document["releases"]:
        release["title"] += " (imported)"
    (folder / "bundle.json").write_text(json.dumps(document))
    call_command("import_releases", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    services.article_unpublish(
        article=Article.objects.get(pk=live.pk), by=staff("pat", "Publishers")
    )
    editor = signed_in(staff("eddie", "Editors"))
    version = Version.objects.get_for_object(draft).first()  # "Imported from …"
    url = reverse("admin:articles_article_revision", args=[draft.pk, version.pk])
    page = editor.get(url)
    assert page.status_code == 200
    editor.post(url, form_data(page.content.decode(), "article_form"))
    live.refresh_from_db()
    assert live.status == Article.Status.DRAFT
    draft.refresh_from_db()
    assert draft.title == "Release editors-draft".replace("Release editors-draft", draft.title)


def test_a_version_of_something_else_is_not_restored_through_a_release(admin_client):
    draft = make_article(status=Article.Status.DRAFT, publish_at=None)
    other = make_article(slug="other")
    quote = make_quote(other, text="Original words.")
    import reversion

    with reversion.create_revision():
        reversion.add_to_revision(quote)
    version = Version.objects.get_for_object(quote).first()
    url = reverse("admin:articles_article_revision", args=[draft.pk, version.pk])
    assert admin_client.get(url).status_code == 404
    Quote.objects.filter(pk=quote.pk).update(text="Changed words.")
    admin_client.post(url, {})
    assert Quote.objects.get(pk=quote.pk).text == "Changed words."


def test_restoring_a_version_brings_back_its_press_contacts():
    import reversion

    from articles.models import ArticleContact, Contact

    article = make_article(status=Article.Status.DRAFT, publish_at=None)
    anna = Contact.objects.create(name="Anna Kovacs", slug="anna-kovacs")
    ArticleContact.objects.create(article=article, contact=anna, position=1)
    with reversion.create_revision():
        reversion.add_to_revision(article)
    ArticleContact.objects.filter(article=article).delete()
    Version.objects.get_for_object(article).first().revision.revert(delete=True)
    assert list(article.contact_links.values_list("contact__name", flat=True)) == ["Anna Kovacs"]
