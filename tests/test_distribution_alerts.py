"""
Alerts go out when a release becomes public, exactly once, by a real worker
(``manage.py db_worker`` in another process, on a database both see) to a
real SMTP server on loopback, with real time passing: short embargoes lift
by themselves. Marked ``real_tasks``: tasks go to the database queue after
the commit, as in production.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles import services
from articles.models import Article
from distribution import scheduling
from distribution.models import Delivery, Mailing, Subscriber
from tests.factories import make_article
from tests.mailserver import smtp_server  # noqa: F401 (fixture)
from tests.test_tasks import ROOT, shared_database  # noqa: F401 (fixture)

pytestmark = pytest.mark.real_tasks


class Workers:
    """Starts ``db_worker`` processes on the shared database; stops (or kills) them by PID."""

    def __init__(self, database_url, port, log_dir, **settings):
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TASKS_BACKEND")},
            "DATABASE_URL": database_url,
            "EMAIL_URL": f"smtp://127.0.0.1:{port}",
            "SITE_URL": "https://press.example.org",
            "DISTRIBUTION_RETRY_SECONDS": "1",
            **{name: str(value) for name, value in settings.items()},
        }
        self.log_dir = log_dir
        self.processes: list[subprocess.Popen] = []

    def start(self) -> subprocess.Popen:
        log = (self.log_dir / f"worker-{len(self.processes)}.log").open("w")
        process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
            + ["--interval", "0.2"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def logs(self) -> str:
        return "\n".join(path.read_text() for path in sorted(self.log_dir.glob("worker-*.log")))

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def workers(shared_database, smtp_server, tmp_path):
    made = []

    def start(**settings):
        pool = Workers(shared_database, smtp_server[1], tmp_path, **settings)
        made.append(pool)
        pool.start()
        return pool

    yield start
    for pool in made:
        pool.stop()


def wait_for(condition, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def subscribe(email, themes=(), languages=("en",), everything=False) -> Subscriber:
    from taggit.models import Tag

    subscriber = Subscriber.objects.create(
        email=email, all_themes=everything, languages=list(languages)
    )
    tags = [
        Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
        for name in themes
    ]
    subscriber.themes.set(tags)
    return subscriber


def embargo_lifting_in(article: Article, seconds: float) -> None:
    """
    Move the embargo a few seconds ahead. Release times are kept to the
    minute (Article.save), so the few-second embargo is written directly and
    the alert scheduled as a save schedules it (distribution.scheduling).
    """
    Article.objects.filter(pk=article.pk).update(
        publish_at=timezone.now() + timedelta(seconds=seconds)
    )
    scheduling.schedule_alert(article.pk)


def publisher():
    from django.contrib.auth.models import User

    return User.objects.create_superuser(f"chief{time.monotonic_ns()}", password="x-Strong-pass-9")


def test_an_embargo_lifting_by_itself_alerts_each_matching_subscriber_once(
    workers, smtp_server, tmp_path
):
    mail, _port = smtp_server
    subscribe("cyber@example.org", ["Cybercrime"])
    subscribe("french@example.org", ["Cybercrime"], languages=["fr"])
    subscribe("both@example.org", ["cybercrime"], languages=["fr", "en"])
    subscribe("other-theme@example.org", ["Terrorism"])
    subscribe("everything@example.org", everything=True)
    # Neither a draft nor another release may leak into the alert.
    make_article(
        title="DRAFT Secret operation",
        lead="Secret draft lead",
        status=Article.Status.DRAFT,
        publish_at=None,
        themes=["Cybercrime"],
    )
    make_article(title="Older public release", lead="Older lead", themes=["Cybercrime"])
    release = make_article(
        title="Regional conference on cybercrime",
        lead="Police chiefs meet in Tirana to work together against online fraud.",
        dateline_city="Tirana",
        dateline_country="Albania",
        publish_at=timezone.now() + timedelta(days=1),
        themes=["Cybercrime", "Migration"],
    )
    pool = workers()
    embargo_lifting_in(release, 3)

    # Nothing before the embargo lifts.
    assert mail.all() == []
    assert mail.wait_for(3), ([m.recipient for m in mail.all()], pool.logs())
    assert wait_for(lambda: Mailing.objects.filter(finished_at__isnull=False).exists())
    time.sleep(1)  # anything extra would have arrived by now

    received = Counter(item.recipient for item in mail.all())
    assert received == {
        "cyber@example.org": 1,
        "both@example.org": 1,
        "everything@example.org": 1,
    }
    (alert,) = mail.to("cyber@example.org")
    assert alert.subject == "Regional conference on cybercrime"
    for part in (alert.text, alert.html):
        assert "Regional conference on cybercrime" in part
        assert "TIRANA, Albania" in part
        assert "Police chiefs meet in Tirana" in part
        assert f"https://press.example.org{release.get_absolute_url()}" in part
        for leak in ("Secret", "DRAFT", "Older public release", "Older lead"):
            assert leak not in part
    # One-click unsubscribe (RFC 8058), and a link to manage the subscription.
    subscriber = Subscriber.objects.get(email="cyber@example.org")
    assert str(alert.message["List-Unsubscribe"]).strip() == (
        f"<https://press.example.org{subscriber.unsubscribe_path()}>"
    )
    assert alert.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"https://press.example.org{subscriber.get_absolute_url()}" in alert.text

    # A later save of the live release sends nothing more.
    release.refresh_from_db()
    release.lead = "Police chiefs meet in Tirana (updated)."
    release.save()
    scheduling.schedule_alert(release.pk)
    time.sleep(2)
    assert len(mail.all()) == 3


def test_a_group_lifting_together_alerts_each_subscriber_once_in_their_language(
    workers, smtp_server
):
    from articles.translations import shared

    mail, _port = smtp_server
    subscribe("english@example.org", ["Cybercrime"])
    subscribe("french@example.org", ["Cybercrime"], languages=["fr"])
    subscribe("both@example.org", ["Cybercrime"], languages=["fr", "en"])
    subscribe("spanish@example.org", ["Cybercrime"], languages=["es"])
    source = make_article(
        title="Conference on cybercrime",
        publish_at=timezone.now() + timedelta(days=1),
        themes=["Cybercrime"],
    )
    french = shared.translation_create(source=source, language="fr")
    french.title, french.status = "Conférence sur la cybercriminalité", Article.Status.PUBLISHED
    french.save()
    pool = workers()
    pool.start()  # two workers: the two mailings are prepared side by side
    lift = timezone.now() + timedelta(seconds=3)
    Article.objects.filter(pk__in=[source.pk, french.pk]).update(publish_at=lift)
    scheduling.schedule_alert(source.pk)
    scheduling.schedule_alert(french.pk)

    assert mail.wait_for(3), ([m.recipient for m in mail.all()], pool.logs())
    assert wait_for(lambda: Mailing.objects.filter(finished_at__isnull=False).count() == 2)
    time.sleep(1)  # anything extra would have arrived by now
    received = {item.recipient: item.subject for item in mail.all()}
    assert len(mail.all()) == 3
    assert received == {
        "english@example.org": "Conference on cybercrime",
        "french@example.org": "Conférence sur la cybercriminalité",
        "both@example.org": "Conférence sur la cybercriminalité",
    }
    (alert,) = mail.to("french@example.org")
    assert f"https://press.example.org/fr/releases/{french.slug}/" in alert.text


def test_publishing_now_alerts_through_the_save(workers, smtp_server):
    mail, _port = smtp_server
    subscribe("now@example.org", ["Terrorism"])
    release = make_article(
        title="Statement on today's attack",
        status=Article.Status.DRAFT,
        publish_at=None,
        themes=["Terrorism"],
    )
    workers()
    # The Publisher's "publish" (the admin's action calls the same service).
    services.article_publish(article=release, by=publisher())
    assert mail.wait_for(1), "no alert"
    (alert,) = mail.to("now@example.org")
    assert alert.subject == "Statement on today's attack"


def test_a_release_withdrawn_before_its_time_sends_nothing(workers, smtp_server):
    mail, _port = smtp_server
    subscribe("reader@example.org", everything=True)
    release = make_article(
        title="Withdrawn before time",
        publish_at=timezone.now() + timedelta(days=1),
        themes=["Cybercrime"],
    )
    workers()
    embargo_lifting_in(release, 3)
    services.article_unpublish(article=release, by=publisher())

    def alert_task_ran():
        return DBTaskResult.objects.filter(
            task_path="distribution.tasks.send_alert", status="SUCCESSFUL"
        ).exists()

    assert wait_for(alert_task_ran)
    time.sleep(1)
    assert mail.all() == []
    assert not Delivery.objects.exists()

    # Published again later: the alert goes out then, once.
    release.refresh_from_db()
    services.article_publish(article=release, by=publisher())
    assert mail.wait_for(1)
    time.sleep(1)
    assert [item.subject for item in mail.all()] == ["Withdrawn before time"]


def test_a_worker_killed_mid_batch_resumes_without_sending_anyone_two_copies(workers, smtp_server):
    mail, _port = smtp_server
    addresses = [f"reader{i:02}@example.org" for i in range(60)]
    for address in addresses:
        subscribe(address, ["Cybercrime"])
    release = make_article(
        title="Exactly once", publish_at=timezone.now() + timedelta(days=1), themes=["Cybercrime"]
    )
    # Slow sending, small batches and short claims, so the kill lands mid-batch;
    # answers recorded every 4 messages.
    pool = workers(
        DISTRIBUTION_SEND_RATE=20,
        DISTRIBUTION_BATCH_SIZE=10,
        DISTRIBUTION_CLAIM_SECONDS=2,
        DISTRIBUTION_RECORD_EVERY=4,
        DISTRIBUTION_SENDERS=1,
    )
    embargo_lifting_in(release, 1)
    assert mail.wait_for(13), pool.logs()
    pool.processes[0].send_signal(signal.SIGKILL)
    pool.processes[0].wait()
    assert len(mail.all()) < len(addresses), "the kill came too late to test anything"

    pool.start()
    mailing = Mailing.objects.get(article=release)
    assert wait_for(lambda: Mailing.objects.get(pk=mailing.pk).finished_at), pool.logs()
    time.sleep(1)

    received = Counter(item.recipient for item in mail.all())
    assert max(received.values()) == 1, [a for a, n in received.items() if n > 1]
    rows = Delivery.objects.filter(mailing=mailing).select_related("subscriber")
    sent = {row.subscriber.email for row in rows if row.state == Delivery.State.SENT}
    in_doubt = {row.subscriber.email for row in rows if row.state == Delivery.State.FAILED}
    # Everyone recorded as sent got exactly one copy; the few the killed worker
    # may have handed over unrecorded are in doubt, shown as such, never resent.
    assert sent <= set(received)
    assert set(received) <= sent | in_doubt
    assert len(in_doubt) <= 4
    assert sent | in_doubt == set(addresses)
    assert all("may or may not have" in row.error for row in rows if row.state == "failed")


def test_temporary_refusals_are_retried_and_permanent_ones_recorded(workers, smtp_server, client):
    mail, _port = smtp_server
    mail.refusals["busy@example.org"] = ["451 4.3.0 Try again later", "421 4.7.0 Busy"]
    mail.refusals["nobody@example.org"] = ["550 5.1.1 No such mailbox"]
    for address in ("busy@example.org", "nobody@example.org", "fine@example.org"):
        subscribe(address, ["Cybercrime"])
    release = make_article(
        title="Retries", publish_at=timezone.now() + timedelta(days=1), themes=["Cybercrime"]
    )
    pool = workers()
    embargo_lifting_in(release, 1)
    mailing_done = lambda: Mailing.objects.filter(finished_at__isnull=False).exists()  # noqa: E731
    assert wait_for(mailing_done), pool.logs()

    assert len(mail.to("fine@example.org")) == 1
    assert len(mail.to("busy@example.org")) == 1
    assert mail.to("nobody@example.org") == []
    busy = Delivery.objects.get(subscriber__email="busy@example.org")
    assert busy.state == "sent" and busy.attempts == 3
    failed = Delivery.objects.get(subscriber__email="nobody@example.org")
    assert failed.state == "failed" and "550" in failed.error

    # Staff see the failure on the mailing's page.
    client.force_login(publisher())
    page = client.get(failed.mailing.get_absolute_url()).content.decode()
    assert "2 sent, 0 waiting, 1 failed" in page
    assert "No such mailbox" in page
