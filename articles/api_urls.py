"""Routes of the read-only JSON API (/api/...)."""

urlpatterns: list = []
