"""Small display helpers shared by the admin's modules."""

from django.utils import timezone


def local_time(moment):
    return timezone.localtime(moment).strftime("%d %b %Y %H:%M")
