from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    share = Permission.objects.filter(
        content_type__app_label="articles",
        codename__in=["add_sharelink", "change_sharelink", "view_sharelink"],
    )
    theme = Permission.objects.filter(
        content_type__app_label="articles",
        codename__in=["add_theme", "change_theme", "view_theme"],
    )
    for group in Group.objects.filter(name__in=["Editors", "Publishers"]):
        group.permissions.add(*share, *theme)
    for group in Group.objects.filter(name="Publishers"):
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="articles", codename="delete_theme")
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_share_links_and_themes")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
