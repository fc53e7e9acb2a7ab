from django.urls import path

from labs import proposal_views, views

app_name = "labs"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("how-to-take-part/", views.how_to_take_part, name="how_to_take_part"),
    path("themes/<slug:slug>/", views.theme, name="theme"),
    path("proposals/", proposal_views.my_proposals, name="my_proposals"),
    path("proposals/new/", proposal_views.propose, name="propose"),
    path("proposals/review/", proposal_views.review_proposals, name="review_proposals"),
    path("proposals/<int:pk>/", proposal_views.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/outcome/", proposal_views.decide, name="decide_proposal"),
    path("<str:code>/", views.lab_detail, name="lab"),
]
