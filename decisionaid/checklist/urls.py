"""URLs of the consultation checklist: the printable page and its PDF."""

from django.urls import path

from . import views

app_name = "checklist"

urlpatterns = [
    path("checklist/", views.checklist_page, name="page"),
    path("checklist.pdf", views.checklist_pdf, name="pdf"),
    path("checklist/page-numbers.css", views.page_numbers_css, name="page-numbers-css"),
]
