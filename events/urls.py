from django.urls import path

from events.views import manage, manage_support, participant

app_name = "events"
urlpatterns = [
    # The participant's side.
    path("", participant.my_labs, name="my_labs"),
    path("answers/<str:key>/", participant.answer, name="answer"),
    path("support/<int:pk>/", participant.my_support, name="my_support"),
    path("support/<int:pk>/letter.pdf", participant.support_letter, name="support_letter"),
    path("sessions/<int:pk>/calendar.ics", participant.session_calendar, name="session_calendar"),
    path("calendar/reset/", participant.reset_calendar, name="reset_calendar"),
    path("calendar/<str:token>.ics", participant.calendar_feed, name="calendar_feed"),
    path("documents/<int:pk>/", participant.document, name="document"),
    # The coordinator's side.
    path("manage/", manage.manage_index, name="manage_index"),
    path("manage/<str:code>/sessions/", manage.lab_sessions, name="lab_sessions"),
    path("manage/<str:code>/sessions/new/", manage.session_create, name="session_create"),
    path("manage/sessions/<int:pk>/edit/", manage.session_edit, name="session_edit"),
    path("manage/<str:code>/slots/", manage.suggest_slots, name="suggest_slots"),
    path("manage/<str:code>/documents/new/", manage.document_create, name="document_create"),
    path("manage/<str:code>/support/", manage_support.support_overview, name="support_overview"),
    path("manage/<str:code>/support/export.xlsx", manage_support.support_export, name="support_export"),
    path("manage/<str:code>/support/offer/", manage_support.support_offer, name="support_offer"),
    path("manage/support/<int:pk>/", manage_support.support_detail, name="support_detail"),
]
