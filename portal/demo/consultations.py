"""The demo's consultations ("Posveti"): the pilot's needs workshops of November 2017,
entered afterwards from the notes of their tables, and Golnik's open consultation for
spring 2027.

Each workshop (Golnik 6, Zlato polje 7, Stražišče 8 November 2017, run by Ljudska
univerza Kranj by the "vrtiljak" method) is a closed consultation: one table per
"Dovolj za vse" theme, three rounds, and a note per need, idea or offer with the number
of people at the table who agreed with it. At the end of the evening the moderator asked
two questions by a show of hands; those are workshop answers to the consultation's choice
and scale questions. The offers are linked to the programmes and stakeholders that grew
out of them (`portal.demo.programmes`, `portal.demo.stakeholders`). Contacts are
illustrative (example.org), given with consent.

A consultation is found by its slug under its KS; its answers are added only while it has
none, so loading again changes nothing. Everything is fixed data or follows from `today`:
no randomness.
"""

import datetime
from dataclasses import dataclass, field

from portal.consultations.models import (
    Answer,
    ConsultationOutcome,
    ConsultationPage,
    Offer,
    Response,
)
from portal.demo.content import GOLNIK, KRANJ, STRAZISCE, ZLATO_POLJE
from portal.events.models import EventCalendarPage, EventPage
from portal.spaces.models import SpacePage
from portal.stakeholders.models import Stakeholder
from programmes.models import Programme, Theme

ONLINE = Response.Source.ONLINE
WORKSHOP = Response.Source.WORKSHOP
NEED, IDEA, OFFER = Answer.NoteType.NEED, Answer.NoteType.IDEA, Answer.NoteType.OFFER

# The vrtiljak's tables, one per theme, in the order of the themes.
TABLES = {
    "spatial_planning": "Miza 1: prostor in mobilnost",
    "food": "Miza 2: hrana in samooskrba",
    "circular_economy": "Miza 3: krožno gospodarstvo",
    "energy": "Miza 4: energija",
}


@dataclass(frozen=True)
class Link:
    """What a workshop offer became: kinds of help, a programme (slug) and a stakeholder
    (name) of the same KS; a person's name and e-mail only where they consented."""

    kinds: tuple
    programme: str = ""
    stakeholder: str = ""
    name: str = ""
    email: str = ""


@dataclass(frozen=True)
class Note:
    """One note from a workshop table: its type, text and how many agreed with it."""

    note_type: str
    text: str
    people: int
    approved: bool = False
    offer: Link | None = None


@dataclass(frozen=True)
class Workshop:
    community: str
    date: datetime.date
    intro: str
    notes: dict  # theme key: [Note]
    hands: dict  # question id: {option or scale value: people}
    outcome: str
    outcomes: list = field(default_factory=list)  # (kind, slug, note)


WORKSHOP_SLUG = "delavnica-potreb-2017"
WORKSHOP_TITLE = "Delavnica potreb, november 2017"

# The questions asked of each workshop: the show of hands at the end, and the tables.
WORKSHOP_QUESTIONS = [
    {
        "type": "single_choice",
        "id": "potreba-po-prostoru",
        "value": {
            "theme": "",
            "question": "Ali v naši KS potrebujemo skupnostni prostor?",
            "help_text": "Glasovanje z dvigom rok ob koncu delavnice.",
            "required": False,
            "options": ["Da", "Morda", "Ne"],
        },
    },
    {
        "type": "multiple_choice",
        "id": "kdaj",
        "value": {
            "theme": "",
            "question": "Kdaj bi skupnostni prostor uporabljali?",
            "help_text": "",
            "required": False,
            "options": ["Dopoldne", "Popoldne", "Zvečer", "Ob koncih tedna"],
        },
    },
    {
        "type": "scale",
        "id": "sodelovanje",
        "value": {
            "theme": "",
            "question": "Kako pripravljeni ste pri prostoru sodelovati tudi sami?",
            "help_text": "",
            "required": False,
            "low_label": "sploh ne",
            "high_label": "zelo",
        },
    },
    {
        "type": "long_text",
        "id": "potrebe",
        "value": {
            "theme": "",
            "question": "Kaj v skupnosti pogrešate in kaj bi radi počeli v skupnostnem prostoru?",
            "help_text": "Za mizami vrtiljaka, po temah.",
            "required": False,
        },
    },
    {
        "type": "offer",
        "id": "ponudba",
        "value": {
            "theme": "",
            "question": "Kaj bi lahko ponudili vi?",
            "help_text": "Znanje, čas, prostor, orodje ali denar.",
            "required": False,
        },
    },
]

