"""The demo's programmes: what runs regularly in the pilot spaces, one of every built-in type.

The pilot's needs workshops of November 2017 asked for a community garden, repair cafés,
intergenerational meet-ups and energy advice; the programmes here are those wishes put to
work by the stakeholders of `portal.demo.stakeholders`, plus the workshops themselves,
which Ljudska univerza Kranj ran in all three KS. Contacts are illustrative: e-mails use
example.org and phones the unused 555 range.

A programme is found by its slug within its KS (or among the municipality-wide ones); a
missing one is created with a revision and published, an existing one is left as it is.
"""

from dataclasses import dataclass, field

from wagtail.models import Collection

from portal.demo.content import GOLNIK, STRAZISCE, ZLATO_POLJE
from portal.demo.media import ensure_document
from portal.demo.odt import Bullets, Heading, Paragraph, odt_document
from portal.spaces.models import SpacePage
from portal.stakeholders.models import Stakeholder
from programmes import registry
from programmes.models import Audience, Programme, Theme

RUNNING = Programme.Status.RUNNING
PLANNED = Programme.Status.PLANNED
ENDED = Programme.Status.ENDED
NEEDED = Programme.Registration.NEEDED
NOT_NEEDED = Programme.Registration.NOT_NEEDED

LUK = "Ljudska univerza Kranj"
MOK = "Mestna občina Kranj"
DOVOLJ_ZA_VSE = "Dovolj za vse"


@dataclass(frozen=True)
class Report:
    """A document the demo writes for a programme (a workshop's report), as ODT."""

    title: str
    filename: str
    blocks: list


@dataclass(frozen=True)
class Plan:
    """One demo programme. `community` and `space` are slugs (no KS: the whole
    municipality); `organisers` are stakeholder names, of the KS or the municipality;
    `details` is the plugin's block value as an editor would enter it."""

    community: str | None
    slug: str
    title: str
    programme_type: str
    summary: str
    description: str
    organisers: list[str]
    themes: list[str]
    audiences: list[str]
    details: dict
    status: str = RUNNING
    space: str = ""
    is_free: bool = True
    price: str = ""
    registration: str = NOT_NEEDED
    registration_url: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    report: Report | None = field(default=None, compare=False)


NEEDS_WORKSHOPS_REPORT = Report(
    title="Poročilo z delavnic za ugotavljanje potreb, november 2017",
    filename="porocilo-delavnice-ugotavljanje-potreb-2017.odt",
    blocks=[
        Heading("Poročilo z delavnic za ugotavljanje potreb, november 2017"),
        Paragraph(
            "Ljudska univerza Kranj je v okviru mentoriranja projekta Dovolj za vse v prvem "
            "tednu novembra 2017 pripravila delavnice v krajevnih skupnostih Golnik (6. "
            "novembra), Zlato polje (7. novembra) in Stražišče (8. novembra). Na delavnice smo "
            "vabili s predstavitvijo projekta v lokalnem časopisu, ki doseže vsa gospodinjstva, "
            "po vseh kanalih LUK in z letaki v KS."
        ),
        Heading("Namen", 2),
        Paragraph(
            "Ugotoviti smo želeli, ali v posamezni skupnosti obstaja potreba po skupnostnem "
            "prostoru, kakšen naj bo in kaj ljudje potrebujejo, katere vsebine že obstajajo in "
            "katere bi lahko ponudili zainteresirani deležniki ter kdo bi pri tem sodeloval in "
            "kako."
        ),
        Heading("Potek", 2),
        Bullets(
            [
                "predstavitev pilotnega projekta in primerov dobrih praks skupnostnih projektov,",
                "nagovor predstavnika Mestne občine Kranj, ki je zagotovil, da občina podpira "
                "take dejavnosti v prostorih KS,",
                "moderirani del po metodi vrtiljak: udeleženci so v skupinah krožili med "
                "mizami in na vsaki odgovarjali na eno vprašanje,",
                "tombola z nagradami, ki so jih prispevali domači podjetniki.",
            ]
        ),
        Heading("Kaj smo slišali", 2),
        Bullets(
            [
                "Golnik: skupnostni vrt za stavbo KS, popravljalnica za male gospodinjske "
                "aparate in kolesa, dopoldanska druženja za starejše in mlade družine, "
                "svetovanje o varčevanju z energijo.",
                "Zlato polje: dvorana, odprta tudi popoldne in ob vikendih, medgeneracijska "
                "pomoč pri uporabi telefonov in spletnih storitev, miren prostor za učenje, "
                "skupna energetska obnova blokov.",
                "Stražišče: skupnostni vrt za družine iz blokov, popravljalnica koles, več "
                "terminov za društva, dopoldanska druženja za starejše.",
            ]
        ),
        Heading("Kaj sledi", 2),
        Paragraph(
            "Z deležniki, ki so na delavnicah izrazili interes, bomo v vsaki KS načrtovali "
            "ureditev prostora, določili programe in vsebine, se uskladili glede financ, "
            "sklenili dogovore o uporabi prostorov in pripravili obveščanje, s katerim bomo "
            "pridobili uporabnike. Udeleženci so dobro izkušnjo sodelovanja odnesli s seboj: "
            "to je najboljše vabilo na naslednja srečanja."
        ),
    ],
)

