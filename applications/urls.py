from django.urls import path

from applications import form_views, views

app_name = "applications"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("new/", form_views.express_interest, name="express_interest"),
    path("<int:pk>/", views.interest_detail, name="interest"),
    path("<int:pk>/edit/", form_views.edit_interest, name="edit_interest"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
