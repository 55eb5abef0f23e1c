"""The two editorial roles: Editors write drafts, Publishers may also publish."""

from django.db import migrations

EDITOR_PERMISSIONS = [
    ("articles", "article", ["add", "change", "view"]),
    ("articles", "quote", ["add", "change", "delete", "view"]),
    ("articles", "galleryimage", ["add", "change", "delete", "view"]),
    ("articles", "speaker", ["add", "change", "view"]),
    ("articles", "event", ["add", "change", "view"]),
    ("taggit", "tag", ["add", "change", "view"]),
]
PUBLISHER_EXTRA = [
    ("articles", "article", ["delete"]),
    ("articles", "speaker", ["delete"]),
    ("articles", "event", ["delete"]),
    ("taggit", "tag", ["delete"]),
]


def _permissions(apps, spec):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, model, actions in spec:
        for action in actions:
            found.append(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
            )
    return found


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*_permissions(apps, EDITOR_PERMISSIONS))
    publishers, _ = Group.objects.get_or_create(name="Publishers")
    publishers.permissions.add(
        *_permissions(apps, EDITOR_PERMISSIONS + PUBLISHER_EXTRA),
        Permission.objects.get(content_type__app_label="articles", codename="publish_article"),
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Publishers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
