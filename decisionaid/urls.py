"""Top-level URLs: each area of the app brings its own namespaced urls module.

Pages people read are in i18n_patterns: the deployment's default language has no prefix and the
other lives under /<code>/ (/es/). The admin, the health check, robots.txt and the language
switch are the same in every language.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from decisionaid.guide import views as guide_views
from decisionaid.pages import views as pages_views

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", pages_views.healthz, name="healthz"),
    path("robots.txt", pages_views.robots_txt, name="robots"),
    path("language/<str:code>/", pages_views.switch_language, name="switch-language"),
]

urlpatterns += i18n_patterns(
    path("", include("decisionaid.pages.urls")),
    # A site page, but it measures the guide's steps, so its view lives with the guide.
    path("how-this-guide-was-made/", guide_views.how_made, name="how-made"),
    path("guide/", include("decisionaid.guide.urls")),
    path("", include("decisionaid.checklist.urls")),
    path("", include("decisionaid.kiosk.urls")),
    path("field-test/", include("decisionaid.fieldtest.urls")),
    prefix_default_language=False,
)

handler400 = "decisionaid.pages.views.bad_request"
handler403 = "decisionaid.pages.views.permission_denied"
handler404 = "decisionaid.pages.views.page_not_found"
handler500 = "decisionaid.pages.views.server_error"
