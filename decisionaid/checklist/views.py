"""Views of the consultation checklist."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def checklist_page(request: HttpRequest) -> HttpResponse:
    return render(request, "checklist/checklist.html", {})


def checklist_pdf(request: HttpRequest) -> HttpResponse:
    return render(request, "checklist/checklist.html", {})
