from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.static import serve

from marketplace.catalog.views import thumbnail_view
from marketplace.graphql.views import MarketplaceGraphQLView
from marketplace.payments.webhooks import stripe_webhook
from marketplace.privacy.views import producer_photo

urlpatterns = [
    path("graphql/", csrf_exempt(MarketplaceGraphQLView.as_view(graphiql=True)), name="api"),
    path("thumbnail/<str:instance_id>/<int:size>/<str:fmt>/", thumbnail_view, name="thumbnail"),
    path("producer-photos/<str:profile_id>/", producer_photo, name="producer-photo"),
    path("webhooks/stripe/", stripe_webhook, name="stripe-webhook"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("storefront_theme.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(
            r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )
