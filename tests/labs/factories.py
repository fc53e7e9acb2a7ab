import factory

from labs.enums import LabStatus, ProposalStatus, ThemeSlug
from labs.models import (
    Edition,
    KeyQuestion,
    Lab,
    LabProposal,
    OnsiteWorkshop,
    SupportPackage,
    Theme,
    WorkingLanguage,
)
from tests.factories import UserFactory


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    title = factory.Sequence(lambda n: f"Catalogue edition {n}")
    year = 2024
    is_published = True


class LabFactory(factory.django.DjangoModelFactory):
    """An open lab of a published edition; `themes` and `languages` take slugs and codes."""

    class Meta:
        model = Lab
        skip_postgeneration_save = True

    edition = factory.SubFactory(EditionFactory)
    code = factory.Sequence(lambda n: f"T{n}")
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Lab number {n}")
    summary = "Cities compare what they do."
    target_participants = "Experts."
    commitment = "Take part in every session."
    estimated_timeline = "During 2024."
    number_of_online_discussions = 3
    status = LabStatus.OPEN

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create:
            obj.themes.set(Theme.objects.filter(slug__in=extracted or [ThemeSlug.METROPOLITAN_FUTURES]))

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        if create:
            obj.working_languages.set(WorkingLanguage.objects.filter(code__in=extracted or ["en"]))

    @factory.post_generation
    def questions(obj, create, extracted, **kwargs):
        if create:
            for position, text in enumerate(extracted or [], start=1):
                KeyQuestion.objects.create(lab=obj, position=position, text=text)


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OnsiteWorkshop

    lab = factory.SubFactory(LabFactory)
    city = "Bogotá"
    country = "CO"
    period = "Quarter Two 2024"


class SupportPackageFactory(factory.django.DjangoModelFactory):
    """Airfare, three nights, local transport and meals for every participating member."""

    class Meta:
        model = SupportPackage

    lab = factory.SubFactory(LabFactory)
    has_travel_support = True
    airfare = True
    accommodation_nights = 3
    local_transport = True
    meals = True


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LabProposal
        skip_postgeneration_save = True

    proposer = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Proposed topic {n}")
    challenge = "Heat waves in dense neighbourhoods."
    status = ProposalStatus.SUBMITTED

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create:
            obj.themes.set(Theme.objects.filter(slug__in=extracted or [ThemeSlug.METROPOLITAN_ECOSYSTEMS]))

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        if create:
            obj.languages.set(WorkingLanguage.objects.filter(code__in=extracted or ["en"]))
