from datetime import date, timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from articles import ics
from tests.factories import make_article, make_event
from tests.test_public_pages import NON_PUBLIC

pytestmark = pytest.mark.django_db


def ics_url(event):
    return reverse("articles:event_ics", kwargs={"slug": event.slug})


def parse_event(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    return calendar, vevent


class TestEventList:
    def test_upcoming_in_date_order_then_past_newest_first(self, client):
        today = timezone.localdate()
        later = make_event(name="Later summit", start_date=today + timedelta(days=40))
        soon = make_event(name="Soon forum", start_date=today + timedelta(days=5))
        running = make_event(
            name="Running now", start_date=today - timedelta(days=1), end_date=today
        )
        old = make_event(name="Old meeting", start_date=date(2020, 3, 1))
        older = make_event(name="Older meeting", start_date=date(2019, 3, 1))
        for event in (later, soon, running, old, older):
            make_article(event=event)
        response = client.get(reverse("articles:events"))
        html = response.content.decode()
        assert [e.name for e in response.context["upcoming"]] == [
            "Running now",
            "Soon forum",
            "Later summit",
        ]
        assert [e.name for e in response.context["past_events"]] == [
            "Old meeting",
            "Older meeting",
        ]
        assert html.index("Later summit") < html.index("Past events") < html.index("Old meeting")
        assert f'href="{old.get_absolute_url()}"' in html
        assert "1–3 March 2020" in strip_tags(html)

    @NON_PUBLIC
    def test_events_of_non_public_releases_only_are_not_listed(self, client, fields):
        make_article(event=make_event(name="Unannounced summit"), **fields)
        make_article(event=make_event(name="Announced forum"))
        html = client.get(reverse("articles:events")).content.decode()
        assert "Announced forum" in html
        assert "Unannounced summit" not in html

    def test_events_without_releases_are_not_listed(self, client):
        make_event(name="Bare event")
        html = client.get(reverse("articles:events")).content.decode()
        assert "Bare event" not in html
        assert "No upcoming events." in html and "No past events." in html

    def test_past_events_are_paginated(self, client):
        for n in range(22):
            make_article(event=make_event(start_date=date(2020, 1, 1) + timedelta(days=n)))
        first = client.get(reverse("articles:events"))
        assert len(first.context["past_events"]) == 20
        assert "Page 1 of 2" in first.content.decode()
        second = client.get(reverse("articles:events") + "?page=2")
        assert len(second.context["past_events"]) == 2
        assert client.get(reverse("articles:events") + "?page=3").status_code == 404

    def test_query_count_does_not_grow_with_events(self, client, django_assert_num_queries):
        today = timezone.localdate()
        make_article(event=make_event(start_date=today + timedelta(days=3)))
        make_article(event=make_event(start_date=date(2020, 1, 1)))
        # the site's generation, upcoming events, page of past events with their total
        with django_assert_num_queries(3):
            client.get(reverse("articles:events"))
        for n in range(15):
            make_article(event=make_event(start_date=today + timedelta(days=n + 1)))
            make_article(event=make_event(start_date=date(2021, 1, 1) + timedelta(days=n)))
        with django_assert_num_queries(3):
            client.get(reverse("articles:events"))


class TestEventPage:
    def test_shows_the_event_and_its_public_releases(self, client):
        event = make_event(
            name="European Regional Conference",
            venue="Conference centre",
            city="Tirana",
            country="Albania",
            expected_participants=160,
            description="Three days on security threats.",
            link="https://example.org/conference",
        )
        article = make_article(title="Police chiefs meet", event=event, themes=["cybercrime"])
        make_article(title="Another event's release", event=make_event())
        response = client.get(event.get_absolute_url())
        html = response.content.decode()
        assert response.status_code == 200
        assert '<h1 class="page-title"><bdi>European Regional Conference</bdi></h1>' in html
        # A range within one month as people write it.
        assert "11–13 June 2024" in strip_tags(html)
        assert "Conference centre, Tirana, Albania" in html
        assert "<dt>Participants</dt><dd>about 160</dd>" in html
        assert "Three days on security threats." in html
        assert 'href="https://example.org/conference"' in html
        assert f'href="{ics_url(event)}"' in html
        assert f'href="{article.get_absolute_url()}"' in html
        assert "Another event's release" not in html

    @NON_PUBLIC
    def test_non_public_releases_are_not_listed(self, client, fields):
        event = make_event()
        make_article(title="Public release", event=event)
        make_article(title="Hidden release", event=event, **fields)
        html = client.get(event.get_absolute_url()).content.decode()
        assert "Public release" in html and "Hidden release" not in html

    @NON_PUBLIC
    def test_event_of_non_public_releases_only_is_404(self, client, fields):
        event = make_event()
        make_article(event=event, **fields)
        assert client.get(event.get_absolute_url()).status_code == 404
        assert client.get(ics_url(event)).status_code == 404

    def test_unknown_event_is_404(self, client):
        url = reverse("articles:event", kwargs={"slug": "nothing"})
        assert client.get(url).status_code == 404

    def test_query_count_does_not_grow_with_releases(self, client, django_assert_num_queries):
        event = make_event()
        make_article(event=event, themes=["a"])
        # the site's generation, event (if it has a public release), its releases, their
        # themes, their lead photos
        with django_assert_num_queries(5):
            client.get(event.get_absolute_url())
        for n in range(12):
            make_article(event=event, themes=["a", f"t{n}"])
        with django_assert_num_queries(5):
            client.get(event.get_absolute_url())


class TestICalendar:
    def test_is_a_valid_all_day_event(self, client, django_assert_num_queries):
        event = make_event(
            name="European Regional Conference",
            slug="erc-2024",
            venue="Conference centre",
            city="Tirana",
            country="Albania",
            start_date=date(2024, 6, 11),
            end_date=date(2024, 6, 13),
            description="Three days on security threats.",
            link="https://example.org/conference",
        )
        make_article(event=event)
        # the site's generation, the event, if it has a public release
        with django_assert_num_queries(2):
            response = client.get(ics_url(event))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert 'filename="erc-2024.ics"' in response["Content-Disposition"]
        calendar, vevent = parse_event(response)
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        assert vevent["UID"] == "event-erc-2024@testserver"
        assert vevent["DTSTAMP"].dt.tzinfo is not None
        assert vevent["DTSTART"].dt == date(2024, 6, 11)
        # DTEND is exclusive: the day after the last day.
        assert vevent["DTEND"].dt == date(2024, 6, 14)
        assert vevent["SUMMARY"] == "European Regional Conference"
        assert vevent["LOCATION"] == "Conference centre, Tirana, Albania"
        assert vevent["DESCRIPTION"] == (
            "Three days on security threats.\n\nhttps://example.org/conference"
        )
        assert vevent["URL"] == "http://testserver" + event.get_absolute_url()

    def test_lines_end_in_crlf_and_are_folded_at_75_octets(self, client):
        event = make_event(
            name="Ünïcödé " * 20,
            description="Ω" * 200 + "\nSecond line; with, punctuation\\",
        )
        make_article(event=event)
        content = client.get(ics_url(event)).content
        assert content.endswith(b"\r\n")
        lines = content.split(b"\r\n")[:-1]
        assert all(len(line) <= 75 for line in lines)
        assert any(line.startswith(b" ") for line in lines)
        # Every line is whole UTF-8: folds never split a character.
        for line in lines:
            line.decode("utf-8")
        _, vevent = parse_event(client.get(ics_url(event)))
        assert vevent["SUMMARY"] == "Ünïcödé " * 20
        assert vevent["DESCRIPTION"] == "Ω" * 200 + "\nSecond line; with, punctuation\\"

    def test_text_escaping(self):
        assert ics.escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
        # Control characters have no place in TEXT; tabs do.
        assert ics.escape_text("bell\x07\tescape\x1b") == "bell\tescape"

    def test_fold_keeps_short_lines_and_splits_long_ones(self):
        assert ics.fold("SUMMARY:short") == "SUMMARY:short"
        folded = ics.fold("X" * 200)
        parts = folded.split("\r\n")
        assert [len(p) for p in parts] == [75, 75, 52]  # 75 + 74 + 51 characters
        assert "".join(p.removeprefix(" ") for p in parts) == "X" * 200

    def test_user_text_cannot_add_properties(self, client):
        event = make_event(
            name="Evil\r\nATTENDEE:mailto:x@example.org", description="a\nEND:VEVENT"
        )
        make_article(event=event)
        _, vevent = parse_event(client.get(ics_url(event)))
        assert "ATTENDEE" not in vevent
        assert vevent["SUMMARY"] == "Evil\nATTENDEE:mailto:x@example.org"


class TestDateRanges:
    @pytest.mark.parametrize(
        ("start", "end", "shown"),
        [
            (date(2024, 6, 11), date(2024, 6, 11), "11 June 2024"),
            (date(2024, 6, 11), date(2024, 6, 13), "11–13 June 2024"),
            (date(2024, 5, 30), date(2024, 6, 2), "30 May – 2 June 2024"),
            (date(2024, 12, 30), date(2025, 1, 2), "30 December 2024 – 2 January 2025"),
        ],
    )
    def test_event_range_is_written_as_people_write_it(self, client, start, end, shown):
        event = make_event(start_date=start, end_date=end)
        make_article(event=event)
        assert shown in strip_tags(client.get(event.get_absolute_url()).content.decode())
