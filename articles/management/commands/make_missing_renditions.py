from django.core.management.base import BaseCommand

from articles import services
from articles.models import GalleryImage, Speaker


class Command(BaseCommand):
    help = (
        "Ask the worker for the renditions of every photo that has none (e.g. after "
        "tasks were lost); photos whose renditions are still queued only get a no-op task."
    )

    def handle(self, *args, **options):
        photos = GalleryImage.objects.exclude(renditions__has_key="jpeg")
        speakers = Speaker.objects.exclude(photo="").filter(photo_renditions={})
        for image in photos:
            services.gallery_image_renditions_enqueue(image=image)
        for speaker in speakers:
            services.speaker_photo_renditions_enqueue(speaker=speaker)
        self.stdout.write(
            f"Renditions asked for: {len(photos)} gallery photos, {len(speakers)} speaker photos."
        )
