"""The 2024 catalogue (reference/solutions-labs-catalogue-2024.txt), as data.

Facts (codes, titles, themes, languages, partners, places, periods, outside
events, online meetings, what is funded, for how many and for whom) are exact;
prose is short and in our own words.

Where the printed catalogue contradicts itself, the choice made is noted:
- SL9: its activities place the English meeting in Istanbul at the end of May and
  the French one in an African city at the end of November; its timeline says
  "an Asian or Middle Eastern city" in May and September. The activities (also
  repeated in SL10's timeline) are used.
- SL10: its activities mention one workshop in an African city in spring 2024,
  its timeline the same two meetings as SL9 (English in Istanbul at the end of
  May 2024, French in an African city at the end of November 2024). The
  timeline, the more precise of the two, is used.
"""

import datetime

from labs.enums import CapScope, LanguageCode, ThemeSlug, WorkshopKind
from members.enums import IncomeGroup, WorldRegion

EDITION = {"title": "Solutions Labs Catalogue 2024", "year": 2024, "is_published": True}

LOW_AND_MIDDLE = [IncomeGroup.LOW, IncomeGroup.LOWER_MIDDLE, IncomeGroup.UPPER_MIDDLE]
NO_TRAVEL_SUPPORT = {"has_travel_support": False}


def funded(*, airfare=True, nights=3, local_transport=True, meals=True, event_pass=False, cap=None, groups=(), **extra):
    return {
        "has_travel_support": True,
        "airfare": airfare,
        "accommodation_nights": nights,
        "local_transport": local_transport,
        "meals": meals,
        "event_pass": event_pass,
        "max_funded_members": cap,
        "eligible_income_groups": [str(group) for group in groups],
        **extra,
    }


def workshop(*, city="", country="", region="", period, kind=WorkshopKind.WORKSHOP, **extra):
    return {"city": city, "country": country, "region": region, "period": period, "kind": kind, **extra}


EN, FR, ES = LanguageCode.ENGLISH, LanguageCode.FRENCH, LanguageCode.SPANISH

