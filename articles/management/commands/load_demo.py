import argparse
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from articles.demo import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo release (Tirana 2024, 13 photos; in English, French, Spanish and "
        "Arabic) and a few others. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Also create an 'admin' superuser with a generated password, shown once.",
        )
        parser.add_argument(
            "--photo-size",
            default="2400x1600",
            type=self._size,
            help="Size of the generated gallery photos, WIDTHxHEIGHT (default 2400x1600).",
        )

    @staticmethod
    def _size(value):
        try:
            width, height = (int(part) for part in value.lower().split("x"))
        except ValueError:
            raise argparse.ArgumentTypeError("use WIDTHxHEIGHT, e.g. 2400x1600") from None
        if not (16 <= width <= 8000 and 16 <= height <= 8000):
            raise argparse.ArgumentTypeError("each side must be between 16 and 8000 pixels")
        return width, height

    def handle(self, *args, admin=False, photo_size=(2400, 1600), **options):
        article = load_demo(photo_size=photo_size)
        self.stdout.write(
            self.style.SUCCESS(f"Demo loaded: {article.title} ({article.images.count()} photos)")
        )
        self.stdout.write(f"Release page: {article.get_absolute_url()}")
        for translation in article.translations.order_by("pk"):
            self.stdout.write(f"  in {translation.language}: {translation.canonical_url()}")
        if admin:
            self._create_admin()

    def _create_admin(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write(
                "Admin account 'admin' already exists; "
                "set a new password with: python manage.py changepassword admin"
            )
            return
        password = secrets.token_urlsafe(12)
        with transaction.atomic():
            User.objects.create_superuser("admin", email="", password=password)
        self.stdout.write(
            self.style.WARNING(
                f"Admin account created. Username: admin  Password: {password}\n"
                "This password is shown only once; write it down."
            )
        )