PLANS = [
    # --- Golnik ---------------------------------------------------------------------------
    Plan(
        community=GOLNIK.slug,
        slug="popravljalnica",
        title="Popravljalnica na Golniku",
        programme_type="repair_cafe",
        summary=(
            "Vsako prvo soboto v mesecu dopoldne skupaj popravimo opekač, svetilko, kolo ali "
            "raztrgano oblačilo, namesto da bi ga zavrgli."
        ),
        description="""
<p>Popravljalnica je bila na delavnici za ugotavljanje potreb med najpogostejšimi željami
krajanov. Danes jo vodijo prostovoljci iz Društva upokojencev Golnik, ki znajo z elektriko,
šivanjem in lesom.</p>
<h2>Kako poteka</h2>
<ul>
<li>Prinesite predmet in, če jih imate, tudi navodila ali rezervne dele.</li>
<li>Vsak obiskovalec prinese največ dva predmeta, da pridejo na vrsto vsi.</li>
<li>Ne popravljamo namesto vas, ampak z vami, tako da se vsakič kaj naučimo.</li>
</ul>
<p>Popravljalnica je brezplačna, prostovoljni prispevki gredo za orodje.</p>
""",
        organisers=["Društvo upokojencev Golnik", "Janez Novak", "Svet KS Golnik"],
        themes=["circular_economy"],
        audiences=["adults", "seniors", "intergenerational"],
        space="skupnostni-prostor",
        contact_name="Janez Novak",
        contact_email=GOLNIK.email,
        contact_phone=GOLNIK.phone,
        details={
            "repair_categories": ["electrical", "textiles", "bicycles", "furniture"],
            "tools_available": [
                "spajkalnik",
                "multimeter",
                "šivalni stroj",
                "komplet izvijačev",
                "stojalo za kolo",
            ],
            "volunteers_needed": True,
            "volunteer_skills": "elektrika, šivanje, popravila lesa in koles",
        },
    ),
    Plan(
        community=GOLNIK.slug,
        slug="skupnostni-vrt",
        title="Skupnostni vrt Golnik",
        programme_type="community_garden",
        summary=(
            "Dvanajst visokih gred za stavbo KS, ki jih obdelujejo krajani vseh generacij. "
            "Vrtnarimo ekološko, viške pridelka delimo."
        ),
        description="""
<p>Skupnostni vrt je nastal na pobudo krajanov z delavnice za ugotavljanje potreb. Ima dvanajst
visokih gred, kompostnik in zbiralnik za deževnico. Sadike za prvo sezono je podarila
Vrtnarija pod Kriško goro, ki vrtičkarjem svetuje tudi pri vrtnarjenju brez škropiv.</p>
<p>Gredo lahko za eno sezono prevzame posameznik, družina ali društvo. Za skupne površine
skrbimo izmenično, po dogovoru na srečanjih vrtičkarjev.</p>
""",
        organisers=["Vrtičkarji skupnostnega vrta Golnik", "Vrtnarija pod Kriško goro"],
        themes=["food"],
        audiences=["children", "adults", "seniors", "intergenerational"],
        space="skupnostni-vrt",
        registration=NEEDED,
        contact_name="Ana Zupan, koordinatorka vrta",
        contact_email=GOLNIK.email,
        contact_phone=GOLNIK.phone,
        details={
            "plots_total": 12,
            "plots_free": 2,
            "how_to_apply": (
                "<p>Za gredo zaprosite po e-pošti KS ali v uradnih urah. Grede dodeljujemo na "
                "srečanju vrtičkarjev <b>marca</b>, po vrstnem redu prijav.</p>"
                "<ul><li>gredo prevzamete za eno sezono,</li>"
                "<li>vrtnarite brez umetnih gnojil in kemičnih škropiv,</li>"
                "<li>pomagate pri skupnih delovnih akcijah.</li></ul>"
            ),
            "season_start": "4",
            "season_end": "10",
        },
    ),
    Plan(
        community=GOLNIK.slug,
        slug="medgeneracijsko-druzenje",
        title="Medgeneracijsko druženje na Golniku",
        programme_type="intergenerational",
        summary=(
            "Dopoldne ob družabnih igrah, kavi in pogovoru za starejše krajane, starše na "
            "starševskem dopustu in vse, ki se radi družijo."
        ),
        description="""
<p>Druženja pripravljamo po zgledu medgeneracijskega centra na Hujah, ki ga vodi Ljudska
univerza Kranj. Igramo družabne igre, se pogovarjamo o tem, kar nas zanima, in skupaj
načrtujemo naslednja srečanja.</p>
<p>Kdor želi, lahko prinese svojo najljubšo igro ali pecivo. Otroci so dobrodošli, v kotu
sobe je prostor za igro.</p>
""",
        organisers=["Društvo upokojencev Golnik", "Turistično društvo Golnik", LUK],
        themes=["spatial_planning"],
        audiences=["children", "adults", "seniors", "intergenerational"],
        space="skupnostni-prostor",
        contact_name="Društvo upokojencev Golnik",
        contact_email="du.golnik@example.org",
        contact_phone="04 555 10 12",
        details={
            "age_groups": ["children", "adults", "seniors"],
            "mentors": [
                {"name": "Ivanka Kos", "offers": "družabne igre in šah"},
                {"name": "Peter Rozman", "offers": "zgodbe o zgodovini Golnika"},
            ],
        },
    ),
    Plan(
        community=GOLNIK.slug,
        slug="energetsko-svetovanje",
        title="Energetsko svetovanje za gospodinjstva na Golniku",
        programme_type="energy_advice",
        summary=(
            "Kako zmanjšati račune za ogrevanje in elektriko? Energetski svetovalec enkrat na "
            "mesec odgovarja na vprašanja o izolaciji, oknih, toplotnih črpalkah in sončnih "
            "elektrarnah."
        ),
        description="""
<p>Svetovanje je namenjeno lastnikom hiš in stanovanj, ki razmišljajo o obnovi ali o lastni
sončni elektrarni. Prinesite račune za energijo za zadnje leto in, če jih imate, načrte hiše,
da bo nasvet čim bolj konkreten.</p>
<p>Pogovor traja približno 20 minut. Svetovanje je brezplačno; termin rezervirajte prek
obrazca ali po e-pošti krajevne skupnosti.</p>
""",
        organisers=["Svet KS Golnik", MOK],
        themes=["energy"],
        audiences=["adults", "seniors"],
        space="skupnostni-prostor",
        registration=NEEDED,
        registration_url="https://obrazci.example.org/energetsko-svetovanje-golnik",
        contact_name="tajnica KS Golnik",
        contact_email=GOLNIK.email,
        contact_phone=GOLNIK.phone,
        details={
            "advice_topics": ["insulation", "heating", "heat_pumps", "solar_power", "subsidies"],
            "booking_url": "https://obrazci.example.org/energetsko-svetovanje-golnik",
        },
    ),
    # --- Zlato polje ----------------------------------------------------------------------
    Plan(
        community=ZLATO_POLJE.slug,
        slug="medgeneracijska-srecanja",
        title="Medgeneracijska srečanja: učimo se drug od drugega",
        programme_type="intergenerational",
        summary=(
            "Dijaki pokažejo, kako uporabljati pametni telefon in spletno banko, starejši pa "
            "naučijo pletenja, kvačkanja in kuhanja marmelade. Vsako sredo popoldne."
        ),
        description="""
<p>Na srečanjih vsak nekaj zna in vsak se nekaj nauči. Sedemo za mize v parih ali majhnih
skupinah: mlajši pomagajo pri telefonih, računalnikih in spletnih storitvah, starejši pa delijo
znanje ročnih del, kuhanja in vrtnarjenja.</p>
<p>Srečanja so nastala iz predlogov z delavnice za ugotavljanje potreb. Pare sestavi
prostovoljna mentorica Marija Horvat. Prinesite svoj telefon ali ročno delo.</p>
""",
        organisers=["Društvo upokojencev Zlato polje", "Marija Horvat", "Pekarna Na vogalu"],
        themes=["circular_economy"],
        audiences=["youth", "seniors", "intergenerational"],
        space="dvorana",
        contact_name="Marija Horvat",
        contact_email=ZLATO_POLJE.email,
        contact_phone=ZLATO_POLJE.phone,
        details={
            "age_groups": ["youth", "seniors"],
            "mentors": [
                {"name": "Marija Horvat", "offers": "pletenje, kvačkanje in vodenje parov"},
                {"name": "Luka Kern", "offers": "pametni telefon in spletna banka"},
                {"name": "Zofka Bizjak", "offers": "kuhanje marmelade in vlaganje"},
            ],
        },
    ),
    Plan(
        community=ZLATO_POLJE.slug,
        slug="energetsko-svetovanje",
        title="Energetsko svetovanje za stanovalce blokov",
        programme_type="energy_advice",
        summary=(
            "Obnova fasade, delilniki toplote, skupna sončna elektrarna na strehi bloka: kako "
            "se lotiti skupaj s sosedi in upravnikom."
        ),
        description="""
<p>V blokih se o večjih naložbah odločamo skupaj, zato je svetovanje namenjeno predvsem
predstavnikom etažnih lastnikov in hišnim svetom. Energetski svetovalec predstavi, kako se
lotiti energetske obnove, kje poiskati spodbude in kako si razdeliti stroške.</p>
<p>Po predstavitvi je čas za vprašanja o posameznih stavbah. Termin za pogovor o svojem bloku
rezervirajte prek obrazca.</p>
""",
        organisers=["Sosedje z Gradnikove", "Svet KS Zlato polje"],
        themes=["energy"],
        audiences=["adults", "seniors"],
        space="dvorana",
        status=PLANNED,
        registration=NEEDED,
        registration_url="https://obrazci.example.org/energetsko-svetovanje-zlato-polje",
        contact_name="Sosedje z Gradnikove",
        contact_email=ZLATO_POLJE.email,
        contact_phone=ZLATO_POLJE.phone,
        details={
            "advice_topics": ["insulation", "heating", "solar_power", "subsidies"],
            "booking_url": "https://obrazci.example.org/energetsko-svetovanje-zlato-polje",
        },
    ),
    Plan(
        community=ZLATO_POLJE.slug,
        slug="participativna-delavnica",
        title="Participativna delavnica: program dvorane",
        programme_type="workshop",
        summary=(
            "Skupaj določimo, kaj bo dvorana KS ponujala v naslednji sezoni. Delamo po metodi "
            "vrtiljak, za konec je tombola."
        ),
        description="""
<p>Na delavnici nadaljujemo delo, ki smo ga začeli na delavnici za ugotavljanje potreb. V štirih
krogih vrtiljaka odgovarjamo na vprašanja:</p>
<ul>
<li>katere programe in vsebine naj dvorana ponuja in ob katerih urah,</li>
<li>kako prostor urediti, da bo prijazen za vse generacije,</li>
<li>kdo bo za prostor skrbel in kako se bomo dogovarjali o uporabi,</li>
<li>kako bomo o dogajanju obveščali sosede.</li>
</ul>
<p>Za konec je tombola z nagradami, ki jih prispevajo domači podjetniki.</p>
""",
        organisers=[LUK, "Svet KS Zlato polje", "Kulturno društvo Zlato polje"],
        themes=["spatial_planning"],
        audiences=["youth", "adults", "seniors"],
        space="dvorana",
        status=PLANNED,
        contact_name="koordinatorka skupnostnih prostorov, LUK",
        contact_email="luk@example.org",
        contact_phone="04 555 40 40",
        details={
            "method": "carousel",
            "facilitator": "Ljudska univerza Kranj",
            "outcomes": "",
        },
    ),
    # --- Stražišče ------------------------------------------------------------------------
    Plan(
        community=STRAZISCE.slug,
        slug="popravljalnica-koles",
        title="Popravljalnica koles v Stražišču",
        programme_type="repair_cafe",
        summary=(
            "Pripeljite kolo s počeno zračnico, škripajočimi zavorami ali zarjavelo verigo. "
            "Prostovoljci vam pokažejo, kako ga popravite sami."
        ),
        description="""
<p>Veliko Stražiščanov se v mesto vozi s kolesom, zato so si na delavnici za ugotavljanje
potreb zaželeli popravljalnico koles. Na dvorišču skupnostnega prostora postavimo delovne mize
in orodje. Popravimo zračnice, nastavimo zavore in prestavnike, očistimo in namažemo
verige.</p>
<p>Nadomestne dele prinesite s seboj; zračnice, zavorne obloge in verige po nabavni ceni
prispeva Kolesarnica Jošt. Če dežuje, se umaknemo pod streho.</p>
""",
        organisers=["Kolesarnica Jošt", "Franc Kovačič", "Svet KS Stražišče"],
        themes=["circular_economy", "spatial_planning"],
        audiences=["youth", "adults", "intergenerational"],
        space="skupnostni-prostor",
        contact_name="Franc Kovačič",
        contact_email=STRAZISCE.email,
        contact_phone=STRAZISCE.phone,
        details={
            "repair_categories": ["bicycles"],
            "tools_available": [
                "stojalo za kolo",
                "orodje za verige",
                "ključi za pedala",
                "tlačilka z manometrom",
            ],
            "volunteers_needed": False,
            "volunteer_skills": "",
        },
    ),
    Plan(
        community=STRAZISCE.slug,
        slug="skupnostni-vrt",
        title="Skupnostni vrt Stražišče",
        programme_type="community_garden",
        summary=(
            "Družine, upokojenci in društva pripravljajo skupnostni vrt, kjer bodo sosedje "
            "skupaj pridelovali zelenjavo in zelišča. Iščemo vrtičkarje."
        ),
        description="""
<p>Na delavnici za ugotavljanje potreb je bil skupnostni vrt med najpogostejšimi željami,
predvsem družin iz blokov. Zdaj ga načrtujemo: pregledujemo možne lokacije, se dogovarjamo o
pravilih vrta in o tem, kdo prevzame katero nalogo. Svoje izkušnje so nam predstavili
vrtičkarji s skupnostnega vrta na Golniku.</p>
<p>Vrt bo tudi prostor, kjer bodo otroci spoznavali, od kod pride hrana.</p>
""",
        organisers=["Sosedska skupina vrtičkarjev Stražišče", "Svet KS Stražišče"],
        themes=["food", "spatial_planning"],
        audiences=["children", "adults", "seniors", "intergenerational"],
        space="skupnostni-prostor",
        status=PLANNED,
        registration=NEEDED,
        contact_name="Sosedska skupina vrtičkarjev Stražišče",
        contact_email=STRAZISCE.email,
        contact_phone=STRAZISCE.phone,
        details={
            "plots_total": 10,
            "plots_free": 10,
            "how_to_apply": (
                "<p>Prijavite se v uradnih urah KS ali po e-pošti. Povejte, ali bi gredo "
                "prevzeli sami, z družino ali kot društvo, in ali bi pomagali pri skupnih "
                "delih.</p>"
            ),
            "season_start": "4",
            "season_end": "10",
        },
    ),
    Plan(
        community=STRAZISCE.slug,
        slug="medgeneracijski-klepet",
        title="Medgeneracijski klepet ob kavi",
        programme_type="intergenerational",
        summary=(
            "Dopoldanski klepet za vse generacije: ob kavi in čaju se pogovorimo o tem, kar nas "
            "zanima, in izmenjamo knjige."
        ),
        description="""
<p>Klepet je priložnost, da spoznamo sosede. Vsakič izberemo temo, ki jo predlagajo udeleženci,
od zgodovine Stražišča do zdravega staranja. Turistično društvo Stražišče rado pove kakšno
zgodbo iz kraja.</p>
<p>Na polici v prostoru je knjigobežnica: prinesite knjigo in odnesite drugo.</p>
""",
        organisers=["Turistično društvo Stražišče", "Svet KS Stražišče"],
        themes=["circular_economy"],
        audiences=["adults", "seniors", "intergenerational"],
        space="skupnostni-prostor",
        contact_name="Turistično društvo Stražišče",
        contact_email="td.strazisce@example.org",
        contact_phone="04 555 30 32",
        details={
            "age_groups": ["adults", "seniors"],
            "mentors": [
                {"name": "Tone Jeraj", "offers": "zgodbe o zgodovini Stražišča"},
            ],
        },
    ),
    Plan(
        community=STRAZISCE.slug,
        slug="vrtiljak-idej",
        title="Vrtiljak idej",
        programme_type="workshop",
        summary=(
            "Participativna delavnica, na kateri skupaj sestavimo program skupnostnega prostora "
            "za naslednje mesece. Za konec tombola z nagradami."
        ),
        description="""
<p>Po metodi vrtiljak v manjših skupinah krožimo med mizami. Na vsaki nas čaka eno vprašanje:
katere dejavnosti pogrešamo, kdo jih lahko ponudi, kdaj naj potekajo in kako o njih obvestimo
sosede.</p>
<p>Vabljena so tudi društva, ki bi prostor uporabljala za svoje vaje in srečanja.</p>
""",
        organisers=["Svet KS Stražišče", LUK, "Prostovoljno gasilsko društvo Stražišče"],
        themes=["spatial_planning"],
        audiences=["youth", "adults", "seniors"],
        space="skupnostni-prostor",
        contact_name="predsednik sveta KS Stražišče",
        contact_email=STRAZISCE.email,
        contact_phone=STRAZISCE.phone,
        details={
            "method": "carousel",
            "facilitator": "Ljudska univerza Kranj",
            "outcomes": (
                "<p>Prvi vrtiljak je dal program za pomlad: popravljalnica koles enkrat na "
                "mesec, pogovor o skupnostnem vrtu in dopoldanski klepeti ob kavi.</p>"
            ),
        },
    ),
    # --- The whole municipality -----------------------------------------------------------
    Plan(
        community=None,
        slug="delavnice-za-ugotavljanje-potreb",
        title="Delavnice za ugotavljanje potreb v KS",
        programme_type="workshop",
        summary=(
            "Ljudska univerza Kranj je v prvem tednu novembra 2017 na Golniku, Zlatem polju in "
            "v Stražišču po metodi vrtiljak ugotavljala, kakšen skupnostni prostor potrebujejo "
            "krajani."
        ),
        description="""
<p>Delavnice so bile prvi korak pilotnega projekta skupnostnih prostorov, ki ga Ljudska
univerza Kranj izvaja v okviru mentoriranja projekta Dovolj za vse. Na njih smo ugotavljali,
ali v posamezni skupnosti obstaja potreba po skupnostnem prostoru, kakšen naj bo, katere
vsebine že obstajajo in kdo bi pri tem sodeloval.</p>
<h2>Program</h2>
<ul>
<li>predstavitev pilotnega projekta skupnostnih prostorov in primerov dobrih praks,</li>
<li>nagovor predstavnika Mestne občine Kranj,</li>
<li>moderirani pogovor po metodi vrtiljak: ali potrebujemo skupnostni prostor, kaj naj ponuja
in kdo bi pri tem sodeloval,</li>
<li>tombola z nagradami.</li>
</ul>
<p>Delavnico bomo ponovili v vsaki KS, ki bi svoje prostore rada odprla za skupnost.</p>
""",
        organisers=[LUK, MOK, DOVOLJ_ZA_VSE],
        themes=["spatial_planning", "food", "circular_economy", "energy"],
        audiences=["youth", "adults", "seniors", "intergenerational"],
        status=ENDED,
        contact_name="koordinatorka skupnostnih prostorov, LUK",
        contact_email="luk@example.org",
        contact_phone="04 555 40 40",
        details={
            "method": "carousel",
            "facilitator": "Ljudska univerza Kranj",
            "outcomes": (
                "<p>Krajani vseh treh KS so potrdili, da skupnostne prostore potrebujejo. "
                "Največ predlogov je bilo za:</p>"
                "<ul><li><b>Golnik:</b> skupnostni vrt, popravljalnico in dopoldanska "
                "druženja,</li>"
                "<li><b>Zlato polje:</b> dvorano, odprto tudi popoldne in ob vikendih, in "
                "medgeneracijsko pomoč pri uporabi tehnologije,</li>"
                "<li><b>Stražišče:</b> skupnostni vrt, popravljalnico koles in prostor za "
                "društva.</li></ul>"
            ),
        },
        report=NEEDS_WORKSHOPS_REPORT,
    ),
]


