from django.urls import path

from members.views import importing, invitations, link_requests, member_pages, profile

app_name = "members"
urlpatterns = [
    path("profile/", profile.profile, name="profile"),
    path("profile/my-data.json", profile.download_my_data, name="download_my_data"),
    path("profile/delete/", profile.delete_my_account, name="delete_my_account"),
    path("members/", member_pages.member_list, name="member_list"),
    path("members/add/", member_pages.member_create, name="member_create"),
    path("members/import/", importing.upload, name="member_import"),
    path("members/import/confirm/", importing.confirm, name="member_import_confirm"),
    path("members/<int:pk>/", member_pages.member_detail, name="member_detail"),
    path("members/<int:pk>/edit/", member_pages.member_edit, name="member_edit"),
    path("invitations/", invitations.invitation_list, name="invitation_list"),
    path("invitations/new/", invitations.invitation_create, name="invitation_create"),
    path("invitations/<int:pk>/resend/", invitations.invitation_resend, name="invitation_resend"),
    path("invitations/accept/<str:token>/", invitations.accept, name="accept_invitation"),
    path("link/", link_requests.ask, name="ask_to_be_linked"),
    path("link-requests/", link_requests.link_request_list, name="link_request_list"),
    path("link-requests/<int:pk>/", link_requests.link_request_detail, name="link_request_detail"),
]
