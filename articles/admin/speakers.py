from django import forms
from django.contrib import admin

from articles import images, services
from articles.admin.parts import PublishedPartMixin
from articles.admin_lists import CheckedListMixin
from articles.models import (
    Speaker,
)


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = ["name", "slug", "role", "organisation", "country", "photo", "bio"]

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and "photo" in self.changed_data:
            images.check_image(photo)
            # Portraits lose location and camera details like gallery photos.
            photo = images.strip_metadata(photo)
        return photo


@admin.register(Speaker)
class SpeakerAdmin(CheckedListMixin, PublishedPartMixin, admin.ModelAdmin):
    release_lookup = "quotes__speaker"
    form = SpeakerForm
    list_display = ["name", "role", "organisation", "country"]
    search_fields = ["name", "role", "organisation"]
    list_filter = ["organisation", "country"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "photo" in form.changed_data or (obj.photo and not obj.photo_renditions):
            services.speaker_photo_renditions_enqueue(speaker=obj)
