"""One section of the form per lab: its answers and its named participants,
bound to what was typed, to the interest it edits, or empty.

Buttons that only change the form (show the sections of the ticked labs, add
a person) rebuild the sections from what was typed without validating it, so
no error is shown before the person asks to save, and nothing typed is lost.
"""

from dataclasses import dataclass, field

from django import forms as django_forms

from applications import conditions
from applications.forms import MAX_PEOPLE_PER_LAB, BaseParticipantFormSet, InterestSectionForm, ParticipantForm
from applications.models import Interest
from applications.services import ANSWER_FIELDS, PARTICIPANT_FIELDS


def participant_formset(extra):
    return django_forms.formset_factory(
        ParticipantForm, formset=BaseParticipantFormSet, extra=extra, max_num=MAX_PEOPLE_PER_LAB, validate_max=True
    )


@dataclass
class Section:
    lab: object
    member: object
    interest: Interest | None
    form: InterestSectionForm
    people: BaseParticipantFormSet
    travel_refusal: str | None
    errors: list = field(default_factory=list)
    existing: Interest | None = None  # the member's interest in this lab that stood in the way

    @property
    def prefix(self):
        return prefix_for(self.lab)

    def is_valid(self):
        form_valid = self.form.is_valid()
        people_valid = self.people.is_valid()
        refusal = conditions.refusal(member=self.member, lab=self.lab)
        if refusal:
            self.errors.append(refusal)
        return form_valid and people_valid and not refusal

    @property
    def has_errors(self):
        return bool(self.errors or self.existing or self.form.errors or self.people.total_error_count())


def prefix_for(lab):
    return f"lab-{lab.pk}"


def was_typed(data, lab):
    """Whether the posted form holds a section for this lab."""
    return data is not None and f"{prefix_for(lab)}-people-TOTAL_FORMS" in data


def interest_id_in(data, lab):
    raw = (data or {}).get(f"{prefix_for(lab)}-interest", "")
    return int(raw) if raw.isdigit() else None


def answers_of(interest):
    return {name: getattr(interest, name) for name in ANSWER_FIELDS}


def people_of(interest):
    return [{name: getattr(person, name) for name in PARTICIPANT_FIELDS} for person in interest.participants.all()]


def build(*, lab, member, interest=None, data=None, submitting=False, keep_typing=False, more_people=0):
    """The section for a lab: bound to `data` when it holds this lab's section
    (validated only unless `keep_typing`), else filled from `interest`, else empty."""
    travel_refusal = conditions.travel_support_refusal(lab=lab, member=member)
    prefix = prefix_for(lab)
    typed = was_typed(data, lab)
    if typed and not keep_typing:
        form = InterestSectionForm(data, prefix=prefix, submitting=submitting, travel_refusal=travel_refusal)
        people = participant_formset(0)(data, prefix=f"{prefix}-people", form_kwargs={"submitting": submitting})
    else:
        if typed:
            answers, rows = _typed_values(data, prefix, travel_refusal)
        elif interest is not None:
            answers, rows = answers_of(interest), people_of(interest)
        else:
            answers, rows = {}, []
        form = InterestSectionForm(initial=answers, prefix=prefix, travel_refusal=travel_refusal)
        extra = more_people + (0 if rows else 1)
        people = participant_formset(extra)(initial=rows, prefix=f"{prefix}-people")
    return Section(lab=lab, member=member, interest=interest, form=form, people=people, travel_refusal=travel_refusal)


def _typed_values(data, prefix, travel_refusal):
    form = InterestSectionForm(data, prefix=prefix, travel_refusal=travel_refusal)
    people = participant_formset(0)(data, prefix=f"{prefix}-people")
    answers = {name: form[name].value() for name in form.fields}
    rows = [{name: person[name].value() for name in person.fields} for person in people.forms]
    return answers, rows[:MAX_PEOPLE_PER_LAB]
