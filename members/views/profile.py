"""A person's own pages: their details, their data, the deletion of their account."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members.forms import DeleteAccountForm, ProfileForm
from members.personal_data import export_personal_data
from members.roles import Role, role_names
from members.services import anonymise_person


@login_required
def profile(request):
    person = request.user
    form = ProfileForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        person = form.save()
        translation.activate(person.preferred_language)
        messages.success(request, _("Your details have been saved."))
        response = redirect("members:profile")
        response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
        return response
    context = {
        "form": form,
        "member": person.member,
        "roles": [Role(name).label for name in sorted(role_names(person)) if name in Role.values],
        "link_requests": person.link_requests.select_related("member").order_by("-created_at")[:5],
    }
    return render(request, "members/profile.html", context)


@login_required
def download_my_data(request):
    data = export_personal_data(person=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False), content_type="application/json"
    )
    filename = f"solutions-labs-my-data-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_my_account(request):
    """The person confirms with their password; the deletion is immediate."""
    form = DeleteAccountForm(request.POST or None, person=request.user)
    if request.method == "POST" and form.is_valid():
        anonymise_person(person=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted and your personal data erased."))
        return redirect("home")
    return render(request, "members/delete_account.html", {"form": form})
