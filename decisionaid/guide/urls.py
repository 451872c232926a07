"""The guide's URLs: one per step slug in the registry, plus start and start over."""

from django.urls import path

from . import views

app_name = "guide"

urlpatterns = [
    path("", views.start, name="start"),
    path("start-over/", views.start_over, name="start-over"),
    path("<slug:slug>/", views.step_view, name="step"),
]
