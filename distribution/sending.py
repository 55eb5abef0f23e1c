"""
Sending a mailing: each message at most once, by any number of workers.

A delivery row goes PENDING → CLAIMED (a worker took it, with a lease that
its progress renews) → SENT, or back to PENDING with a later attempt on a
temporary refusal, or FAILED. A worker sends its claimed rows in order and
records what the mail server answered after every message (or every
``DISTRIBUTION_RECORD_EVERY`` messages), checking that the rest are still
its own. A worker that dies leaves its rows CLAIMED: when the lease runs out,
the first rows it had not recorded (one, or ``DISTRIBUTION_RECORD_EVERY``)
may have reached the server, so they are recorded as such and never sent
again; the others go back to the queue. Nobody ever gets a second copy.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Min, Q
from django.utils import timezone

from articles.models import Article
from distribution import matching, messages
from distribution.models import Delivery, Mailing

logger = logging.getLogger(__name__)

State = Delivery.State
UNFINISHED = (State.PENDING, State.CLAIMED)
INTERRUPTED = (
    "The worker stopped while handing this message over: it may or may not have "
    "reached the mail server, and is not sent again so that nobody gets two copies."
)


def _lease() -> timedelta:
    return timedelta(seconds=settings.DISTRIBUTION_CLAIM_SECONDS)


# --- Choosing the recipients ---------------------------------------------------------


def prepare(mailing: Mailing) -> bool:
    """
    Fix the mailing's recipients, once: one delivery row per subscriber.
    False when the release is not public (withdrawn or re-embargoed): then
    nothing is prepared, and nothing will be sent unless it is saved again.
    """
    if mailing.prepared_at is not None:
        return True
    release = Article.objects.public().filter(pk=mailing.article_id).first()
    if release is None:
        return False
    with transaction.atomic():
        if mailing.kind == Mailing.Kind.ALERT:
            matching.lock_group(release)
        locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
        if locked.prepared_at is None:
            rows = _recipient_rows(locked, release)
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) == 1000:
                    Delivery.objects.bulk_create(batch, ignore_conflicts=True)
                    batch = []
            Delivery.objects.bulk_create(batch, ignore_conflicts=True)
            locked.prepared_at = timezone.now()
            locked.save(update_fields=["prepared_at"])
        mailing.prepared_at = locked.prepared_at
    return True


def _recipient_rows(mailing: Mailing, release: Article):
    if mailing.kind == Mailing.Kind.ALERT:
        for subscriber_id, version in matching.recipients(release):
            yield Delivery(mailing=mailing, subscriber_id=subscriber_id, article=version)
        return
    # A corrected notice goes to those who got the alert, in the version they got.
    sent = Delivery.objects.filter(
        mailing__article=mailing.article_id, mailing__kind=Mailing.Kind.ALERT, state=State.SENT
    ).values_list("subscriber_id", "article_id")
    for subscriber_id, article_id in sent.iterator(chunk_size=2000):
        yield Delivery(mailing=mailing, subscriber_id=subscriber_id, article_id=article_id)


# --- Claiming ------------------------------------------------------------------------


def recover_stale(mailing_id: int, now=None) -> None:
    """Rows whose worker's lease ran out: in doubt if it may have sent them, else queued again."""
    now = now or timezone.now()
    stale = Delivery.objects.filter(
        mailing_id=mailing_id, state=State.CLAIMED, claimed_until__lt=now
    )
    for worker in set(stale.values_list("claim", flat=True)):
        rows = stale.filter(claim=worker).order_by("pk")
        in_doubt = list(rows.values_list("pk", flat=True)[: settings.DISTRIBUTION_RECORD_EVERY])
        with transaction.atomic():
            Delivery.objects.filter(pk__in=in_doubt, state=State.CLAIMED).update(
                state=State.FAILED, error=INTERRUPTED, claimed_until=None
            )
            rows.exclude(pk__in=in_doubt).update(state=State.PENDING, claim="", claimed_until=None)


def claim(mailing_id: int, worker: str, size: int) -> list[Delivery]:
    """Take up to ``size`` rows due now for ``worker``; those another worker took stay theirs."""
    now = timezone.now()
    with transaction.atomic():
        due = Delivery.objects.filter(
            mailing_id=mailing_id, state=State.PENDING, next_attempt_at__lte=now
        ).order_by("pk")
        ids = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True)[:size])
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids, state=State.PENDING).update(
            state=State.CLAIMED, claim=worker, claimed_until=now + _lease()
        )
    return list(
        Delivery.objects.filter(pk__in=ids, claim=worker, state=State.CLAIMED)
        .select_related("subscriber")
        .order_by("pk")
    )


def _record(outcomes, worker: str, remaining: list[Delivery]) -> bool:
    """
    Write what the server answered for ``outcomes`` [(delivery, exception or
    None)], and renew the claim on ``remaining``: False if another worker has
    taken any of them over (this one then stops).
    """
    now = timezone.now()
    sent = [delivery.pk for delivery, exc in outcomes if exc is None]
    with transaction.atomic():
        # Whatever a recovery thought of them: they were handed over.
        Delivery.objects.filter(pk__in=sent, claim=worker).update(
            state=State.SENT, sent_at=now, attempts=F("attempts") + 1, claimed_until=None, error=""
        )
        for delivery, exc in outcomes:
            if exc is not None:
                _refused(delivery, worker, exc, now)
        if not remaining:
            return True
        renewed = Delivery.objects.filter(
            pk__in=[delivery.pk for delivery in remaining], claim=worker, state=State.CLAIMED
        ).update(claimed_until=now + _lease())
    return renewed == len(remaining)


