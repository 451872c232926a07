"""The field-test report and CSV export, for staff with the "view field test" permission."""

import csv

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext

from decisionaid.charts.bars import count_bars_svg

from .models import Response
from .report import MIN_GROUP, build_report, csv_rows
from .researchers import PERMISSION


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    """Read-only: rows are written by the questionnaire alone and read through the report."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.has_perm(PERMISSION)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def get_urls(self) -> list[URLPattern]:
        wrap = self.admin_site.admin_view
        return [
            path("report/", wrap(self.report_view), name="fieldtest_response_report"),
            path("export.csv", wrap(self.export_view), name="fieldtest_response_export"),
            *super().get_urls(),
        ]

    def changelist_view(
        self, request: HttpRequest, extra_context: dict | None = None
    ) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return redirect("admin:fieldtest_response_report")

    def report_view(self, request: HttpRequest) -> TemplateResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        report = build_report()
        for name, section in report.items():
            for index, group in enumerate(section):
                for item in group.items:
                    item.chart = count_bars_svg(
                        item.counts, title=item.text, element_id=f"{name}-{index}-{item.key}"
                    )
        return TemplateResponse(
            request,
            "fieldtest/report.html",
            {
                **self.admin_site.each_context(request),
                "title": gettext("Field test report"),
                "opts": self.model._meta,
                "report": report,
                "min_group": MIN_GROUP,
                "export_url": reverse("admin:fieldtest_response_export"),
            },
        )

    def export_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="field-test.csv"'
        response["Cache-Control"] = "no-store"
        csv.writer(response).writerows(csv_rows())
        return response
