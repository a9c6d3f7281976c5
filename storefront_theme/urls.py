from django.urls import path

from storefront_theme import views

urlpatterns = [
    path("", views.home, name="home"),
]