def _refused(delivery: Delivery, worker: str, exc: BaseException, now) -> None:
    attempts = delivery.attempts + 1
    error = describe(exc)
    rows = Delivery.objects.filter(pk=delivery.pk, claim=worker)
    if is_temporary(exc) and attempts < settings.DISTRIBUTION_MAX_ATTEMPTS:
        wait = settings.DISTRIBUTION_RETRY_SECONDS * 2 ** (attempts - 1)
        rows.update(
            state=State.PENDING,
            attempts=attempts,
            next_attempt_at=now + timedelta(seconds=wait),
            claim="",
            claimed_until=None,
            error=error,
        )
    else:
        rows.update(state=State.FAILED, attempts=attempts, claimed_until=None, error=error)


# --- SMTP errors ---------------------------------------------------------------------


def is_temporary(exc: BaseException) -> bool:
    """4xx answers, lost connections and timeouts may pass; 5xx answers will not."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in exc.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return isinstance(exc, smtplib.SMTPException | OSError)


def describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address}: {code} {_text(message)}"
            for address, (code, message) in exc.recipients.items()
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    if isinstance(exc, messages.ReleaseNotPublic):
        return "The release stopped being public before this message went out."
    return f"{type(exc).__name__}: {exc}"


def _text(message) -> str:
    return message.decode(errors="replace") if isinstance(message, bytes) else str(message)


def _connection_broken(exc: BaseException) -> bool:
    return isinstance(exc, smtplib.SMTPServerDisconnected | OSError) and not isinstance(
        exc, smtplib.SMTPResponseException
    )


# --- Sending -------------------------------------------------------------------------


class Pace:
    """At most ``rate`` messages a second (0: no limit)."""

    def __init__(self, rate: float):
        self.interval = 1 / rate if rate > 0 else 0
        self.next = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if self.next > now:
            time.sleep(self.next - now)
        self.next = max(self.next, now) + self.interval


def send(mailing_id: int) -> int:
    """
    Send what is due of a mailing until nothing is left to take (or the
    task's time is up: a follow-up goes on); the number of messages handed
    to the mail server.
    """
    mailing = Mailing.objects.filter(pk=mailing_id).first()
    if mailing is None or not prepare(mailing):
        return 0
    worker = uuid.uuid4().hex
    sender = Sender(mailing)
    stop_at = time.monotonic() + settings.DISTRIBUTION_TASK_SECONDS
    try:
        while time.monotonic() < stop_at:
            recover_stale(mailing.pk)
            batch = claim(mailing.pk, worker, settings.DISTRIBUTION_BATCH_SIZE)
            if not batch:
                break
            sender.send_batch(batch, worker)
    finally:
        sender.close()
    return sender.count


class Sender:
    """One worker's SMTP connection, pace and rendered messages for a mailing."""

    def __init__(self, mailing: Mailing):
        self.renderer = messages.MailingRenderer(mailing)
        self.pace = Pace(settings.DISTRIBUTION_SEND_RATE)
        self.connection = get_connection(fail_silently=False)
        self.count = 0

    def send_batch(self, batch: list[Delivery], worker: str) -> None:
        # The release is read again for every batch: one withdrawn while its
        # mailing goes out stops within a batch.
        self.renderer.forget()
        every = max(1, settings.DISTRIBUTION_RECORD_EVERY)
        outcomes = []
        for position, delivery in enumerate(batch, start=1):
            outcomes.append((delivery, self.send_one(delivery)))
            if len(outcomes) >= every or position == len(batch):
                if not _record(outcomes, worker, remaining=batch[position:]):
                    return  # the lease ran out and another worker took the rest
                outcomes = []

    def send_one(self, delivery: Delivery) -> BaseException | None:
        try:
            message = self.renderer.message(delivery)
            self.pace.wait()
            # Opened once and kept; opened again after the server dropped it.
            self.connection.open()
            self.connection.send_messages([message])
        except Exception as exc:
            logger.warning("Delivery %s refused: %s", delivery.pk, describe(exc))
            if _connection_broken(exc):
                self.close()
            return exc
        self.count += 1
        return None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.connection.close()


def next_due(mailing_id: int):
    """When something of the mailing can next be taken: a retry, or a claim running out."""
    rows = Delivery.objects.filter(mailing_id=mailing_id)
    due = rows.aggregate(
        retry=Min("next_attempt_at", filter=Q(state=State.PENDING)),
        lease=Min("claimed_until", filter=Q(state=State.CLAIMED)),
    )
    moments = [moment for moment in due.values() if moment is not None]
    return min(moments) if moments else None


def finish_if_done(mailing_id: int) -> bool:
    """
    Mark the mailing finished once its recipients are chosen and no row is
    left to send; True if it is finished. A mailing whose release was not
    public when its time came stays open: publishing it again sends it.
    """
    if Delivery.objects.filter(mailing_id=mailing_id, state__in=UNFINISHED).exists():
        return False
    Mailing.objects.filter(
        pk=mailing_id, finished_at__isnull=True, prepared_at__isnull=False
    ).update(finished_at=timezone.now())
    return Mailing.objects.filter(pk=mailing_id, finished_at__isnull=False).exists()
