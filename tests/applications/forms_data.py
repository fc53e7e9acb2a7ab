"""What the browser posts for the expression-of-interest form."""

from tests.applications.factories import a_person

COMPLETE = {
    "motivation": "We are building a care system.",
    "experience": "Twenty care blocks since 2020.",
    "intends_to_attend_onsite": "True",
    "acknowledged_non_binding": "on",
}


def section(lab, answers=None, people=None, interest=""):
    prefix = f"lab-{lab.pk}"
    people = [a_person()] if people is None else people
    data = {
        f"{prefix}-interest": interest,
        f"{prefix}-people-TOTAL_FORMS": str(len(people)),
        f"{prefix}-people-INITIAL_FORMS": "0",
        f"{prefix}-people-MIN_NUM_FORMS": "0",
        f"{prefix}-people-MAX_NUM_FORMS": "10",
    }
    for name, value in (COMPLETE if answers is None else answers).items():
        data[f"{prefix}-{name}"] = value
    for number, person in enumerate(people):
        for name, value in person.items():
            data[f"{prefix}-people-{number}-{name}"] = value
    return data


def form(action, *sections, labs=None):
    """The whole form: the labs ticked, each lab's section, and the button pressed."""
    data = {"action": action, "labs": labs or []}
    for part in sections:
        data.update(part)
    return data
