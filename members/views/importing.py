"""Import of the member list: upload, preview with every row's errors, confirm."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.forms import MemberImportForm
from members.importing import ImportFileError, apply_member_import, check_member_rows, read_member_file
from members.views.access import requires

SESSION_KEY = "members_import"


@requires("members.import_members")
def upload(request):
    form = MemberImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        request.session.pop(SESSION_KEY, None)
        try:
            rows = read_member_file(form.cleaned_data["file"])
        except ImportFileError as problem:
            form.add_error("file", str(problem))
        else:
            result = check_member_rows(rows)
            if result.is_valid:
                request.session[SESSION_KEY] = {"file_name": form.cleaned_data["file"].name, "rows": rows}
    return render(request, "members/member_import.html", {"form": form, "result": result})


@requires("members.import_members")
@require_POST
def confirm(request):
    pending = request.session.pop(SESSION_KEY, None)
    if pending is None:
        messages.error(request, _("There is no checked file to import: upload it again."))
        return redirect("members:member_import")
    result = apply_member_import(rows=[(number, raw) for number, raw in pending["rows"]])
    if not result.is_valid:
        messages.error(request, _("The members changed since the preview: nothing was saved. Upload the file again."))
        return redirect("members:member_import")
    messages.success(
        request,
        _("%(file)s imported: %(created)s members added, %(updated)s updated, %(unchanged)s unchanged.")
        % {
            "file": pending["file_name"],
            "created": result.count("create"),
            "updated": result.count("update"),
            "unchanged": result.count("unchanged"),
        },
    )
    return redirect("members:member_list")