WORKSHOP_INTRO = (
    "Delavnica za ugotavljanje potreb, ki jo je Ljudska univerza Kranj v okviru "
    "mentoriranja projekta Dovolj za vse pripravila {day} v {where}. Udeleženci so po "
    "metodi vrtiljak v skupinah krožili med štirimi mizami, po eno za vsako temo, in na "
    "listke zapisovali potrebe, zamisli in to, kar bi lahko ponudili sami. Zapiske smo "
    "prepisali sem, da jih štejemo skupaj s spletnimi odgovori."
)

WORKSHOPS = [
    Workshop(
        community=GOLNIK.slug,
        date=datetime.date(2017, 11, 6),
        intro=WORKSHOP_INTRO.format(day="6. novembra 2017", where="prostorih KS Golnik"),
        notes={
            "spatial_planning": [
                Note(NEED, "Prostor KS je večino tedna zaklenjen, odprt naj bo za vse.", 7, True),
                Note(NEED, "Varna pot za pešce od avtobusne postaje do bolnišnice.", 5, True),
                Note(IDEA, "Klopi in senca pred stavbo KS, da se tam lahko ustavimo.", 4),
                Note(IDEA, "Skupni prevoz na prireditve v Kranj za starejše brez avta.", 3, True),
                Note(NEED, "Parkirišče pri KS je zvečer polno, več stojal za kolesa.", 2),
                Note(
                    OFFER,
                    "Turistično društvo lahko prostor uredi in skrbi za ključe ob prireditvah.",
                    3,
                    offer=Link(
                        ("time", "space"),
                        programme="medgeneracijsko-druzenje",
                        stakeholder="Turistično društvo Golnik",
                    ),
                ),
                Note(IDEA, "Dopoldanska druženja za starejše in mamice z dojenčki.", 6, True),
                Note(NEED, "Kotiček za otroke, ko se starši srečujejo.", 3),
            ],
            "food": [
                Note(IDEA, "Skupnostni vrt za stavbo KS, z visokimi gredami.", 8, True),
                Note(NEED, "V blokih nimamo vrta, radi bi pridelali kaj svojega.", 5, True),
                Note(IDEA, "Izmenjava semen in sadik spomladi.", 4),
                Note(IDEA, "Kompostnik za vrt in za sosede.", 3),
                Note(
                    OFFER,
                    "Vrtnarija podari sadike za prvo sezono in svetuje pri vrtnarjenju brez "
                    "škropiv.",
                    2,
                    True,
                    offer=Link(
                        ("skills", "tools"),
                        programme="skupnostni-vrt",
                        stakeholder="Vrtnarija pod Kriško goro",
                    ),
                ),
                Note(
                    OFFER,
                    "Skrbela bi za skupne grede in zalivanje poleti.",
                    4,
                    offer=Link(
                        ("time",),
                        programme="skupnostni-vrt",
                        stakeholder="Vrtičkarji skupnostnega vrta Golnik",
                    ),
                ),
                Note(NEED, "Otroci naj vidijo, od kod pride hrana.", 4),
                Note(IDEA, "Skupno vlaganje in kuhanje marmelade iz viškov.", 3, True),
            ],
            "circular_economy": [
                Note(IDEA, "Popravljalnica za male gospodinjske aparate in kolesa.", 8, True),
                Note(NEED, "Škoda je metati stran opekač, ki mu manjka samo stikalo.", 5, True),
                Note(
                    OFFER,
                    "Znam popravljati elektriko, pomagal bi v popravljalnici enkrat na mesec.",
                    1,
                    True,
                    offer=Link(
                        ("skills", "time"),
                        programme="popravljalnica",
                        stakeholder="Janez Novak",
                        name="Janez Novak",
                        email="janez.novak@example.org",
                    ),
                ),
                Note(
                    OFFER,
                    "Upokojenci imamo šivalni stroj in orodje, pa tudi čas.",
                    4,
                    offer=Link(
                        ("skills", "time", "tools"),
                        programme="popravljalnica",
                        stakeholder="Društvo upokojencev Golnik",
                    ),
                ),
                Note(IDEA, "Polica za izmenjavo knjig in igrač.", 4),
                Note(IDEA, "Bolšji sejem otroških oblačil dvakrat na leto.", 3, True),
                Note(NEED, "Izposoja orodja, ki ga rabimo enkrat na leto.", 3),
                Note(IDEA, "Delavnica šivanja in krpanja za mlade.", 2),
                Note(
                    OFFER,
                    "Tombolo in pogostitev ob odprtju prostora pripravimo mi.",
                    2,
                    offer=Link(
                        ("time", "money"), stakeholder="Prostovoljno gasilsko društvo Golnik"
                    ),
                ),
            ],
            "energy": [
                Note(NEED, "Računi za ogrevanje so previsoki, ne vemo, kje začeti.", 6, True),
                Note(IDEA, "Energetski svetovalec enkrat na mesec v prostoru KS.", 5, True),
                Note(IDEA, "Predavanje o toplotnih črpalkah in subvencijah.", 4),
                Note(IDEA, "Sončna elektrarna na strehi stavbe KS.", 3, True),
                Note(NEED, "Stara okna v stavbi KS, pozimi je v dvorani mrzlo.", 3),
                Note(
                    OFFER,
                    "Svet KS zagotovi prostor in termine za svetovanje.",
                    2,
                    offer=Link(
                        ("space",), programme="energetsko-svetovanje", stakeholder="Svet KS Golnik"
                    ),
                ),
                Note(IDEA, "Skupna naročila drv in peletov za nižjo ceno.", 2),
            ],
        },
        hands={
            "potreba-po-prostoru": {"Da": 27, "Morda": 5, "Ne": 1},
            "kdaj": {"Dopoldne": 12, "Popoldne": 9, "Zvečer": 14, "Ob koncih tedna": 10},
            "sodelovanje": {5: 9, 4: 11, 3: 8, 2: 3, 1: 2},
        },
        outcome=(
            "<p>Iz predlogov z delavnice so nastali <b>skupnostni vrt</b> za stavbo KS, "
            "<b>popravljalnica</b> vsako prvo soboto v mesecu, medgeneracijska druženja in "
            "energetsko svetovanje. Krajani in društva, ki so na delavnici ponudili znanje, čas "
            "in orodje, danes te programe vodijo.</p>"
        ),
        outcomes=[
            ("space", "skupnostni-vrt", "Dvanajst visokih gred za stavbo KS, kot so predlagali."),
            ("event", "popravljalnica", "Popravljalnica, ki so jo krajani najbolj želeli."),
        ],
    ),
    Workshop(
        community=ZLATO_POLJE.slug,
        date=datetime.date(2017, 11, 7),
        intro=WORKSHOP_INTRO.format(day="7. novembra 2017", where="dvorani KS Zlato polje"),
        notes={
            "spatial_planning": [
                Note(NEED, "Dvorana naj bo odprta tudi popoldne in ob vikendih.", 8, True),
                Note(NEED, "Dijaki pogrešamo miren prostor za učenje v skupinah.", 5, True),
                Note(IDEA, "Urnik dvorane na vratih in na spletu, da vemo, kdaj je prosta.", 4),
                Note(IDEA, "Prostor, prijazen vsem generacijam: dvigalo, klančina, dobra luč.", 3),
                Note(NEED, "Med bloki ni prostora, kjer bi se sosedje srečali.", 6, True),
                Note(
                    OFFER,
                    "Kulturno društvo pomaga pripraviti program dvorane in vodi vaje zbora.",
                    3,
                    True,
                    offer=Link(
                        ("skills", "time"),
                        programme="participativna-delavnica",
                        stakeholder="Kulturno društvo Zlato polje",
                    ),
                ),
                Note(IDEA, "Pokrito stojalo za kolesa pred dvorano.", 2),
                Note(IDEA, "Kolesarska pot do šole brez prečkanja glavne ceste.", 4),
            ],
            "food": [
                Note(IDEA, "Skupna kuhinja v dvorani za kuharske delavnice.", 4),
                Note(IDEA, "Zelišča v koritih ob dvorani, skrbijo stanovalci.", 3, True),
                Note(
                    OFFER,
                    "Pekarna prinese kruh in pecivo za srečanja, ostanke dneva podarimo.",
                    2,
                    True,
                    offer=Link(
                        ("tools", "money"),
                        programme="medgeneracijska-srecanja",
                        stakeholder="Pekarna Na vogalu",
                    ),
                ),
                Note(NEED, "Starejši težko nosimo vrečke iz trgovine, skupna dostava.", 3),
                Note(IDEA, "Kuhanje marmelade in vlaganje: starejši naučijo mlajše.", 5, True),
                Note(IDEA, "Tržnica domačih pridelkov ob sobotah pred dvorano.", 4),
                Note(NEED, "Več zelenja med bloki.", 3),
                Note(IDEA, "Skupni zajtrk sosedov enkrat na mesec, vsak prinese nekaj.", 4),
            ],
            "circular_economy": [
                Note(IDEA, "Mladi pomagajo starejšim s telefoni in spletno banko.", 8, True),
                Note(NEED, "Ne znam uporabljati e-uprave, vnuki so daleč.", 5, True),
                Note(
                    OFFER,
                    "Naučila bi pletenja in kvačkanja, in bi sestavljala pare mladih in starejših.",
                    1,
                    True,
                    offer=Link(
                        ("skills", "time"),
                        programme="medgeneracijska-srecanja",
                        stakeholder="Marija Horvat",
                        name="Marija Horvat",
                        email="marija.horvat@example.org",
                    ),
                ),
                Note(
                    OFFER,
                    "Društvo upokojencev pripelje člane in pomaga pri organizaciji srečanj.",
                    4,
                    offer=Link(
                        ("time",),
                        programme="medgeneracijska-srecanja",
                        stakeholder="Društvo upokojencev Zlato polje",
                    ),
                ),
                Note(IDEA, "Izmenjevalnica oblačil in knjig v kotu dvorane.", 4),
                Note(IDEA, "Popravljalnica tudi pri nas, vsaj dvakrat na leto.", 3),
                Note(NEED, "Preveč stvari zavržemo, ker ne vemo, kdo bi jih popravil.", 3),
            ],
            "energy": [
                Note(IDEA, "Skupna energetska obnova blokov, s pomočjo svetovalca.", 7, True),
                Note(NEED, "Ne vemo, kako se v bloku dogovoriti za novo fasado.", 5, True),
                Note(IDEA, "Sončna elektrarna na strehi bloka za vse stanovalce.", 4),
                Note(NEED, "Delilniki toplote: kako brati račun?", 3),
                Note(
                    OFFER,
                    "Sosedje z Gradnikove zberemo vprašanja stanovalcev in povabimo upravnika.",
                    3,
                    True,
                    offer=Link(
                        ("time",),
                        programme="energetsko-svetovanje",
                        stakeholder="Sosedje z Gradnikove",
                    ),
                ),
                Note(IDEA, "Varčne žarnice in senzorji luči na hodnikih blokov.", 2),
                Note(
                    NEED, "Pozimi so stanovanja v zgornjih nadstropjih prevroča, spodaj mrzla.", 3
                ),
            ],
        },
        hands={
            "potreba-po-prostoru": {"Da": 31, "Morda": 6, "Ne": 2},
            "kdaj": {"Dopoldne": 8, "Popoldne": 17, "Zvečer": 11, "Ob koncih tedna": 15},
            "sodelovanje": {5: 7, 4: 13, 3: 12, 2: 5, 1: 2},
        },
        outcome=(
            "<p>Dvorana KS je danes odprta tudi popoldne in ob vikendih. Iz predlogov so "
            "nastala <b>medgeneracijska srečanja</b>, na katerih se mladi in starejši učijo drug "
            "od drugega, energetsko svetovanje za stanovalce blokov pa pripravljamo skupaj s "
            "Sosedi z Gradnikove.</p>"
        ),
        outcomes=[
            ("space", "dvorana", "Dvorana je odprta tudi popoldne in ob vikendih."),
            (
                "programme",
                "participativna-delavnica",
                "Program dvorane za naslednjo sezono določimo skupaj, po metodi vrtiljak.",
            ),
        ],
    ),
    Workshop(
        community=STRAZISCE.slug,
        date=datetime.date(2017, 11, 8),
        intro=WORKSHOP_INTRO.format(day="8. novembra 2017", where="prostorih KS Stražišče"),
        notes={
            "spatial_planning": [
                Note(NEED, "Društva potrebujemo več terminov za vaje in srečanja.", 6, True),
                Note(
                    NEED,
                    "Veliko nas se vozi s kolesom v mesto, kolesarska steza je prekinjena.",
                    5,
                    True,
                ),
                Note(IDEA, "Prostor KS naj bo odprt kot dnevna soba kraja.", 4),
                Note(
                    OFFER,
                    "Gasilci lahko ob prireditvah odstopimo dvorano in pomagamo pri ureditvi.",
                    3,
                    True,
                    offer=Link(
                        ("space", "time"),
                        programme="vrtiljak-idej",
                        stakeholder="Prostovoljno gasilsko društvo Stražišče",
                    ),
                ),
                Note(IDEA, "Vrtiljak idej vsako leto, da skupaj sestavimo program.", 3, True),
                Note(NEED, "Dopoldanska druženja za starejše, ki so sami doma.", 5, True),
                Note(
                    OFFER,
                    "Turistično društvo vodi klepete in pripoveduje zgodbe iz kraja.",
                    2,
                    offer=Link(
                        ("skills", "time"),
                        programme="medgeneracijski-klepet",
                        stakeholder="Turistično društvo Stražišče",
                    ),
                ),
            ],
            "food": [
                Note(IDEA, "Skupnostni vrt, kjer bi vrtnarile družine iz blokov.", 8, True),
                Note(NEED, "Otroci v blokih ne vedo, kako raste zelenjava.", 5),
                Note(
                    OFFER,
                    "Sosedje iz blokov bi skrbeli za vrt in pripravili pravila vrta.",
                    5,
                    True,
                    offer=Link(
                        ("time",),
                        programme="skupnostni-vrt",
                        stakeholder="Sosedska skupina vrtičkarjev Stražišče",
                    ),
                ),
                Note(IDEA, "Sadovnjak starih sort na travniku ob šoli.", 3),
                Note(IDEA, "Zeliščni vrt za čaje, ki ga uporabimo na klepetih.", 2),
                Note(NEED, "Kje dobiti zemljo in vodo za vrt? Potrebujemo lokacijo.", 4),
                Note(IDEA, "Obisk vrtičkarjev z Golnika, da nam povedo, kako so začeli.", 3, True),
                Note(
                    IDEA, "Kompostnik za sosede iz blokov, namesto da bioodpadke vozimo stran.", 3
                ),
            ],
            "circular_economy": [
                Note(IDEA, "Popravljalnica koles na dvorišču KS.", 8, True),
                Note(
                    OFFER,
                    "Kolo popravljam sam, z veseljem pokažem še drugim.",
                    1,
                    True,
                    offer=Link(
                        ("skills", "time"),
                        programme="popravljalnica-koles",
                        stakeholder="Franc Kovačič",
                        name="Franc Kovačič",
                        email="franc.kovacic@example.org",
                    ),
                ),
                Note(
                    OFFER,
                    "Kolesarnica prispeva zračnice in verige po nabavni ceni ter orodje.",
                    2,
                    offer=Link(
                        ("tools", "skills"),
                        programme="popravljalnica-koles",
                        stakeholder="Kolesarnica Jošt",
                    ),
                ),
                Note(IDEA, "Knjigobežnica v prostoru KS.", 4, True),
                Note(
                    NEED, "Stara kolesa v kleteh propadajo, lahko bi jih popravili in podarili.", 3
                ),
                Note(IDEA, "Popravilo malih aparatov ob isti soboti kot kolesa.", 3),
                Note(NEED, "Kam z odsluženimi igračami, ki so še dobre?", 2),
                Note(IDEA, "Sobota popravil: kolesa, aparati in šivanje na enem mestu.", 4),
            ],
            "energy": [
                Note(NEED, "Hiše so stare, ne vemo, ali se izolacija splača.", 6, True),
                Note(
                    IDEA, "Energetsko svetovanje v prostoru KS, kot ga imajo na Golniku.", 4, True
                ),
                Note(IDEA, "Skupna sončna elektrarna na strehi gasilskega doma.", 3),
                Note(NEED, "Kurjenje starih peči onesnažuje zrak v dolini.", 3),
                Note(IDEA, "Predstavitev subvencij Eko sklada za starejše.", 2),
                Note(IDEA, "Merjenje toplotnih izgub s termokamero pozimi.", 2),
                Note(IDEA, "Skupni nakup izolacije za več hiš, da bo ceneje.", 2),
            ],
        },
        hands={
            "potreba-po-prostoru": {"Da": 24, "Morda": 7, "Ne": 2},
            "kdaj": {"Dopoldne": 10, "Popoldne": 12, "Zvečer": 13, "Ob koncih tedna": 9},
            "sodelovanje": {5: 8, 4: 9, 3: 10, 2: 4, 1: 2},
        },
        outcome=(
            "<p>Prva je zaživela <b>popravljalnica koles</b>, ki jo vodita Franc Kovačič in "
            "Kolesarnica Jošt. Dopoldne se krajani dobivajo na medgeneracijskem klepetu ob "
            "kavi, <b>skupnostni vrt</b> pa načrtujemo s sosedi iz blokov.</p>"
        ),
        outcomes=[
            (
                "space",
                "skupnostni-prostor",
                "Prostor KS je odprt za društva in skupnostne dejavnosti.",
            ),
            ("event", "vrtiljak-idej", "Vrtiljak idej ponavljamo, da program sestavimo skupaj."),
        ],
    ),
]

