from django.urls import path

from distribution import views

app_name = "distribution"

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/sent/", views.subscribe_sent, name="sent"),
    path("subscribe/confirm/<str:token>/", views.confirm, name="confirm"),
    path("subscribe/manage/<str:key>/", views.manage, name="manage"),
    path("subscribe/manage/<str:key>/data.json", views.export, name="export"),
    path("subscribe/unsubscribe/<str:key>/", views.unsubscribe, name="unsubscribe"),
]
