from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("", views.landing, name="landing"),
    path("about/", views.about, name="about"),
    path("sources/", views.sources, name="sources"),
    path("glossary/", views.glossary, name="glossary"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
