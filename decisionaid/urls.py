"""Top-level URLs: each area of the app brings its own namespaced urls module."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from decisionaid.guide import views as guide_views

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("decisionaid.pages.urls")),
    # A site page, but it measures the guide's steps, so its view lives with the guide.
    path("how-this-guide-was-made/", guide_views.how_made, name="how-made"),
    path("guide/", include("decisionaid.guide.urls")),
    path("", include("decisionaid.checklist.urls")),
    path("", include("decisionaid.kiosk.urls")),
    path("field-test/", include("decisionaid.fieldtest.urls")),
]

handler400 = "decisionaid.pages.views.bad_request"
handler403 = "decisionaid.pages.views.permission_denied"
handler404 = "decisionaid.pages.views.page_not_found"
handler500 = "decisionaid.pages.views.server_error"
