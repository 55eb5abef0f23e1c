"""``check --deploy``: in production, photos are not sent by the app itself."""

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, storages


@checks.register(checks.Tags.security, deploy=True)
def media_handed_to_the_web_server(app_configs=None, **kwargs):
    if settings.NEWSROOM_MEDIA_ACCEL_REDIRECT or not isinstance(
        storages["default"], FileSystemStorage
    ):
        return []
    return [
        checks.Warning(
            "Photos are sent by the app itself, tying up a worker for each download.",
            hint=(
                "Behind nginx, set MEDIA_ACCEL_REDIRECT (e.g. /internal-media/) and serve "
                "PUBLIC_MEDIA_ROOT at MEDIA_URL (README: Production on one server)."
            ),
            id="newsroom.W001",
        )
    ]
