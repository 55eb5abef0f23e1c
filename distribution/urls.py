from django.urls import path, register_converter

from distribution import views


class TokenConverter:
    """Keys and signed tokens: URL-safe base64 with signing's separators, nothing else."""

    regex = r"[A-Za-z0-9_:.\-]{1,400}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TokenConverter, "mailtoken")

app_name = "distribution"

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/sent/", views.subscribe_sent, name="sent"),
    path("subscribe/confirm/<mailtoken:token>/", views.confirm, name="confirm"),
    path("subscribe/manage/<mailtoken:key>/", views.manage, name="manage"),
    path("subscribe/manage/<mailtoken:key>/data.json", views.export, name="export"),
    path("subscribe/unsubscribe/<mailtoken:key>/", views.unsubscribe, name="unsubscribe"),
]
