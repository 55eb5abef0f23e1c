from django.core.management.base import BaseCommand

from articles.media.public import sweep


class Command(BaseCommand):
    help = (
        "Remove every public copy of a photo whose release is not public now, or "
        "which no longer exists: after restoring a backup, or to check that nothing leaked."
    )

    def handle(self, *args, **options):
        removed = sweep()
        for name in removed:
            self.stdout.write(f"removed {name}", style_func=self.style.WARNING)
        if options["verbosity"]:
            self.stdout.write(f"{len(removed)} public file(s) removed.")
