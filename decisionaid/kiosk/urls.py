from django.urls import path

from . import views

app_name = "kiosk"

urlpatterns = [
    path("kiosk/", views.enter, name="enter"),
    path("kiosk/exit/", views.exit_kiosk, name="exit"),
    path("kiosk/finish/", views.finish, name="finish"),
    path("kiosk/alive/", views.alive, name="alive"),
    path("resume/<str:token>/", views.resume, name="resume"),
]
