from django.contrib import admin
from django.db import models

from articles.admin.parts import PublishedPartMixin
from articles.admin_lists import CheckedListMixin
from articles.models import (
    Event,
)


@admin.register(Event)
class EventAdmin(CheckedListMixin, PublishedPartMixin, admin.ModelAdmin):
    release_lookup = "event"
    # Django 6's default, chosen now: without it the form warns of the change.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "start_date", "end_date", "city", "country", "expected_participants"]
    search_fields = ["name", "city", "country", "venue"]
    list_filter = ["country"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["name"]}