def ensure_programmes(communities, progress):
    """The demo programmes; `communities` maps slug to KS page. Run after the stakeholders."""
    themes = {theme.key: theme for theme in Theme.objects.all()}
    audiences = {audience.key: audience for audience in Audience.objects.all()}
    for plan in PLANS:
        community = communities[plan.community] if plan.community else None
        ensure_programme(plan, community, themes, audiences, progress)


def ensure_programme(plan, community, themes, audiences, progress):
    label = f"{plan.title}  ({community.title if community else 'vsa občina'})"
    details = dict(plan.details)
    if plan.report is not None:
        details["report"] = report_document(plan.report, community, progress).pk
    if Programme.objects.of_community(community).filter(slug=plan.slug).exists():
        progress.found("programme", label)
        return
    programme = Programme(
        community=community,
        slug=plan.slug,
        title=plan.title,
        summary=plan.summary,
        description=plan.description.strip(),
        programme_type=plan.programme_type,
        details=details_json(plan.programme_type, details),
        space=SpacePage.objects.child_of(community).get(slug=plan.space) if plan.space else None,
        is_free=plan.is_free,
        price=plan.price,
        registration=plan.registration,
        registration_url=plan.registration_url,
        contact_name=plan.contact_name,
        contact_email=plan.contact_email,
        contact_phone=plan.contact_phone,
        status=plan.status,
    )
    programme.organisers.set(organisers(plan.organisers, community))
    programme.themes.set([themes[key] for key in plan.themes])
    programme.audiences.set([audiences[key] for key in plan.audiences])
    programme.full_clean()
    programme.save()
    programme.save_revision().publish()
    progress.add("programme", label)


def organisers(names, community):
    """The stakeholders named, each of the KS or else of the whole municipality."""
    found = []
    for name in names:
        stakeholder = (
            Stakeholder.objects.filter(name=name, community=community).first()
            or Stakeholder.objects.filter(name=name, community=None).get()
        )
        found.append(stakeholder)
    return found


def details_json(programme_type, data):
    """What the type's block stores for `data` (raw values, as an editor enters them),
    checked as the admin form checks it."""
    plugin = registry.get_registered(programme_type)
    value = plugin.block.to_python(data)
    plugin.block.clean(value)
    return plugin.get_prep_value(value)


def report_document(report, community, progress):
    """The report in the KS's collection; a municipality-wide one's in the root collection."""
    collection = community.collection if community else Collection.get_first_root_node()
    return ensure_document(
        collection,
        report.title,
        report.filename,
        lambda: odt_document(report.title, report.blocks),
        progress,
    )
