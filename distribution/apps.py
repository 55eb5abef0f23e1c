from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class DistributionConfig(AppConfig):
    name = "distribution"
    verbose_name = _("E-mail alerts and briefings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from articles.models import Article
        from articles.signals import releases_written
        from distribution import scheduling

        # Scheduling, not the send itself: every path that saves a release
        # (admin, publish actions, services, imports that save, the shell)
        # must leave an alert waiting for the release's publication time.
        # The task decides, when it runs, whether anything goes out.
        post_save.connect(scheduling.release_saved, sender=Article, weak=False)
        # Bulk writes (bundle imports) send no post_save: they say so after the commit.
        releases_written.connect(scheduling.releases_written, sender=Article, weak=False)
