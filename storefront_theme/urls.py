from django.urls import path

from storefront_theme import views

app_name = "storefront"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("products/<str:slug>/", views.product, name="product"),
    path("categories/<str:slug>/", views.category, name="category"),
    path("pages/<str:slug>/", views.content_page, name="page"),
]