# --- Golnik's open consultation ---------------------------------------------------------

SPRING_SLUG = "posvet-pomlad-2027"
SPRING_TITLE = "Posvet za pomlad 2027"
# It closes at the end of March 2027, or four months after the demo is loaded if that is
# later; it opened two weeks before, and by 2 November 2026 at the latest (before the
# moment the tests read the demo at, 18 November 2026).
SPRING_CLOSES = datetime.datetime(2027, 3, 31, 23, 59, tzinfo=KRANJ)
SPRING_OPENS = datetime.datetime(2026, 11, 2, 8, 0, tzinfo=KRANJ)
SPRING_INTRO = (
    "Kaj naj skupnostni prostor na Golniku ponudi spomladi 2027? Povejte nam, ali bi "
    "prevzeli gredo na skupnostnem vrtu, kaj bi prinesli v popravljalnico, kdaj imate čas in "
    "kaj bi lahko ponudili sami. Rezultate sproti objavljamo."
)
SPRING_QUESTIONS = [
    {
        "type": "single_choice",
        "id": "vrt-gredica",
        "value": {
            "theme": "food",
            "question": "Bi spomladi prevzeli gredo na skupnostnem vrtu?",
            "help_text": "",
            "required": True,
            "options": ["Da, sam ali z družino", "Da, z društvom", "Morda", "Ne"],
        },
    },
    {
        "type": "multiple_choice",
        "id": "popravila",
        "value": {
            "theme": "circular_economy",
            "question": "Kaj bi prinesli v popravljalnico?",
            "help_text": "Izberete lahko več možnosti.",
            "required": False,
            "options": [
                "Male gospodinjske aparate",
                "Kolo",
                "Oblačila",
                "Pohištvo",
                "Elektroniko",
            ],
        },
    },
    {
        "type": "scale",
        "id": "soncna-elektrarna",
        "value": {
            "theme": "energy",
            "question": "Kako zelo vas zanima skupna sončna elektrarna na Golniku?",
            "help_text": "",
            "required": False,
            "low_label": "sploh ne",
            "high_label": "zelo",
        },
    },
    {
        "type": "short_text",
        "id": "pot",
        "value": {
            "theme": "spatial_planning",
            "question": "Kje na Golniku pogrešate varno pot za pešce ali kolesarje?",
            "help_text": "",
            "required": False,
        },
    },
    {
        "type": "long_text",
        "id": "predlogi",
        "value": {
            "theme": "",
            "question": "Kaj bi radi spomladi počeli v skupnostnem prostoru?",
            "help_text": "",
            "required": False,
        },
    },
    {
        "type": "offer",
        "id": "ponudba",
        "value": {
            "theme": "",
            "question": "Kaj bi lahko ponudili vi?",
            "help_text": "Znanje, čas, prostor, orodje ali denar.",
            "required": False,
        },
    },
]


