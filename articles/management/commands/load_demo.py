import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from articles.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo release (Tirana 2024, 13 photos) and a few others. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Also create an 'admin' superuser with a generated password, shown once.",
        )

    def handle(self, *args, admin=False, **options):
        article = load_demo()
        self.stdout.write(
            self.style.SUCCESS(f"Demo loaded: {article.title} ({article.images.count()} photos)")
        )
        self.stdout.write(f"Release page: {article.get_absolute_url()}")
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
