from django.db import migrations

PUBLISHERS = [
    "add_journalist",
    "change_journalist",
    "delete_journalist",
    "view_journalist",
    "add_briefing",
    "change_briefing",
    "view_briefing",
    "view_subscriber",
    "change_subscriber",
    "delete_subscriber",
    "view_mailing",
]
EDITORS = ["view_journalist", "view_briefing", "view_mailing"]


def grant(apps, schema_editor):
    """Publishers brief journalists and look after subscribers; Editors see both."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Publishers", PUBLISHERS), ("Editors", EDITORS)):
        permissions = Permission.objects.filter(
            content_type__app_label="distribution", codename__in=codenames
        )
        for group in Group.objects.filter(name=name):
            group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("distribution", "0001_initial"), ("articles", "0002_editorial_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