@dataclass(frozen=True)
class Online:
    """One online answer: {question id: option, [options], value or text}, an offer."""

    answers: dict
    approved: tuple = ()  # ids of the text answers approved for publication
    offer: Link | None = None
    offer_text: str = ""
    confirmed: bool = False


SPRING_ANSWERS = [
    Online(
        {
            "vrt-gredica": "Da, sam ali z družino",
            "popravila": ["Male gospodinjske aparate", "Kolo"],
            "soncna-elektrarna": 5,
            "pot": "Od šole do trgovine ni pločnika.",
            "predlogi": "Delavnico obrezovanja sadnega drevja.",
        },
        approved=("pot", "predlogi"),
        confirmed=True,
    ),
    Online(
        {
            "vrt-gredica": "Morda",
            "popravila": ["Oblačila"],
            "soncna-elektrarna": 4,
            "predlogi": "Še več dopoldanskih druženj, tudi za mamice z dojenčki.",
        },
        approved=("predlogi",),
    ),
    Online(
        {"vrt-gredica": "Ne", "popravila": ["Elektroniko"], "soncna-elektrarna": 2},
        confirmed=True,
    ),
    Online(
        {
            "vrt-gredica": "Da, z društvom",
            "popravila": ["Pohištvo", "Kolo"],
            "soncna-elektrarna": 5,
            "pot": "Ob cesti proti bolnišnici.",
        },
        offer=Link(("skills", "time"), name="Ivanka Kos", email="ivanka.kos@example.org"),
        offer_text="Spomladi lahko vodim delavnico presajanja sadik, ob sobotah dopoldne.",
        confirmed=True,
    ),
    Online(
        {
            "vrt-gredica": "Da, sam ali z družino",
            "popravila": ["Male gospodinjske aparate"],
            "soncna-elektrarna": 3,
            "predlogi": "Izmenjavo semen in sadik v aprilu.",
        },
        approved=("predlogi",),
    ),
    Online(
        {"vrt-gredica": "Morda", "popravila": ["Kolo"], "soncna-elektrarna": 4},
        confirmed=True,
    ),
    Online(
        {
            "vrt-gredica": "Da, sam ali z družino",
            "soncna-elektrarna": 5,
            "predlogi": "Predavanje o hranilnikih energije za hiše s sončno elektrarno.",
        },
        offer=Link(("tools",), name="Peter Rozman", email="peter.rozman@example.org"),
        offer_text="Posodim vrtno kosilnico in samokolnico za skupne delovne akcije.",
    ),
    Online(
        {
            "vrt-gredica": "Ne",
            "popravila": ["Oblačila", "Elektroniko"],
            "pot": "Prehod čez cesto pri avtobusni postaji.",
        },
        approved=("pot",),
        confirmed=True,
    ),
    Online(
        {"vrt-gredica": "Da, z društvom", "popravila": ["Kolo"], "soncna-elektrarna": 4},
    ),
]


