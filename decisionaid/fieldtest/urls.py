"""The field test's pages for people; its report lives in the admin."""

from django.urls import path

from . import views

app_name = "fieldtest"

urlpatterns = [
    path("", views.consent, name="consent"),
    path("questions/<int:page>/", views.questions, name="questions"),
    path("no-thanks/", views.decline, name="decline"),
    path("thank-you/", views.thanks, name="thanks"),
]
