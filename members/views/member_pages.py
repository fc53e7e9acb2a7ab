"""The Secretariat's pages on members; a focal point sees their own member's page."""

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from members.enums import LinkRequestStatus
from members.filters import MemberFilter
from members.forms import MemberForm
from members.history import history_for
from members.models import User
from members.rules import invitations_visible_to, link_requests_visible_to, members_visible_to
from members.views.access import check, paginate, requires


@requires("members.list_members")
def member_list(request):
    members = members_visible_to(request.user).annotate(people_count=Count("people")).order_by("name")
    member_filter = MemberFilter(request.GET, queryset=members)
    # A filter value that is not one of the choices is shown as an error at its field, with no results.
    page, query = paginate(request, member_filter.qs if member_filter.is_valid() else members.none())
    return render(request, "members/member_list.html", {"filter": member_filter, "page": page, "query": query})


@requires("members.see_member_pages")
def member_detail(request, pk):
    people = User.objects.filter(is_active=True).prefetch_related("groups").order_by("name", "email")
    member = get_object_or_404(members_visible_to(request.user).prefetch_related(Prefetch("people", people)), pk=pk)
    check(request, "members.see_member", member)
    context = {
        "member": member,
        "people": member.people.all(),
        "invitations": invitations_visible_to(request.user).filter(member=member, accepted_at=None),
        "link_requests": link_requests_visible_to(request.user)
        .filter(member=member, status=LinkRequestStatus.PENDING)
        .select_related("person"),
        "history": history_for(member=member, viewer=request.user),
    }
    return render(request, "members/member_detail.html", context)


@requires("members.edit_member")
def member_create(request):
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = form.save()
        messages.success(request, _("%(member)s has been added.") % {"member": member})
        return redirect(member)
    return render(request, "members/member_form.html", {"form": form, "member": None})


@requires("members.edit_member")
def member_edit(request, pk):
    member = get_object_or_404(members_visible_to(request.user), pk=pk)
    form = MemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("%(member)s has been saved.") % {"member": member})
        return redirect(member)
    return render(request, "members/member_form.html", {"form": form, "member": member})