# --- Building them ----------------------------------------------------------------------


def ensure_consultations(builder, communities):
    """The three workshops and Golnik's spring consultation; `builder` is the
    `PortalBuilder` (its `page`, `today` and `progress`), `communities` maps slug to KS
    page. Run after the programmes, stakeholders and events."""
    themes = list(Theme.objects.order_by("pk"))
    for workshop in WORKSHOPS:
        ensure_workshop(builder, communities[workshop.community], workshop, themes)
    ensure_spring(builder, communities[GOLNIK.slug], themes)


def evening(date, hour, minute=0):
    return datetime.datetime.combine(date, datetime.time(hour, minute), KRANJ)


def ensure_workshop(builder, community, workshop, themes):
    def prepare(page):
        page.themes = themes
        page.outcomes = [
            ConsultationOutcome(sort_order=n, note=note, **outcome_target(community, kind, slug))
            for n, (kind, slug, note) in enumerate(workshop.outcomes)
        ]

    page = builder.page(
        community,
        ConsultationPage,
        WORKSHOP_SLUG,
        prepare=prepare,
        title=WORKSHOP_TITLE,
        intro=workshop.intro,
        opens_at=evening(workshop.date, 17),
        closes_at=evening(workshop.date, 19, 30),
        results_public_while_open=False,
        questions=WORKSHOP_QUESTIONS,
        outcome=workshop.outcome,
    )
    if page.responses.exists():
        builder.progress.found("workshop note", builder.label(page), count=note_count(workshop))
        return
    responses, answers, offers = [], [], []
    programmes = {p.slug: p for p in Programme.objects.of_community(community)}
    written = evening(workshop.date, 17, 30)
    common = {
        "consultation": page,
        "community": community,
        "source": WORKSHOP,
        "workshop_date": workshop.date,
        "entered_by": None,
    }
    for theme, notes in workshop.notes.items():
        for n, note in enumerate(notes):
            response = Response(
                **common,
                submitted_at=written + datetime.timedelta(minutes=len(responses)),
                people_count=note.people,
                workshop_table=TABLES[theme],
                workshop_round=n % 3 + 1,
            )
            responses.append(response)
            answers.append(
                Answer(
                    response=response,
                    theme=theme,
                    note_type=note.note_type,
                    text=note.text,
                    approved_for_publication=note.approved,
                )
            )
            if note.offer:
                offers.append(
                    offer_row(note.offer, response, theme, note.text, community, programmes)
                )
    # The show of hands at the end: one response per option (or value), as many people
    # as raised a hand.
    for question_id, counts in workshop.hands.items():
        for choice, people in counts.items():
            response = Response(
                **common,
                submitted_at=evening(workshop.date, 19, 15),
                people_count=people,
                workshop_table="Vsi skupaj",
            )
            responses.append(response)
            chosen = {"value": choice} if isinstance(choice, int) else {"option": choice}
            answers.append(Answer(response=response, question_id=question_id, **chosen))
    save(responses, answers, offers)
    builder.progress.add("workshop note", builder.label(page), count=note_count(workshop))
    if offers:
        builder.progress.add("offer", builder.label(page), count=len(offers))


