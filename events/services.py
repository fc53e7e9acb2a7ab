"""Sessions, onsite answers, documents and calendar subscriptions. Views, the
administration, demo data and tests call these functions; travel support has
its own module, events/support.py."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from applications.enums import InterestState
from applications.models import Interest
from events.models import CalendarFeed, LabDocument, OnsiteAnswer, Session
from events.selectors import participation

SESSION_FIELDS = [
    "kind",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "time_zone",
    "video_link",
    "venue",
    "city",
    "country",
    "language",
    "interpretation_language",
    "workshop",
]


def _check_manages(by, lab):
    if by is not None and not by.has_perm("events.manage_lab", lab):
        raise PermissionDenied(f"{by} does not manage {lab}.")


def create_session(*, lab, by, **fields):
    """A new session of the lab; `fields` are Session fields (SESSION_FIELDS)."""
    _check_manages(by, lab)
    session = Session(lab=lab, **{field: value for field, value in fields.items() if field in SESSION_FIELDS})
    session.full_clean()
    session.save()
    return session


def update_session(*, session, by, **fields):
    """Changes the session; when anything changes its revision grows, so that
    calendars that hold it replace it."""
    _check_manages(by, session.lab)
    with transaction.atomic():
        locked = Session.objects.select_for_update().get(pk=session.pk)
        changed = False
        for field, value in fields.items():
            if field in SESSION_FIELDS and getattr(locked, field) != value:
                setattr(locked, field, value)
                changed = True
        if changed:
            locked.full_clean()
            locked.sequence += 1
            locked.save()
    return locked


def answer_onsite(*, person, session, attending):
    """Records whether the person attends the onsite session. Sessions of one
    alternative group exclude each other: saying yes to one says no to the
    others, and the people of one member all go to the same one."""
    if not session.is_onsite:
        raise ValidationError(_("Only onsite sessions take an answer."))
    row = participation(person=person, lab=session.lab)
    if row is None:
        raise PermissionDenied(f"{person} takes no part in {session.lab}.")
    member = row.interest.member
    with transaction.atomic():
        # One member's people answer one at a time for a lab, so that two of
        # them cannot choose two alternatives at the same moment.
        Interest.objects.select_for_update().filter(pk=row.interest_id, state=InterestState.ACCEPTED).first()
        group = session.alternative_group
        if attending and group is not None:
            alternatives = Session.objects.filter(lab=session.lab, workshop__alternative_group=group).exclude(
                pk=session.pk
            )
            chosen = OnsiteAnswer.objects.filter(session__in=alternatives, member=member, attending=True)
            other = chosen.exclude(person=person).select_related("session", "person").first()
            if other is not None:
                raise ValidationError(
                    _(
                        "%(person)s of %(member)s already goes to %(session)s; a member attends only one of "
                        "these alternatives."
                    )
                    % {"person": other.person.get_full_name(), "member": member.name, "session": other.session.title}
                )
            chosen.filter(person=person).update(attending=False)
        answer, _created = OnsiteAnswer.objects.update_or_create(
            session=session, person=person, defaults={"attending": attending, "member": member}
        )
    return answer


def calendar_feed_for(person):
    """The person's calendar subscription, made the first time it is asked for."""
    feed, _created = CalendarFeed.objects.get_or_create(person=person)
    return feed


def reset_calendar_token(*, person):
    """A new secret address for the person's calendar; the old one stops working."""
    feed = calendar_feed_for(person)
    feed.token = CalendarFeed._meta.get_field("token").default()
    feed.save(update_fields=["token", "created_at"])
    return feed


def publish_document(*, lab, by, title, note="", link="", file=None, session=None):
    """Publishes a link, a PDF (checked by the form: events/uploads.py) or a
    note for the lab's participants."""
    _check_manages(by, lab)
    if not (note.strip() or link or file):
        raise ValidationError(_("Give a link, a PDF file or a note."))
    if link and file:
        raise ValidationError(_("Give either a link or a PDF file, not both."))
    if session is not None and session.lab_id != lab.pk:
        raise ValidationError({"session": _("Choose one of this lab's sessions.")})
    document = LabDocument(lab=lab, session=session, title=title, note=note, link=link, published_by=by)
    if file is not None:
        document.original_name = file.name[:200]
        document.file = file
    document.full_clean(exclude=["file"])
    document.save()
    return document
