import pytest
from django.utils import translation

from labs.models import Lab, OnsiteWorkshop, SupportPackage
from labs.wording import describe_support, interpretation_note, online_discussions, workshop_place

LOW_AND_MIDDLE = ["low", "lower_middle", "upper_middle"]

# As in SL6: everything funded, for a capped number of members from some income groups.
FUNDED = SupportPackage(
    has_travel_support=True,
    airfare=True,
    accommodation_nights=3,
    local_transport=True,
    meals=True,
    max_funded_members=6,
    eligible_income_groups=LOW_AND_MIDDLE,
)
# As in SL9: the stay for everyone, airfare only for some.
PARTLY_FUNDED = SupportPackage(
    has_travel_support=True,
    airfare=True,
    accommodation_nights=3,
    local_transport=True,
    meals=True,
    max_funded_members=8,
    eligible_income_groups=LOW_AND_MIDDLE,
    cap_scope="airfare_only",
)
# As in SL2: no airfare at all.
STAY_ONLY = SupportPackage(has_travel_support=True, accommodation_nights=3, meals=True, event_pass=True)
UNFUNDED = SupportPackage(has_travel_support=False)


@pytest.mark.parametrize(
    ("package", "language", "sentence"),
    [
        (
            FUNDED,
            "en",
            "Airfare, 3 nights of accommodation, local transport and meals for one representative of up to 6 members "
            "from low, lower-middle or upper-middle income countries.",
        ),
        (
            FUNDED,
            "fr",
            "Billet d'avion, 3 nuits d'hébergement, transport local et repas pour un représentant de chacun des "
            "6 membres au plus issus de pays à revenu faible, intermédiaire de la tranche inférieure ou "
            "intermédiaire de la tranche supérieure.",
        ),
        (
            FUNDED,
            "es",
            "Pasaje aéreo, 3 noches de alojamiento, transporte local y comidas para un representante de cada uno "
            "de hasta 6 miembros de países de ingreso bajo, mediano bajo o mediano alto.",
        ),
        (
            PARTLY_FUNDED,
            "en",
            "3 nights of accommodation, local transport and meals for one representative of each participating "
            "member. Airfare is also covered for up to 8 members from low, lower-middle or upper-middle income "
            "countries.",
        ),
        (
            PARTLY_FUNDED,
            "fr",
            "3 nuits d'hébergement, transport local et repas pour un représentant de chaque membre participant. "
            "Le billet d'avion est aussi pris en charge pour 8 membres au plus issus de pays à revenu faible, "
            "intermédiaire de la tranche inférieure ou intermédiaire de la tranche supérieure.",
        ),
        (
            STAY_ONLY,
            "en",
            "3 nights of accommodation, meals and an event pass for one representative of each participating "
            "member. Airfare is not covered.",
        ),
        (
            STAY_ONLY,
            "fr",
            "3 nuits d'hébergement, repas et un badge d'accès à l'événement pour un représentant de chaque membre "
            "participant. Le billet d'avion n'est pas pris en charge.",
        ),
        (
            UNFUNDED,
            "en",
            "No travel support: Metropolis facilitates the meetings but does not fund travel.",
        ),
        (
            UNFUNDED,
            "fr",
            "Pas de prise en charge des déplacements : Metropolis anime les réunions mais ne finance pas les voyages.",
        ),
        (
            UNFUNDED,
            "es",
            "Sin apoyo para viajes: Metropolis facilita las reuniones pero no financia los viajes.",
        ),
    ],
)
def test_the_support_package_in_plain_words(package, language, sentence):
    with translation.override(language):
        assert describe_support(package=package) == sentence


def test_a_lab_without_a_package_funds_nothing():
    assert describe_support(package=None) == (
        "No travel support: Metropolis facilitates the meetings but does not fund travel."
    )


def test_travel_support_whose_details_are_not_known_yet():
    package = SupportPackage(has_travel_support=True)

    assert describe_support(package=package) == (
        "Travel support for a small number of participants; details to be confirmed."
    )


def test_several_representatives_of_one_member_and_a_single_funded_member():
    package = SupportPackage(has_travel_support=True, airfare=True, representatives_per_member=2, max_funded_members=1)

    assert describe_support(package=package) == "Airfare for 2 representatives of up to 1 member."


def test_every_income_group_ticked_is_no_restriction():
    package = SupportPackage(
        has_travel_support=True, meals=True, eligible_income_groups=["low", "lower_middle", "upper_middle", "high"]
    )

    assert describe_support(package=package) == (
        "Meals for one representative of each participating member. Airfare is not covered."
    )


@pytest.mark.parametrize(
    ("language", "to_be_confirmed", "note"),
    [
        ("", False, ""),
        ("en", True, "Interpretation into English to be confirmed"),
        ("fr", False, "Interpretation into French"),
    ],
)
def test_the_interpretation_note(language, to_be_confirmed, note):
    lab = Lab(interpretation_language=language, interpretation_to_be_confirmed=to_be_confirmed)

    assert interpretation_note(lab=lab) == note


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [
        (None, None, "Online discussions (number to be confirmed)"),
        (1, None, "1 online discussion"),
        (3, None, "3 online discussions"),
        (4, 5, "4 to 5 online discussions"),
    ],
)
def test_the_number_of_online_discussions(low, high, words):
    lab = Lab(number_of_online_discussions=low, max_online_discussions=high)

    assert online_discussions(lab=lab) == words


@pytest.mark.parametrize(
    ("fields", "place"),
    [
        ({"city": "Guangzhou", "country": "CN"}, "Guangzhou, China"),
        ({"region": "africa"}, "A city in Africa (to be determined)"),
        ({"country": "ES"}, "A city in Spain (to be determined)"),
        ({}, "Place to be determined"),
    ],
)
def test_the_place_of_a_workshop(fields, place):
    assert workshop_place(workshop=OnsiteWorkshop(**fields)) == place