def note_count(workshop):
    return sum(len(notes) for notes in workshop.notes.values())


def offer_row(link, response, theme, text, community, programmes, question_id=""):
    stakeholder = None
    if link.stakeholder:
        stakeholder = (
            Stakeholder.objects.filter(name=link.stakeholder, community=community).first()
            or Stakeholder.objects.filter(name=link.stakeholder, community=None).get()
        )
    return Offer(
        response=response,
        question_id=question_id,
        theme=theme,
        description=text,
        name=link.name,
        email=link.email,
        consent_to_contact=bool(link.name or link.email),
        consent_at=response.submitted_at if (link.name or link.email) else None,
        programme=programmes[link.programme] if link.programme else None,
        stakeholder=stakeholder,
        **dict.fromkeys(link.kinds, True),
    )


def outcome_target(community, kind, slug):
    """{page: ...} or {programme: ...} of a "what came of it" row: a space or an event of
    the KS, or one of its programmes."""
    if kind == "space":
        return {"page": SpacePage.objects.child_of(community).get(slug=slug)}
    if kind == "event":
        calendar = EventCalendarPage.objects.child_of(community).get()
        return {"page": EventPage.objects.child_of(calendar).get(slug=slug)}
    return {"programme": Programme.objects.of_community(community).get(slug=slug)}


