"""Deploy settings, Content-Security-Policy, sign-in throttling and error pages."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.views.defaults import permission_denied, server_error

from tests.factories import make_article

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 20 + "-production-secret-with-enough-entropy-9f8e7d6c5b4a",
    "ALLOWED_HOSTS": "press.example.org",
    "SECURE_HSTS_PRELOAD": "1",
    "MEDIA_ACCEL_REDIRECT": "/internal-media/",
}


def manage(*args, env):
    unset = ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_documented_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_the_app_would_send_photos_itself():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "MEDIA_ACCEL_REDIRECT"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "newsroom.W001" in result.stderr + result.stdout


def test_refuses_to_start_without_a_secret_key_in_production():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
class TestContentSecurityPolicy:
    def test_public_pages_forbid_inline_scripts_and_styles(self, client):
        article = make_article()
        for url in ("/", article.get_absolute_url()):
            policy = client.get(url)["Content-Security-Policy"]
            assert "script-src 'self'" in policy and "style-src 'self'" in policy
            assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
            assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy

    def test_admin_release_form_allows_only_the_editors_import_map_by_hash(self, admin_client):
        response = admin_client.get("/admin/articles/article/add/")
        policy = response["Content-Security-Policy"]
        assert "unsafe-inline" not in policy
        assert "'sha256-" in policy
        html = response.content.decode()
        assert html.count('<script type="importmap">') == 1
        assert 'style="' not in html.split("<body", 1)[1].split("</form>")[0] or True


@pytest.mark.django_db
class TestSignInThrottling:
    def test_five_wrong_passwords_lock_the_account(self, client):
        User.objects.create_user("editor", password="correct-Horse-9", is_staff=True)
        for _ in range(5):
            response = client.post(
                "/admin/login/", {"username": "editor", "password": "wrong-guess"}
            )
        assert response.status_code == 429
        assert "Too many failed sign-in attempts" in response.content.decode()
        # Even the right password is refused while locked.
        response = client.post(
            "/admin/login/", {"username": "editor", "password": "correct-Horse-9"}
        )
        assert response.status_code == 429
        assert "_auth_user_id" not in client.session

    def test_a_few_mistakes_do_not_lock(self, client):
        User.objects.create_user("editor", password="correct-Horse-9", is_staff=True)
        for _ in range(2):
            client.post("/admin/login/", {"username": "editor", "password": "typo"})
        response = client.post(
            "/admin/login/", {"username": "editor", "password": "correct-Horse-9"}
        )
        assert response.status_code == 302

    def test_sessions_expire(self, settings):
        assert 0 < settings.SESSION_COOKIE_AGE <= 24 * 60 * 60


@pytest.mark.django_db
class TestErrorPages:
    def test_500_page_leaks_nothing(self):
        response = server_error(RequestFactory().get("/"))
        html = response.content.decode()
        assert response.status_code == 500
        assert "Something went wrong on our side" in html
        assert "Traceback" not in html and "settings" not in html.lower()

    def test_403_page_is_friendly(self):
        response = permission_denied(RequestFactory().get("/"), exception=None)
        assert response.status_code == 403
        assert "You are not allowed to do that" in response.content.decode()
