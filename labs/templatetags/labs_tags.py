from django import template
from django.core.exceptions import ObjectDoesNotExist

from labs import wording

register = template.Library()


def _package(lab):
    try:
        return lab.support_package
    except ObjectDoesNotExist:
        return None


@register.filter
def support_sentence(lab):
    return wording.describe_support(package=_package(lab))


@register.filter
def travel_funded(lab):
    package = _package(lab)
    return bool(package and package.has_travel_support)


@register.filter
def interpretation(lab):
    return wording.interpretation_note(lab=lab)


@register.filter
def online_discussions(lab):
    return wording.online_discussions(lab=lab)


@register.filter
def place(workshop):
    return wording.workshop_place(workshop=workshop)


@register.filter
def workshop_groups(lab):
    """The lab's workshops in order, alternatives gathered: [(is_choice, [workshops])]."""
    groups, by_number = [], {}
    for workshop in lab.workshops.all():
        number = workshop.alternative_group
        if number is None:
            groups.append([workshop])
        elif number in by_number:
            by_number[number].append(workshop)
        else:
            by_number[number] = [workshop]
            groups.append(by_number[number])
    return [(len(group) > 1, group) for group in groups]
