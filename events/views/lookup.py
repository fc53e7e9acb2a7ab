"""How the coordinator's pages find their lab: among the labs the person
manages, so that another coordinator's lab answers 404."""

from django.shortcuts import get_object_or_404

from events.selectors import labs_managed_by


def managed_lab(request, code):
    return get_object_or_404(labs_managed_by(request.user).select_related("support_package"), code=code)
