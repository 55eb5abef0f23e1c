"""
The README's nginx set-up, run for real in front of the app: public photos
come from the public copies without the app, others through the access
check's X-Accel-Redirect, and nothing hidden gets out.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from articles.links import media_url
from articles.media import access
from articles.models import Article
from tests.factories import make_article, make_image

NGINX = shutil.which("nginx") or next(
    (path for path in ("/usr/sbin/nginx",) if os.access(path, os.X_OK)), None
)
pytestmark = [
    pytest.mark.django_db(transaction=True),
    # nginx's part: the access rules themselves run on both databases (test_media_access.py).
    pytest.mark.any_database,
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (Debian's nginx-light)"),
]

CONFIG = """
daemon off;
{user}
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{}}
http {{
  access_log {root}/access.log;
  client_body_temp_path {root}/tmp-body;
  proxy_temp_path {root}/tmp-proxy;
  fastcgi_temp_path {root}/tmp-fastcgi;
  uwsgi_temp_path {root}/tmp-uwsgi;
  scgi_temp_path {root}/tmp-scgi;
  types {{ image/jpeg jpg jpeg; image/png png; image/webp webp; }}
  server {{
    listen 127.0.0.1:{port};
    location /media/ {{
      root {public_parent};
      try_files $uri @newsroom;
      add_header Cache-Control "public, max-age=86400";
      add_header X-Content-Type-Options nosniff;
    }}
    location /internal-media/ {{
      internal;
      alias {media_root}/;
      add_header X-Robots-Tag $upstream_http_x_robots_tag;
      add_header X-Content-Type-Options nosniff;
    }}
    location @newsroom {{ proxy_pass {app}; proxy_set_header Host $host; }}
    location / {{ proxy_pass {app}; proxy_set_header Host $host; }}
  }}
}}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def app_server():
    """
    The app on a loopback port, as gunicorn would run it: unlike Django's live
    server, with no handler of its own serving MEDIA_ROOT in front of it.
    """
    from django.db import connections
    from django.test.testcases import LiveServerThread

    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in shared.values():
        conn.inc_thread_sharing()
    thread = LiveServerThread(
        "127.0.0.1", static_handler=lambda media: media.application, connections_override=shared
    )
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    try:
        yield f"http://127.0.0.1:{thread.port}"
    finally:
        thread.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()


@pytest.fixture
def nginx(app_server, settings, tmp_path):
    """nginx on loopback, set up as the README says, in front of the app."""
    public_parent = tmp_path / "public"
    public_root = public_parent / "media"  # served at /media/ by `root`
    settings.NEWSROOM_MEDIA_ACCEL_REDIRECT = "/internal-media/"
    settings.STORAGES = {
        **settings.STORAGES,
        "public_media": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": public_root, "base_url": settings.MEDIA_URL},
        },
    }
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    public_root.mkdir(parents=True)
    root = tmp_path / "nginx"
    root.mkdir()
    port = _free_port()
    (root / "nginx.conf").write_text(
        CONFIG.format(
            user="user root;" if os.geteuid() == 0 else "",
            root=root,
            port=port,
            public_parent=public_parent,
            media_root=settings.MEDIA_ROOT,
            app=app_server,
        )
    )
    process = subprocess.Popen(  # noqa: S603
        [NGINX, "-c", str(root / "nginx.conf"), "-p", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(base: str, name: str, cookie: str = "") -> tuple[int, bytes, dict]:
    request = urllib.request.Request(base + media_url(name))
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, b"", dict(error.headers)


def stored(name: str) -> bytes:
    return (Path(django_settings.MEDIA_ROOT) / name).read_bytes()


def test_a_public_photo_is_handed_over_then_served_by_nginx_alone(nginx):
    image = make_image(make_article())
    image.refresh_from_db()
    name = sorted(access.image_names(image))[-1]
    status, body, headers = get(nginx, name)
    assert status == 200
    assert body == stored(name)
    assert "X-Accel-Redirect" not in headers  # nginx acted on it, readers never see it
    assert "public" in headers["Cache-Control"]
    # From now on the public copy answers: even with the private file gone,
    # nginx serves it without asking the app.
    os.unlink(Path(django_settings.MEDIA_ROOT) / name)
    status, again, headers = get(nginx, name)
    assert (status, again) == (200, body)
    assert headers["Content-Type"] in ("image/jpeg", "image/webp")


def test_hidden_photos_answer_404_and_staff_get_them_through_x_accel(nginx, client):
    from django.contrib.auth.models import User

    article = make_article(publish_at=timezone.now() + timedelta(hours=2))
    image = make_image(article)
    image.refresh_from_db()
    names = sorted(access.image_names(image))
    assert all(get(nginx, name)[0] == 404 for name in names)
    client.force_login(User.objects.create_superuser("editor-in-chief"))
    session = django_settings.SESSION_COOKIE_NAME
    cookie = f"{session}={client.cookies[session].value}"
    for name in names:
        status, body, headers = get(nginx, name, cookie)
        assert status == 200, name
        assert body == stored(name)
        assert "no-store" in headers["Cache-Control"]


def test_a_withdrawal_takes_nginxs_copies_down(nginx):
    article = make_article()
    image = make_image(article)
    image.refresh_from_db()
    names = sorted(access.image_names(image))
    assert all(get(nginx, name)[0] == 200 for name in names)
    article.status = Article.Status.DRAFT
    article.save()
    assert all(get(nginx, name)[0] == 404 for name in names)


def test_nginx_never_serves_the_private_folder(nginx):
    image = make_image(make_article(status=Article.Status.DRAFT, publish_at=None))
    assert get(nginx, image.image.name)[0] == 404
    request = urllib.request.Request(f"{nginx}/internal-media/{image.image.name}")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)  # noqa: S310
    assert refused.value.code == 404
