from django.urls import path

from applications import form_views, views
from applications.selection.views import cohort_page, home, interest_page, member_pages, pipeline_page

app_name = "applications"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("new/", form_views.express_interest, name="express_interest"),
    path("<int:pk>/", views.interest_detail, name="interest"),
    path("<int:pk>/edit/", form_views.edit_interest, name="edit_interest"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/invitation/", member_pages.answer_invitation, name="answer_invitation"),
    path("<int:pk>/participants/", member_pages.name_participants, name="participants"),
    # Selection: the lab's coordinators and the Secretariat.
    path("selection/", home.selection_home, name="selection_home"),
    path("selection/interests.xlsx", pipeline_page.export_every_lab_xlsx, name="every_lab_xlsx"),
    path("selection/interest/<int:pk>/", interest_page.selection_interest, name="selection_interest"),
    path("selection/<str:code>/", pipeline_page.pipeline, name="pipeline"),
    path("selection/<str:code>/export.csv", pipeline_page.export_csv, name="pipeline_csv"),
    path("selection/<str:code>/export.xlsx", pipeline_page.export_xlsx, name="pipeline_xlsx"),
    path("selection/<str:code>/cohort/", cohort_page.cohort, name="cohort"),
]