LABS = [
    {
        "code": "SL1",
        "title": "Urban Governance in the Metaverse",
        "themes": [ThemeSlug.METROPOLITAN_FUTURES],
        "languages": [EN],
        "partners": ["Metaverse Institute", "Guangzhou Institute for Urban Innovation"],
        "summary": (
            "First-generation smart city tools have not solved housing scarcity, relations with citizens, social "
            "inclusion or a fair green transition, and cities are turning to new approaches, often powered by "
            "artificial intelligence, among them the metaverse, or Citiverse.\n\n"
            "This lab is a Citiverse learning and exchange platform: metropolises share their experience and join "
            "the international debate on the standards (technological, policy, ethical) around it."
        ),
        "key_questions": [
            "What are the areas where working with the Citiverse is already useful to cities?",
            "What issues and approaches have already been tested or are being considered by cities to address in "
            "the Citiverse?",
            "Where is there potential for Citiverse approaches to help solve some key urban management challenges?",
            "What are the policy choices, risks, dilemmas and trade-offs?",
        ],
        "target_participants": (
            "Chief Information Officers, Data Policy Managers, and other positions connected to data, citizen "
            "engagement, and strategy."
        ),
        "online_discussions": (None, None),
        "other_activities": "Online discussions around city presentations",
        "workshops": [workshop(city="Guangzhou", country="CN", period="Later in 2024")],
        "commitment": (
            "Take part in the online sessions and present your own experience, after coaching and preparation. "
            "Everyone is welcome at the onsite meeting in Guangzhou, which is recommended but not required; "
            "travel support can only be guaranteed for a small number of participants."
        ),
        "what_is_included": (
            "Help to prepare your presentations, and facilitation of the sessions and other exchanges, for the "
            "cities taking part in the online sessions."
        ),
        "estimated_timeline": (
            "Online meetings starting in Quarter Two 2024; an onsite meeting for some of the participants later "
            "in the year."
        ),
        "support": {"has_travel_support": True},
    },
    {
        "code": "SL2",
        "title": "Metropolitan Management and Artificial Intelligence",
        "themes": [ThemeSlug.METROPOLITAN_FUTURES],
        "languages": [EN],
        "partners": [],
        "summary": (
            "Metropolises already use artificial intelligence for everyday management, from anticipating traffic "
            "jams to reading sensor, camera and satellite data for planning, and generative AI promises a more "
            "responsive administration.\n\n"
            "AI also raises ethical, social and regulatory concerns. This lab compares what works, and how cities "
            "manage the risks."
        ),
        "key_questions": [
            "What are the most efficient, reliable and replicable solutions already in place?",
            "How are metropolises managing the ethical and other risks of widespread Artificial Intelligence use, "
            "and embed them in public procurement?",
            "How are metropolises preparing to use generative Artificial Intelligence in public administration?",
            "How can we ensure that AI solutions are fair, unbiased and transparent?",
            "How can we protect privacy and ensure data security?",
            "How can we use AI to improve sustainability?",
        ],
        "target_participants": (
            "City and Metropolitan Managers, Chief Information Officers, Chief Innovation Officers, Data Directors "
            "and other positions connected to data, information and strategy. Authorities that are metropolitan in "
            "nature and operate across municipal limits are particularly encouraged to take part."
        ),
        "online_discussions": (3, None),
        "workshops": [
            workshop(
                kind=WorkshopKind.WORKSHOP_AND_PRESENTATION,
                city="Barcelona",
                country="ES",
                period="4–8 November 2024",
                starts_on=datetime.date(2024, 11, 4),
                ends_on=datetime.date(2024, 11, 8),
                outside_event="Smart City World Expo Congress 2024",
            )
        ],
        "commitment": (
            "Take part in the online sessions and present your own experience. Plan to attend the onsite meetings "
            "in Barcelona with at least one person for two days, paying your own airfare."
        ),
        "what_is_included": (
            "For one representative of each city taking part in the online sessions: three nights of accommodation "
            "in Barcelona, one entry pass to the Smart City World Expo Congress 2024, and breakfast and lunches "
            "during the onsite meetings."
        ),
        "estimated_timeline": (
            "Online meetings starting in Quarter Two 2024; onsite meetings during the week of the Smart City World "
            "Expo Congress 2024 (4–8 November 2024)."
        ),
        "support": funded(airfare=False, local_transport=False, event_pass=True),
    },
    {
        "code": "SL3",
        "title": "Clean Technology Vehicles",
        "themes": [ThemeSlug.METROPOLITAN_ECOSYSTEMS],
        "languages": [ES],
        "interpretation": (EN, True),
        "partners": [],
        "summary": (
            "Sustainable, inclusive and resilient mobility is a key goal of metropolises, and decarbonised "
            "transport technologies help public transport contribute to climate goals and cleaner air.\n\n"
            "This lab follows the whole value chain of the transition to cleaner technologies through the "
            "electrification of public transport vehicles: its advantages and its challenges."
        ),
        "key_questions": [
            "What is the role of clean, zero, and low emission energy sources in public transport?",
            "What are the financing models available for clean technology projects?",
            "How to plan and manage the transition process to a fleet of low or zero emission vehicles?",
            "What are the requirements and challenges associated with the deployment of hydrogen infrastructure "
            "compared to other technologies?",
        ],
        "target_participants": "Mobility Experts.",
        "online_discussions": (3, None),
        "workshops": [workshop(city="Bogotá", country="CO", period="Quarter Four 2024")],
        "commitment": (
            "Take part in the three online sessions, present your own experience, and attend the three-day "
            "onsite meeting in Bogotá."
        ),
        "what_is_included": (
            "For one representative per city, for up to eight cities that took part in the online sessions: "
            "airfare to Bogotá, three nights of accommodation, local transport and meals during the onsite meetings."
        ),
        "estimated_timeline": "Three online meetings and one onsite meeting in Bogotá, Quarter Four 2024.",
        "support": funded(cap=8),
    },
    {
        "code": "SL4",
        "title": "Energy Communities",
        "themes": [ThemeSlug.METROPOLITAN_ECOSYSTEMS],
        "languages": [EN],
        "partners": ["COMANAGE project (EU-sponsored)"],
        "summary": (
            "Citizen-led energy initiatives play a pivotal role in the energy transition, but energy communities "
            "face governance and management barriers and lack supportive political and social ecosystems.\n\n"
            "Building on the governance framework and toolkit of the EU-sponsored COMANAGE project, this lab helps "
            "metropolitan governments create and promote energy communities, with peer learning and tailored "
            "advice from COMANAGE experts."
        ),
        "key_questions": [
            "What are the existing and successful models for energy communities?",
            "How to foster them in a specific territory?",
            "How to increase civic participation in energy production and distribution?",
        ],
        "target_participants": "Energy Experts.",
        "online_discussions": (4, 5),
        "other_activities": "Online peer-to-peer exchanges between cities",
        "workshops": [workshop(region=WorldRegion.EUROPE, period="First Quarter of 2025")],
        "commitment": (
            "Take part in the four to five online sessions and attend the three-day onsite meeting in a European "
            "city (to be determined) in the First Quarter of 2025."
        ),
        "what_is_included": (
            "Tailor-made technical support and expert advice to foster energy communities in your territory. For "
            "one representative of each of up to five cities that also take part online: airfare and three nights "
            "of accommodation for the onsite meeting, local transport and meals."
        ),
        "estimated_timeline": (
            "Four to five online meetings starting in the First Quarter of 2024; one onsite meeting in a European "
            "city (to be determined) in the First Quarter of 2025."
        ),
        "support": funded(cap=5),
    },
    {
        "code": "SL5",
        "title": "Cities Under Water Stress",
        "themes": [ThemeSlug.METROPOLITAN_ECOSYSTEMS],
        "languages": [EN],
        "partners": [],
        "summary": (
            "About 2 billion people lack safe drinking water and 3.6 billion safely managed sanitation, and "
            "droughts are stretching the water resilience of large metropolises to the limit.\n\n"
            "This lab examines the metropolitan side of the climate and biodiversity crisis, connects the most "
            "affected cities, and prepares Metropolis' contribution to the UN summit."
        ),
        "key_questions": [
            "How are metropolitan authorities addressing hydric stress and water supply disruptions in the short term?",
            "What are the mid- to long-term actions that can avoid new crises?",
            "How are cities funding adaptation to chronic hydric deficit?",
            "How are authorities engaging with the citizens around the situation and involving them in the search "
            "for solutions?",
        ],
        "target_participants": "City Managers, Water Supply Experts, City Planners.",
        "online_discussions": (2, None),
        "workshops": [
            workshop(
                kind=WorkshopKind.WORKSHOP_AND_PRESENTATION,
                city="Barcelona",
                country="ES",
                period="20 September to 3 October 2024",
                starts_on=datetime.date(2024, 9, 20),
                ends_on=datetime.date(2024, 10, 3),
                outside_event="UN World Summit Against Drought",
            )
        ],
        "commitment": (
            "Take part in the two online sessions and present your own experience. The onsite event is highly "
            "recommended; members joining the meeting and public presentation at the High Level Meeting on "
            "National Drought Policies (HLM) in Barcelona cover their representatives' travel."
        ),
        "what_is_included": (
            "Facilitation of the meetings and of the onsite workshop only; Metropolis does not support travel to "
            "Barcelona."
        ),
        "estimated_timeline": (
            "Two online meetings in Quarter Two, then one onsite meeting and presentation in Barcelona."
        ),
        "support": NO_TRAVEL_SUPPORT,
    },
    {
        "code": "SL6",
        "title": "Social Cohesion",
        "themes": [ThemeSlug.COHESIVE_METROPOLISES],
        "languages": [FR],
        "partners": [],
        "summary": (
            "Urban growth and human mobility call on cities to foster social cohesion and living together, so "
            "that every inhabitant lives with dignity and shares in the opportunities of metropolitan life.\n\n"
            "Recent crises have sharpened inequalities, discrimination and social tensions. This lab looks at "
            "programmes and policies for living together, inclusion and belonging at different scales."
        ),
        "key_questions": [
            "How to foster diversity, equity and inclusion in urban planning and management?",
            "How to govern migration on a city scale?",
            "What are the most recent tools and trends to foster inclusive participatory processes?",
        ],
        "target_participants": (
            "Local Development Experts, Social Policy Directors, Immigration Policy Directors, and similar."
        ),
        "online_discussions": (3, None),
        "workshops": [workshop(region=WorldRegion.AFRICA, period="September 2024")],
        "commitment": (
            "Take part in the online sessions, present your own experience, and send at least one representative "
            "to the onsite workshop."
        ),
        "what_is_included": (
            "For one representative per city, for up to six cities from low, lower-middle or upper-middle income "
            "countries: airfare and three nights of accommodation for the onsite meeting, local transport and meals."
        ),
        "estimated_timeline": (
            "Three online meetings starting in the Second Quarter of 2024; one onsite meeting in September 2024."
        ),
        "support": funded(cap=6, groups=LOW_AND_MIDDLE),
    },
    {
        "code": "SL7",
        "title": "Metropolitan Institutions",
        "themes": [ThemeSlug.METROPOLITAN_GOVERNANCE],
        "languages": [ES],
        "partners": [],
        "summary": (
            "Fast urban growth strains governance models built on rigid horizontal and vertical divisions of "
            "power, and local communities bear the cost of their inefficiencies.\n\n"
            "Countries and cities are exploring new models with metropolitan institutions at their centre. This "
            "lab helps cities move from outdated frameworks to institutions fit for the 21st century."
        ),
        "key_questions": [
            "What are the forms of accountability and political representation that work best at the metropolitan "
            "level?",
            "What institutional arrangements can facilitate operating at the metropolitan scale while preserving "
            "the best elements of the existing arrangements?",
            "What models work best for each particular environment?",
        ],
        "target_participants": (
            "Municipal and provincial decision-makers and civil servants involved in metropolitan governance across "
            "municipal boundaries. Metropolitan areas, and cities discussing whether to create one, are "
            "particularly encouraged to take part."
        ),
        "online_discussions": (3, None),
        "workshops": [workshop(kind=WorkshopKind.WORKSHOP_AND_PRESENTATION, period="Later in 2024")],
        "commitment": "Take part in the online and onsite sessions (dates and city to be determined).",
        "what_is_included": (
            "Facilitation of the meetings and of the onsite workshop only; Metropolis does not support travel to "
            "the onsite event."
        ),
        "estimated_timeline": (
            "At least three online meetings starting in the Second Quarter of 2024; one onsite meeting later in "
            "the year."
        ),
        "support": NO_TRAVEL_SUPPORT,
    },
    {
        "code": "SL8",
        "title": "Fair Climate Transition",
        "themes": [ThemeSlug.METROPOLITAN_ECOSYSTEMS],
        "languages": [EN],
        "partners": [],
        "summary": (
            "Metropolitan areas produce 70% of the world's climate-changing emissions, and the deep transformation "
            "needed will not affect everyone equally.\n\n"
            "To succeed, the climate transition must be fair and share opportunities and costs equitably, from city "
            "planning to community engagement. The results could be presented at COP-29 in Baku, Azerbaijan."
        ),
        "key_questions": [
            "Where are the new economic and job opportunities, and how can they be more fairly distributed within "
            "cities?",
            "What measures are already in place or under consideration to redistribute opportunities and benefits "
            "of the climate transition?",
            "How are women and girls faring in the climate transition and how can this process reduce gender "
            "disparities?",
            "What policies can ensure that the climate transition becomes a tool for further social cohesion and "
            "inclusion?",
        ],
        "target_participants": "City Managers, Economic Development Specialists, Climate Change experts.",
        "online_discussions": (3, None),
        "workshops": [
            workshop(
                kind=WorkshopKind.PUBLIC_EVENT,
                city="Baku",
                country="AZ",
                period="11 to 24 November 2024 (to be confirmed)",
                starts_on=datetime.date(2024, 11, 11),
                ends_on=datetime.date(2024, 11, 24),
                outside_event="COP-29 Climate Conference",
            )
        ],
        "commitment": (
            "Take part in the three online sessions. If a participating city's leadership is in Baku, they join "
            "the Metropolis public event there."
        ),
        "what_is_included": (
            "Facilitation of the meetings and of the onsite event only; Metropolis does not support travel to the "
            "onsite event."
        ),
        "estimated_timeline": (
            "Online meetings in Quarters 3 and 4; onsite event in Baku in November 2024 (to be confirmed)."
        ),
        "support": NO_TRAVEL_SUPPORT,
    },
    {
        "code": "SL9",
        "title": "Supporting Caregivers",
        "themes": [ThemeSlug.GENDER_EQUITY],
        "languages": [EN, FR],
        "partners": [],
        "summary": (
            "Care is worth some $11 trillion a year yet goes unrecognised, and caregivers, paid or not, are "
            "overwhelmingly women and girls, often caught in poverty, exhaustion and isolation.\n\n"
            "City governments can put care at the centre of planning, economic development and services. At least "
            "one pilot project in Africa and one in Asia or the Middle East, presented by participating members, "
            "will receive Metropolis funding."
        ),
        "key_questions": [
            "What does it mean to place care at the centre of urban planning?",
            "Which mechanisms have city governments used to remove barriers for caregivers to accessing education "
            "and achieving economic independence?",
            "How can cities use care-based initiatives to address gender inequalities?",
        ],
        "target_participants": "Gender, Social Policies, and Employment Experts.",
        "online_discussions": (3, None),
        "workshops": [
            workshop(city="Istanbul", country="TR", period="End of May 2024", language=EN, alternative_group=1),
            workshop(region=WorldRegion.AFRICA, period="End of November 2024", language=FR, alternative_group=1),
        ],
        "commitment": (
            "Take part in three online sessions, present your own experience, and travel to one of the two onsite "
            "meetings."
        ),
        "what_is_included": (
            "For one representative per city: three nights of accommodation at the onsite meeting, local transport "
            "and meals. Airfare is also covered for up to eight members from low, lower-middle or upper-middle "
            "income countries. Participants can also apply for funding of projects that support caregivers."
        ),
        "estimated_timeline": (
            "Online sessions start in Quarter 1 of 2024. Onsite meetings: in English in Istanbul at the end of May "
            "2024, and in French in an African city (to be determined) at the end of November 2024."
        ),
        "support": funded(cap=8, groups=LOW_AND_MIDDLE, cap_scope=CapScope.AIRFARE_ONLY),
    },
    {
        "code": "SL10",
        "title": "Empowering Women Leaders in City Governance",
        "themes": [ThemeSlug.GENDER_EQUITY],
        "languages": [EN, FR],
        "partners": [],
        "summary": (
            "Metropolis works to break down the barriers women face in city leadership, in sectors long dominated "
            "by men such as transport, innovation, economic development and urban planning.\n\n"
            "This lab helps emerging and seasoned women officials sharpen their leadership skills, with mentors, "
            "interactive workshops, peer-to-peer learning and a supportive community."
        ),
        "key_questions": [
            "What are the barriers that women face in their path to leadership roles? How can we address these "
            "barriers?",
            "How are women leaders perceived in city governments? What individual and structural changes can we "
            "make to improve this?",
            "How can peer-to-peer mentorship between women leaders support them to find success in their roles?",
        ],
        "target_participants": (
            "Women in managerial positions in city departments related to transport, data, urban planning and others."
        ),
        "online_discussions": (2, None),
        "other_activities": "Mentoring and peer-to-peer sessions",
        "workshops": [
            workshop(city="Istanbul", country="TR", period="End of May 2024", language=EN, alternative_group=1),
            workshop(region=WorldRegion.AFRICA, period="End of November 2024", language=FR, alternative_group=1),
        ],
        "commitment": (
            "Take part in two online sessions and in the mentoring and peer-to-peer sessions, present your own "
            "experience, and send one representative to the onsite events."
        ),
        "what_is_included": (
            "For one representative per city: three nights of accommodation at the onsite meeting, local transport "
            "and meals. Airfare is also covered for up to eight members from low, lower-middle or upper-middle "
            "income countries."
        ),
        "estimated_timeline": (
            "Online sessions start in Quarter 1 of 2024. Onsite meetings in English (in Istanbul at the end of May "
            "2024) and in French (in an African city to be determined, at the end of November 2024)."
        ),
        "support": funded(cap=8, groups=LOW_AND_MIDDLE, cap_scope=CapScope.AIRFARE_ONLY),
    },
    {
        "code": "SL11",
        "title": "Gender Perspectives on Transportation",
        "themes": [ThemeSlug.GENDER_EQUITY],
        "languages": [ES],
        "interpretation": (EN, True),
        "partners": [],
        "summary": (
            "Women and girls, as users and as employees, meet barriers in the public transport of big cities, "
            "which limits their rights and their socio-economic development.\n\n"
            "This lab links cities that work to remove those obstacles and deconstruct stereotypes, and proposes "
            "routes towards gender equality in public transport."
        ),
        "key_questions": [
            "How can public transport operators and regulators remove obstacles, including those related to "
            "culture and communications, for the full participation of women in public transport systems?",
            "How can local governments push public transportation operating companies to develop infrastructure "
            "adaptations that improve working conditions for women?",
            "What type of programs successfully reduce women's perception of insecurity in public transportation?",
        ],
        "target_participants": "Mobility experts and planners.",
        "online_discussions": (3, None),
        "workshops": [workshop(city="Bogotá", country="CO", period="Quarter Two 2024")],
        "commitment": (
            "Take part in the three online sessions, present your own experience, and attend the three-day onsite "
            "meeting in Bogotá."
        ),
        "what_is_included": (
            "For one representative per city, for up to eight cities that took part in the online sessions: "
            "airfare to Bogotá, three nights of accommodation, local transport and meals during the onsite meetings."
        ),
        "estimated_timeline": "Three online meetings and one onsite meeting in Bogotá, Quarter Two 2024.",
        "support": funded(cap=8),
    },
]
