"""
Themes move from taggit's generic TaggedItem to ArticleTheme, a link with a
real foreign key to the release and a natural key (release slug, theme name).
Existing links are copied over; taggit's Tag rows are unchanged.
"""

import django.db.models.deletion
import taggit.managers
from django.db import migrations, models


def copy_links(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ArticleTheme = apps.get_model("articles", "ArticleTheme")
    Article = apps.get_model("articles", "Article")
    article_type = ContentType.objects.filter(app_label="articles", model="article").first()
    if article_type is None:
        return
    old = TaggedItem.objects.filter(content_type=article_type)
    existing = set(Article.objects.values_list("pk", flat=True))
    seen = set()
    links = []
    for object_id, tag_id in old.values_list("object_id", "tag_id"):
        if object_id in existing and (object_id, tag_id) not in seen:
            seen.add((object_id, tag_id))
            links.append(ArticleTheme(content_object_id=object_id, tag_id=tag_id))
    ArticleTheme.objects.bulk_create(links, batch_size=1000)
    old.delete()


def copy_links_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ArticleTheme = apps.get_model("articles", "ArticleTheme")
    article_type, _ = ContentType.objects.get_or_create(app_label="articles", model="article")
    TaggedItem.objects.bulk_create(
        [
            TaggedItem(content_type=article_type, object_id=link.content_object_id, tag_id=link.tag_id)
            for link in ArticleTheme.objects.all()
        ],
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_postgres_search_vector"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleTheme",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "content_object",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="theme_links",
                        to="articles.article",
                        verbose_name="release",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(app_label)s_%(class)s_items",
                        to="taggit.tag",
                    ),
                ),
            ],
            options={"verbose_name": "release theme", "verbose_name_plural": "release themes"},
        ),
        migrations.AddConstraint(
            model_name="articletheme",
            constraint=models.UniqueConstraint(
                fields=("content_object", "tag"), name="unique_release_theme"
            ),
        ),
        migrations.RunPython(copy_links, copy_links_back),
        # The manager's "through" changes in the model state only: the old
        # links lived in taggit's own table, which stays.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="themes",
                    field=taggit.managers.TaggableManager(
                        blank=True,
                        help_text="Comma-separated themes, e.g. organized crime, cybercrime.",
                        through="articles.ArticleTheme",
                        to="taggit.Tag",
                        verbose_name="themes",
                    ),
                )
            ]
        ),
    ]