def save(responses, answers, offers):
    """Write the rows in three bulk inserts (the database gives the responses their ids)."""
    Response.objects.bulk_create(responses)
    for row in (*answers, *offers):
        row.response_id = row.response.pk
    Answer.objects.bulk_create(answers)
    Offer.objects.bulk_create(offers)


def spring_dates(today):
    """(opens, closes) of the spring consultation loaded on `today`."""
    loaded = datetime.datetime.combine(today, datetime.time(8, 0), KRANJ)
    opens = min(SPRING_OPENS, loaded - datetime.timedelta(days=14))
    closes = max(SPRING_CLOSES, loaded + datetime.timedelta(days=120))
    return opens, closes


def ensure_spring(builder, community, themes):
    opens, closes = spring_dates(builder.today)
    page = builder.page(
        community,
        ConsultationPage,
        SPRING_SLUG,
        prepare=lambda page: setattr(page, "themes", themes),
        title=SPRING_TITLE,
        intro=SPRING_INTRO,
        opens_at=opens,
        closes_at=closes,
        results_public_while_open=True,
        questions=SPRING_QUESTIONS,
    )
    if page.responses.exists():
        builder.progress.found("online answer", builder.label(page), count=len(SPRING_ANSWERS))
        return
    kinds = {block["id"]: block for block in SPRING_QUESTIONS}
    responses, answers, offers = [], [], []
    for n, online in enumerate(SPRING_ANSWERS):
        # One a day from the day it opened, in the evening: all before the demo's today.
        sent = page.opens_at + datetime.timedelta(days=n, hours=11, minutes=7 * n)
        response = Response(
            consultation=page,
            community=community,
            source=ONLINE,
            submitted_at=sent,
            confirmed_at=sent + datetime.timedelta(minutes=5) if online.confirmed else None,
        )
        responses.append(response)
        for question_id, given in online.answers.items():
            block = kinds[question_id]
            common = {
                "response": response,
                "question_id": question_id,
                "theme": block["value"]["theme"],
            }
            if block["type"] == "multiple_choice":
                answers.extend(Answer(option=option, **common) for option in given)
            elif block["type"] == "single_choice":
                answers.append(Answer(option=given, **common))
            elif block["type"] == "scale":
                answers.append(Answer(value=given, **common))
            else:
                answers.append(
                    Answer(
                        text=given,
                        approved_for_publication=question_id in online.approved,
                        **common,
                    )
                )
        if online.offer:
            offers.append(
                offer_row(
                    online.offer,
                    response,
                    kinds["ponudba"]["value"]["theme"],
                    online.offer_text,
                    community,
                    {},
                    question_id="ponudba",
                )
            )
    save(responses, answers, offers)
    builder.progress.add("online answer", builder.label(page), count=len(responses))
    if offers:
        builder.progress.add("offer", builder.label(page), count=len(offers))
