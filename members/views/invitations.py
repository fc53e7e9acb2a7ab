"""The Secretariat invites people; an invited person accepts with the emailed link."""

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.auth_backends import SIGN_IN_BACKEND
from members.enums import InvitationStatus
from members.forms import InvitationForm, SetPasswordForm
from members.models import Invitation
from members.rules import invitations_visible_to, members_visible_to
from members.services import InvitationUnusable, accept_invitation, existing_account_for, invite_person
from members.views.access import paginate, requires


@requires("members.invite_people")
def invitation_list(request):
    invitations = invitations_visible_to(request.user).select_related("member", "invited_by", "accepted_by")
    page, query = paginate(request, invitations.order_by("-sent_at", "-pk"))
    return render(request, "members/invitation_list.html", {"page": page, "query": query})


@requires("members.invite_people")
def invitation_create(request):
    initial = {"language": request.LANGUAGE_CODE}
    member_id = request.GET.get("member", "")
    chosen = members_visible_to(request.user).filter(pk=member_id).first() if member_id.isdigit() else None
    if chosen:
        initial["member"] = chosen
    form = InvitationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        invitation = invite_person(invited_by=request.user, **form.cleaned_data)
        messages.success(request, _("The invitation has been sent to %(email)s.") % {"email": invitation.email})
        return redirect("members:invitation_list")
    return render(request, "members/invitation_form.html", {"form": form})


@requires("members.invite_people")
@require_POST
def invitation_resend(request, pk):
    invitation = get_object_or_404(invitations_visible_to(request.user), pk=pk)
    invite_person(
        email=invitation.email,
        member=invitation.member,
        role=invitation.role,
        language=invitation.language,
        invited_by=request.user,
    )
    messages.success(request, _("The invitation has been sent again to %(email)s.") % {"email": invitation.email})
    return redirect("members:invitation_list")


def accept(request, token):
    """Open to everyone holding the link. A newcomer sets a name and password; a
    person with an account signs in first, then accepts."""
    invitation = Invitation.objects.select_related("member").filter(token=token).first()
    if invitation is None:
        return render(request, "members/invitation_unusable.html", {"reason": "unknown"}, status=404)
    if invitation.status != InvitationStatus.PENDING:
        context = {"reason": invitation.status, "invitation": invitation}
        return render(request, "members/invitation_unusable.html", context, status=410)
    account = existing_account_for(invitation)
    signed_in = request.user if request.user.is_authenticated else None
    if signed_in and (account is None or signed_in.pk != account.pk):
        return render(request, "members/invitation_accept.html", {"invitation": invitation, "other_account": True})
    if account is not None and signed_in is None:
        return render(request, "members/invitation_accept.html", {"invitation": invitation, "sign_in_first": True})
    form = SetPasswordForm(request.POST or None, email=invitation.email) if account is None else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if account is None:
                person = accept_invitation(
                    invitation=invitation, name=form.cleaned_data["name"], password=form.cleaned_data["password1"]
                )
                login(request, person, backend=SIGN_IN_BACKEND)
            else:
                person = accept_invitation(invitation=invitation, person=account)
        except InvitationUnusable as refusal:
            return render(request, "members/invitation_unusable.html", {"reason": refusal.status}, status=410)
        messages.success(
            request,
            _("Welcome. You now act for %(member)s as %(role)s.")
            % {"member": invitation.member, "role": invitation.get_role_display()},
        )
        return redirect("members:profile")
    return render(request, "members/invitation_accept.html", {"invitation": invitation, "form": form})
