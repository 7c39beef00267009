"""The demo portal's content: the three pilot KS of Kranj, their spaces, events and news.

Pure data, read by `portal.demo.builder`. Text is Slovenian and follows the LUK report on
the pilot (see /work/shared/seed). Addresses, phone numbers and e-mails are illustrative:
e-mails use example.org, phones the unused 555 range, and the home page says so.

Dates come in two kinds. `On` is a fixed moment in the past (the needs workshops of
November 2017). `Upcoming` is a slot in the weeks after the day the command runs, so a
fresh demo never looks stale; it is resolved once, when the page is created.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

KRANJ = ZoneInfo("Europe/Ljubljana")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


# --- The shape of the content -----------------------------------------------------------


@dataclass(frozen=True)
class On:
    """A fixed date, optionally with wall-clock times in Kranj."""

    day: datetime.date
    start: datetime.time = datetime.time(0, 0)
    end: datetime.time | None = None

    def resolve(self, today):
        return _moment(self.day, self.start), _moment(self.day, self.end)


@dataclass(frozen=True)
class Upcoming:
    """A slot `week` weeks after the next Monday following `today`, on `weekday`.

    Anchoring on the next Monday keeps every slot in the future and on the intended
    weekday (a repair café on a Saturday morning), whatever day the command runs.
    """

    week: int
    weekday: int
    start: datetime.time = datetime.time(0, 0)
    end: datetime.time | None = None

    def resolve(self, today):
        next_monday = today + datetime.timedelta(days=7 - today.weekday())
        day = next_monday + datetime.timedelta(weeks=self.week, days=self.weekday)
        return _moment(day, self.start), _moment(day, self.end)


@dataclass(frozen=True)
class WeeksAgo:
    """A slot on `weekday` of the week `weeks` weeks before the one `today` is in: the first
    date of a series that is under way (a course with dates behind it and dates to come)."""

    weeks: int
    weekday: int
    start: datetime.time = datetime.time(0, 0)
    end: datetime.time | None = None

    def resolve(self, today):
        monday = today - datetime.timedelta(days=today.weekday())
        day = monday - datetime.timedelta(weeks=self.weeks) + datetime.timedelta(days=self.weekday)
        return _moment(day, self.start), _moment(day, self.end)


@dataclass(frozen=True)
class FirstInMonth:
    """The first `weekday` of the month after the one `today` is in (a repair café on the
    first Saturday)."""

    weekday: int
    start: datetime.time = datetime.time(0, 0)
    end: datetime.time | None = None

    def resolve(self, today):
        first = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
        day = first + datetime.timedelta(days=(self.weekday - first.weekday()) % 7)
        return _moment(day, self.start), _moment(day, self.end)


@dataclass(frozen=True)
class Repeat:
    """How an event repeats (`EventPage`'s repeat fields), and which of its dates, counted
    from 0, are left out, cancelled, or moved a day later."""

    frequency: str
    weekdays: str = ""
    monthly_by: str = "day"
    count: int | None = None
    left_out: tuple[int, ...] = ()
    cancelled: tuple[int, ...] = ()
    moved: tuple[int, ...] = ()


@dataclass(frozen=True)
class DaysAgo:
    """A news date a few days before the command runs."""

    days: int

    def resolve(self, today):
        return today - datetime.timedelta(days=self.days)


def _moment(day, time):
    if time is None:
        return None
    return datetime.datetime.combine(day, time, tzinfo=KRANJ)


def at(hour, minute=0):
    return datetime.time(hour, minute)


@dataclass(frozen=True)
class Text:
    """A plain page: title, lead text and a rich-text body."""

    slug: str
    title: str
    intro: str = ""
    body: str = ""


@dataclass(frozen=True)
class Space:
    slug: str
    title: str
    intro: str
    body: str
    address: str
    capacity: int | None = None
    contact_email: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class Event:
    """An event in a KS space (`space` is the space's slug) or at another `location`."""

    slug: str
    title: str
    intro: str
    body: str
    when: On | Upcoming | FirstInMonth | WeeksAgo
    space: str = ""
    location: str = ""
    all_day: bool = False
    repeat: Repeat | None = None
    # The slug of the KS programme whose date this is (`portal/demo/programmes.py`).
    programme: str = ""
    # Who organises it: a stakeholder's name, of the KS or else of the whole municipality
    # (`portal/demo/stakeholders.py`).
    organiser: str = ""
    # What it costs ("": free of charge), how to sign up (`EventPage.registration`) and
    # whom to ask.
    price: str = ""
    registration: str = "none"
    registration_url: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class Quote:
    """A quote block after a news item's text."""

    text: str
    attribution: str = ""


@dataclass(frozen=True)
class FloorPlan:
    """The floor plan image of one of the KS's spaces (by slug), as an image block."""

    space: str
    caption: str = ""


@dataclass(frozen=True)
class HouseRules:
    """The KS's house rules document, as a document block."""

    link_text: str = ""


@dataclass(frozen=True)
class News:
    """A news item: its `body` text first, then `blocks` (quotes, images, documents)."""

    slug: str
    title: str
    date: datetime.date | DaysAgo
    intro: str
    body: str
    blocks: tuple[Quote | FloorPlan | HouseRules, ...] = ()
    themes: tuple[str, ...] = ()  # keys of programmes.Theme
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Community:
    slug: str
    title: str
    intro: str
    body: str
    office_address: str
    email: str
    phone: str
    office_hours: str
    locative: str  # "na Golniku": where things happen, for generated lead texts
    spaces: list[Space] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    news: list[News] = field(default_factory=list)


# --- The municipality ---------------------------------------------------------------------

HOME = Text(
    slug="domov",
    title="Krajevne skupnosti Mestne občine Kranj",
    intro=(
        "Skupnostni prostori, dogodki in novice krajevnih skupnosti Golnik, Zlato polje in "
        "Stražišče na enem mestu. Poglejte, kaj se dogaja v vaši soseski, in se pridružite."
    ),
    body="""
<h2>Prostori krajevnih skupnosti za vse krajane</h2>
<p>Mestna občina Kranj in Ljudska univerza Kranj (LUK) v treh krajevnih skupnostih
preizkušata, kako premalo izkoriščene prostore KS spremeniti v skupnostne prostore srečevanja
in dejavnosti. Skupnostni prostor zaživi, če odgovarja na potrebe soseske in ga soustvarja čim
več domačinov: posamezniki, društva, šole, javni zavodi in podjetja.</p>
<p>Za vsako KS na portalu najdete opis skupnostnega prostora, koledar dogodkov in novice.
Vabljeni na popravljalnico, v skupnostni vrt, na medgeneracijska druženja, energetsko
svetovanje in delavnice, na katerih skupaj načrtujemo, kaj bodo prostori ponujali.</p>
<p>Imate idejo za dejavnost ali bi prostor radi uporabili za srečanje? Pišite predstavnikom
svoje krajevne skupnosti; kontakte najdete na straneh posamezne KS.</p>
<p>To je predstavitvena različica portala: naslovi, termini in kontaktni podatki so zgledni in
niso uradni podatki krajevnih skupnosti.</p>
""",
)

SITE_SETTINGS = {
    "organisation": "Mestna občina Kranj",
    "address": "Slovenski trg 1, 4000 Kranj",
    "email": "skupnostni.prostori@example.org",
    "phone": "04 555 00 00",
}

ABOUT = Text(
    slug="o-projektu",
    title="O projektu skupnostnih prostorov",
    intro=(
        "Mestna občina Kranj in Ljudska univerza Kranj v krajevnih skupnostih Golnik, Zlato "
        "polje in Stražišče premalo izkoriščene prostore KS spreminjata v skupnostne prostore "
        "srečevanja in dejavnosti."
    ),
    body="""
<h2>Zakaj skupnostni prostori</h2>
<p>Večina krajevnih skupnosti ima prostore v lasti ali najemu občine, ki so večji del tedna
prazni. Ljudska univerza Kranj (LUK), ki vodi medgeneracijski center na Hujah in povezuje mrežo
deležnikov iz javne, nevladne in gospodarske sfere, v njih vidi priložnost: uporabne prostore
srečevanja in dejavnosti v dobrobit prebivalcev in za višjo kakovost njihovega življenja.</p>
<p>Skupnostni prostor ima najboljše pogoje, da zaživi, če pri njegovem zagonu sodeluje najširši
nabor lokalnih deležnikov in če odgovarja na potrebe soseske. Zato prostorov ne urejamo za
krajane, ampak skupaj z njimi.</p>
<h2>Projekt Dovolj za vse</h2>
<p>Pilotni projekt je nastal v okviru mentoriranja projekta Dovolj za vse – Skupnostno
upravljanje z življenjskimi viri, ki lokalne skupnosti seznanja, usposablja in opolnomoča za
trajnostno upravljanje z viri v svojem okolju. Njegove teme so:</p>
<ul>
<li>trajnostno urejanje prostora in trajnostna mobilnost,</li>
<li>samooskrba s hrano in ekološko kmetijstvo,</li>
<li>lokalno krožno gospodarstvo in trajnostna potrošnja,</li>
<li>učinkovita raba energije in oskrba z energijo iz lokalnih obnovljivih virov.</li>
</ul>
<p>Pri delu se opiramo na Priročnik za izvajanje skupnostnih projektov in Priročnik za
ureditev skupnostnega prostora, objavljena na spletni strani
<a href="http://dovoljzavse.si/">Dovolj za vse</a>.</p>
<h2>Zakaj Golnik, Zlato polje in Stražišče</h2>
<p>LUK je tri krajevne skupnosti izbrala glede na poznavanje stanja, obstoječo infrastrukturo
in potencial ter pripravljenost deležnikov, ki lahko pomembno prispevajo k zagonu in delovanju
prostora. Analiza stanja je pokazala, da večjih ovir ni: prostori so na voljo, KS so
zainteresirane, za začetek pa niso potrebni večji finančni vložki.</p>
<h2>Koraki</h2>
<ol>
<li><b>Analiza stanja in deležniki.</b> Ugotovili smo, kdo v vsaki KS že deluje in kdo bi
lahko sodeloval: društva, šole, javni zavodi, podjetja in posamezniki.</li>
<li><b>Obveščanje.</b> Koncept skupnostnega prostora in njegove koristi smo predstavili v
lokalnem časopisu, ki doseže vsa gospodinjstva, z letaki v KS in po vseh kanalih LUK.</li>
<li><b>Delavnice za ugotavljanje potreb.</b> V prvem tednu novembra 2017 smo v vsaki KS
pripravili delavnico: predstavitev namena in dobrih praks, zagotovilo občine, da podpira take
dejavnosti v svojih prostorih, moderirani pogovor po metodi vrtiljak in za konec tombolo
z nagradami.</li>
<li><b>Načrtovanje z deležniki.</b> S tistimi, ki so na delavnicah izrazili interes,
načrtujemo ureditev prostora, programe in vsebine, finance, dogovore o uporabi in obveščanje,
s katerim pridobimo uporabnike.</li>
<li><b>Delovanje.</b> Prostor živi, ko ga uporablja in zanj skrbi čim več domačinov. Program
sproti dopolnjujemo s predlogi krajanov.</li>
</ol>
<h2>Kako poteka vrtiljak</h2>
<p>Udeleženci se razdelijo v manjše skupine, ki krožijo med mizami. Na vsaki mizi je eno
vprašanje, na primer kaj v soseski pogrešamo ali kdo bi lahko kaj ponudil. Vsaka skupina
dopolni zapise prejšnje, moderator pa na koncu povzame, kar se je nabralo. Tako pride do
besede vsak, tudi kdor na zborih krajanov običajno ne govori.</p>
""",
)

PRIVACY = Text(
    slug="varstvo-osebnih-podatkov",
    title="Varstvo osebnih podatkov",
    intro=(
        "Kako Mestna občina Kranj na portalu krajevnih skupnosti obdeluje osebne podatke in "
        "kakšne pravice imate."
    ),
    body="""
<h2>Upravljavec</h2>
<p>Upravljavec osebnih podatkov je Mestna občina Kranj, Slovenski trg 1, 4000 Kranj. Na
pooblaščeno osebo za varstvo osebnih podatkov se lahko obrnete na e-naslov
varstvo.podatkov@example.org.</p>
<h2>Katere podatke obdelujemo</h2>
<ul>
<li><b>Obiskovalci portala:</b> strežnik zaradi varnosti za omejen čas beleži IP-naslov, čas
obiska in obiskano stran.</li>
<li><b>Prošnje za uporabo prostora in prijave na dogodke:</b> ime in priimek, e-naslov,
telefon in namen uporabe, ki jih vpišete sami.</li>
<li><b>Uredniki:</b> uporabniško ime, ime in priimek ter e-naslov predstavnikov krajevnih
skupnosti in občine, ki urejajo vsebine.</li>
</ul>
<h2>Namen in pravna podlaga</h2>
<p>Podatke obdelujemo za obveščanje o dejavnostih krajevnih skupnosti, za obravnavo prošenj
za uporabo skupnostnih prostorov in za varno delovanje portala. Pravna podlaga so naloge
občine v javnem interesu in njene zakonske obveznosti ter vaša privolitev, kadar jo izrecno
podate (Splošna uredba o varstvu podatkov in Zakon o varstvu osebnih podatkov, ZVOP-2).</p>
<h2>Hramba</h2>
<p>Podatke iz prošenj hranimo eno leto po dogodku, dnevnike strežnika največ 30 dni, podatke
urednikov pa, dokler imajo uredniške pravice.</p>
<h2>Piškotki</h2>
<p>Javni del portala ne uporablja piškotkov za sledenje ali oglaševanje. Nujni piškotki se
nastavijo le ob prijavi v urejanje in ob oddaji obrazcev, da preprečimo zlorabe.</p>
<h2>Vaše pravice</h2>
<p>Imate pravico do dostopa do svojih podatkov, do popravka, izbrisa in omejitve obdelave, do
ugovora ter do preklica privolitve. Zahtevo pošljite na zgornji e-naslov. Če menite, da
podatke obdelujemo nezakonito, se lahko pritožite pri Informacijskem pooblaščencu.</p>
""",
)

ACCESSIBILITY = Text(
    slug="izjava-o-dostopnosti",
    title="Izjava o dostopnosti",
    intro=(
        "Mestna občina Kranj si prizadeva, da bi bil portal krajevnih skupnosti dostopen vsem, "
        "tudi ljudem z invalidnostmi, v skladu z Zakonom o dostopnosti spletišč in mobilnih "
        "aplikacij (ZDSMA)."
    ),
    body="""
<h2>Stopnja skladnosti</h2>
<p>Portal je delno skladen s standardom SIST EN 301 549 oziroma s smernicami WCAG 2.1 na ravni
AA. Neskladnosti so navedene spodaj. Izjava je pripravljena na podlagi samoocene.</p>
<h2>Nedostopne vsebine</h2>
<ul>
<li>Nekateri dokumenti PDF, ki jih objavijo krajevne skupnosti, niso pripravljeni kot dostopni
dokumenti. Na zahtevo vam jih pošljemo v dostopni obliki.</li>
<li>Fotografije z dogodkov imajo lahko pomanjkljive opise. Sproti jih dopolnjujemo.</li>
</ul>
<h2>Kako je portal narejen</h2>
<p>Strani delujejo brez JavaScripta, besedilo lahko povečate do 200 % brez izgube vsebine, vse
funkcije so dosegljive s tipkovnico, besedila imajo zadosten kontrast, obrazci pa opisna polja
in jasna sporočila o napakah. Vsako vrsto javne strani ob vsaki spremembi samodejno
preverimo tudi po novejših smernicah WCAG 2.2 na ravni AA (velikost ciljev za dotik,
fokus, ki ga nič ne zakrije), na zaslonu računalnika in na 320 px širokem zaslonu
telefona.</p>
<h2>Povratne informacije in kontakt</h2>
<p>Če naletite na vsebino, ki vam ni dostopna, nam pišite na dostopnost@example.org ali
pokličite 04 555 00 00. Odgovorili vam bomo v osmih dneh in vam vsebino posredovali v obliki,
ki vam ustreza.</p>
<h2>Izvršba</h2>
<p>Če z odgovorom niste zadovoljni, se lahko obrnete na Inšpektorat za informacijsko družbo,
ki nadzira izvajanje ZDSMA.</p>
""",
)

MUNICIPAL_CALENDAR = Text(
    slug="dogodki",
    title="Dogodki v vseh KS",
    intro=(
        "Delavnice, popravljalnice, srečanja in svetovanja v skupnostnih prostorih vseh "
        "krajevnih skupnosti na enem mestu."
    ),
)

MUNICIPAL_NEWS_INDEX = Text(
    slug="novice",
    title="Novice iz vseh KS",
    intro="Novice Mestne občine Kranj o skupnostnih prostorih in novice vseh krajevnih skupnosti.",
)

LUK = "Ljudska univerza Kranj, Cesta Staneta Žagarja 1, 4000 Kranj"

MUNICIPAL_EVENTS = [
    Event(
        slug="srecanje-deleznikov",
        title="Srečanje deležnikov skupnostnih prostorov",
        intro=(
            "Predstavniki krajevnih skupnosti, društev, podjetij in javnih zavodov iz vseh treh "
            "KS izmenjajo izkušnje in skupaj načrtujejo naslednjo sezono skupnostnih prostorov."
        ),
        body="""
<p>Ljudska univerza Kranj in Mestna občina Kranj vabita vse deležnike, ki sodelujejo pri
skupnostnih prostorih na Golniku, Zlatem polju in v Stražišču, ali bi to radi začeli.</p>
<h2>Program</h2>
<ul>
<li>kratka poročila iz vseh treh KS: kaj deluje in kje se zatika,</li>
<li>financiranje programov in dogovori o uporabi prostorov,</li>
<li>skupno obveščanje, s katerim pridobimo nove uporabnike,</li>
<li>druženje ob prigrizku iz skupnostnega vrta.</li>
</ul>
<p>Prosimo, da udeležbo sporočite na e-naslov skupnostni.prostori@example.org.</p>
""",
        when=Upcoming(week=2, weekday=WED, start=at(17), end=at(19)),
        location=LUK,
        organiser="Ljudska univerza Kranj",
        registration="contact",
        contact_name="koordinatorka skupnostnih prostorov",
        contact_email="skupnostni.prostori@example.org",
        contact_phone="04 555 40 40",
    ),
    Event(
        slug="dan-skupnostnih-prostorov",
        title="Dan skupnostnih prostorov",
        intro=(
            "Vsi trije skupnostni prostori bodo ves dan odprti: predstavitve programov, "
            "popravljalnica, ogled skupnostnega vrta in tombola za konec."
        ),
        body="""
<p>Pridite pogledat, kaj se dogaja v skupnostnih prostorih krajevnih skupnosti. Predstavili se
bodo društva in posamezniki, ki v prostorih pripravljajo programe, in povedali, kako se jim
lahko pridružite.</p>
<ul>
<li><b>Golnik:</b> popravljalnica in ogled skupnostnega vrta,</li>
<li><b>Zlato polje:</b> medgeneracijska delavnica in predstavitev programa dvorane,</li>
<li><b>Stražišče:</b> popravljalnica koles in vrtiljak idej.</li>
</ul>
<p>Podroben urnik bo objavljen na straneh posameznih KS.</p>
""",
        when=Upcoming(week=4, weekday=SAT),
        all_day=True,
        # Three places at once, one `Place` each in its structured data.
        location=(
            "Skupnostni prostor KS Golnik, Golnik 40, 4204 Golnik; "
            "Dvorana KS Zlato polje, Gradnikova ulica 1, 4000 Kranj; "
            "Skupnostni prostor KS Stražišče, Škofjeloška cesta 20, 4000 Kranj"
        ),
        organiser="Mestna občina Kranj",
        contact_email="skupnostni.prostori@example.org",
    ),
]

MUNICIPAL_NEWS = [
    News(
        slug="luk-v-mentoriranju-dovolj-za-vse",
        title="Ljudska univerza Kranj med izbranimi za mentoriranje projekta Dovolj za vse",
        themes=("spatial_planning", "food", "circular_economy", "energy"),
        tags=("Dovolj za vse", "LUK"),
        date=datetime.date(2017, 9, 20),
        intro=(
            "Projekt Dovolj za vse je izbral šest prijaviteljev za mentoriranje skupnostnih "
            "projektov. Med njimi je Ljudska univerza Kranj s skupnostnimi prostori v "
            "krajevnih skupnostih."
        ),
        body="""
<p>Mentoriranje je namenjeno večji usposobljenosti in spodbujanju konkretnih projektov
skupnostnega upravljanja na področjih trajnostnega urejanja prostora, samooskrbe s hrano,
lokalnega krožnega gospodarstva in učinkovite rabe energije.</p>
<p>LUK ima bogate izkušnje z vodenjem medgeneracijskega centra na Hujah in koordinira mrežo
deležnikov iz javne, nevladne in gospodarske sfere. Ne dovolj izkoriščene prostore KS vidi kot
priložnost za prostore srečevanja in dejavnosti. Za pilotni projekt je izbrala krajevne
skupnosti Golnik, Zlato polje in Stražišče.</p>
""",
    ),
    News(
        slug="predstavitev-pilotnega-projekta",
        title="Prostori krajevnih skupnosti bodo postali skupnostni prostori",
        themes=("spatial_planning",),
        tags=("skupnostni prostor", "Dovolj za vse"),
        date=datetime.date(2017, 10, 13),
        intro=(
            "V Kranjčanu, ki ga prejmejo vsa gospodinjstva v občini, smo predstavili pilotni "
            "projekt skupnostnih prostorov v KS Golnik, Zlato polje in Stražišče."
        ),
        body="""
<p>Prostori krajevnih skupnosti so večji del tedna prazni. Mestna občina Kranj in Ljudska
univerza Kranj jih želita odpreti za vse: kot prostor, kjer se srečujejo sosedje, društva
pripravljajo vaje in predavanja, starejši in mladi pa se učijo drug od drugega.</p>
<h2>Kaj je skupnostni prostor</h2>
<p>Skupnostni prostor je prostor v soseski, ki ga soustvarjajo in zanj skrbijo njeni
prebivalci. Kaj se v njem dogaja, ne odloči občina, ampak ljudje, ki ga bodo uporabljali:
lahko je popravljalnica, skupnostni vrt, prostor za medgeneracijska druženja ali energetsko
svetovanje.</p>
<h2>Kako bomo začeli</h2>
<p>V prvem tednu novembra bo LUK v vsaki od treh KS pripravila delavnico za ugotavljanje
potreb. Vabljeni krajani, društva, podjetja in javni zavodi: vsi, ki bi prostor uporabljali
ali v njem kaj ponudili. Za konec vsake delavnice bo tombola z nagradami.</p>
<p>Projekt poteka v okviru mentoriranja projekta Dovolj za vse, ki podpira skupnostno
upravljanje z življenjskimi viri.</p>
""",
    ),
    News(
        slug="po-delavnicah-v-treh-ks",
        title="Po delavnicah v treh KS: potrebe so, ideje tudi",
        themes=("food", "circular_economy"),
        tags=("delavnica", "skupnostni prostor"),
        blocks=(
            Quote(
                "Prostor bo živel le, če ga bodo soustvarjali ljudje, ki ga potrebujejo.",
                "Ljudska univerza Kranj",
            ),
        ),
        date=datetime.date(2017, 11, 14),
        intro=(
            "Na delavnicah za ugotavljanje potreb na Golniku, Zlatem polju in v Stražišču so "
            "krajani potrdili, da skupnostne prostore potrebujejo, in povedali, kaj naj se v "
            "njih dogaja."
        ),
        body="""
<p>V prvem tednu novembra je Ljudska univerza Kranj pripravila tri delavnice. Na vsaki so
predstavniki Mestne občine Kranj zagotovili podporo dejavnostim v prostorih KS, LUK je
predstavila primere dobrih praks, v moderiranem delu po metodi vrtiljak pa so udeleženci
odgovarjali na vprašanja, kakšen prostor potrebujejo, katere vsebine že obstajajo in kdo bi
lahko sodeloval.</p>
<h2>Kaj smo slišali</h2>
<ul>
<li><b>Golnik:</b> skupnostni vrt, popravljalnica in dopoldanska druženja.</li>
<li><b>Zlato polje:</b> dvorana, odprta tudi popoldne in ob vikendih, medgeneracijska pomoč
pri uporabi tehnologije in prostor za učenje.</li>
<li><b>Stražišče:</b> skupnostni vrt, popravljalnica koles in prostor za društva.</li>
</ul>
<h2>Kaj sledi</h2>
<p>Z deležniki, ki so izrazili interes, bomo v vsaki KS načrtovali ureditev prostora,
programe, finance in dogovore o uporabi ter pripravili obveščanje, s katerim bomo pridobili
uporabnike.</p>
""",
    ),
    News(
        slug="nov-portal-krajevnih-skupnosti",
        title="Dogodki in novice vseh treh KS na enem mestu",
        tags=("portal",),
        date=DaysAgo(2),
        intro=(
            "Na novem portalu najdete opise skupnostnih prostorov, koledarje dogodkov in novice "
            "krajevnih skupnosti Golnik, Zlato polje in Stražišče."
        ),
        body="""
<p>Vsaka krajevna skupnost svoj del portala ureja sama: predstavniki KS objavljajo dogodke,
novice in podatke o prostorih, občina pa skrbi za skupne vsebine. Dogodke vseh KS zbira skupni
koledar, novice pa skupni seznam novic.</p>
<p>Portal bomo dopolnjevali z vašimi predlogi. Kaj pogrešate? Pišite na
skupnostni.prostori@example.org.</p>
""",
    ),
]


# --- The three pilot KS ---------------------------------------------------------------------

GOLNIK_ADDRESS = "Golnik 40, 4204 Golnik"
ZLATO_POLJE_ADDRESS = "Gradnikova ulica 1, 4000 Kranj"
STRAZISCE_ADDRESS = "Škofjeloška cesta 20, 4000 Kranj"

WORKSHOP_PROGRAMME = """
<h2>Program</h2>
<ul>
<li>predstavitev pilotnega projekta skupnostnih prostorov in primerov dobrih praks,</li>
<li>nagovor predstavnika Mestne občine Kranj,</li>
<li>moderirani pogovor po metodi vrtiljak: ali potrebujemo skupnostni prostor, kaj naj ponuja
in kdo bi pri tem sodeloval,</li>
<li>tombola z nagradami.</li>
</ul>
<p>Udeležba je brezplačna, prijava ni potrebna.</p>
"""

REPAIR_CAFE = """
<p>Na popravljalnici prostovoljci z izkušnjami z elektriko, kolesi in šivanjem pomagajo
popraviti stvari, ki bi sicer končale med odpadki. Ne popravljamo namesto vas, ampak z vami,
tako da se vsakič kaj naučimo.</p>
<ul>
<li>Prinesite predmet in, če jih imate, tudi navodila ali rezervne dele.</li>
<li>Vsak obiskovalec prinese največ dva predmeta, da pridejo na vrsto vsi.</li>
<li>Popravljalnica je brezplačna, prostovoljni prispevki gredo za orodje.</li>
</ul>
"""

HOUSE_RULES = """
<h2>Hišni red</h2>
<p>Prostor po uporabi pospravimo in prezračimo, odpadke ločujemo, ob odhodu ugasnemo luči in
zaklenemo. Ključ prevzamete in vrnete po dogovoru s predstavnikom KS.</p>
"""

GOLNIK = Community(
    slug="golnik",
    title="KS Golnik",
    intro=(
        "Golnik pod Kriško goro ima v prostorih krajevne skupnosti skupnostni prostor, kjer se "
        "srečujejo krajani vseh generacij, društva in vsi, ki imajo idejo za skupno dejavnost."
    ),
    body="""
<p>Krajevna skupnost Golnik je ena od treh krajevnih skupnosti, v katerih Mestna občina Kranj in
Ljudska univerza Kranj (LUK) preizkušata, kako prostore KS, ki so večji del tedna prazni, odpreti
za vso skupnost.</p>
<h2>Kaj se dogaja</h2>
<ul>
<li>popravljalnica, kjer skupaj popravimo mali gospodinjski aparat, kolo ali oblačilo,</li>
<li>skupnostni vrt za stavbo krajevne skupnosti,</li>
<li>dopoldanska medgeneracijska druženja,</li>
<li>energetsko svetovanje za gospodinjstva.</li>
</ul>
<h2>Pridružite se</h2>
<p>Program pripravljamo skupaj s krajani in deležniki, ki so se nam pridružili na delavnici za
ugotavljanje potreb novembra 2017. Če imate znanje, ki bi ga delili, ali potrebujete prostor za
srečanje, se oglasite v uradnih urah ali nam pišite.</p>
""",
    office_address=GOLNIK_ADDRESS,
    email="ks.golnik@example.org",
    phone="04 555 10 10",
    office_hours="Torek 17.00–19.00",
    locative="na Golniku",
    spaces=[
        Space(
            slug="skupnostni-prostor",
            title="Skupnostni prostor KS Golnik",
            intro=(
                "Velika soba v pritličju doma krajevne skupnosti z mizami za delavnice, čajno "
                "kuhinjo in projektorjem."
            ),
            body="""
<p>Skupnostni prostor je velika soba v pritličju doma krajevne skupnosti. Mize in stole lahko
razporedimo za delo v skupinah, v čajni kuhinji sta hladilnik in kuhalnik za vodo. V prostoru se
srečujejo popravljalnica, vrtičkarji in društva, dopoldne pa medgeneracijska druženja.</p>
"""
            + HOUSE_RULES,
            address=GOLNIK_ADDRESS,
            capacity=40,
            contact_email="ks.golnik@example.org",
            contact_phone="04 555 10 10",
        ),
        Space(
            slug="skupnostni-vrt",
            title="Skupnostni vrt Golnik",
            intro=(
                "Visoke grede za stavbo krajevne skupnosti, ki jih skupaj obdelujejo krajani "
                "vseh generacij."
            ),
            body="""
<p>Skupnostni vrt je nastal na pobudo krajanov z delavnice za ugotavljanje potreb. Ima dvanajst
visokih gred, kompostnik in zbiralnik za deževnico.</p>
<p>Gredo lahko za eno sezono prevzame posameznik, družina ali društvo. Orodje je v lopi ob vrtu,
ključ pa v prostorih KS.</p>
<h2>Pravila vrta</h2>
<ul>
<li>vrtnarimo ekološko, brez umetnih gnojil in kemičnih škropiv,</li>
<li>pridelka ne prodajamo, viške delimo,</li>
<li>za skupne površine skrbimo izmenično, po dogovoru na srečanjih vrtičkarjev.</li>
</ul>
""",
            address=GOLNIK_ADDRESS,
            contact_email="ks.golnik@example.org",
        ),
    ],
    events=[
        Event(
            slug="delavnica-za-ugotavljanje-potreb-2017",
            title="Delavnica za ugotavljanje potreb: skupnostni prostor na Golniku",
            intro=(
                "Kakšen skupnostni prostor potrebujemo na Golniku, kaj bi v njem počeli in kdo "
                "bi pri tem sodeloval? Delavnico vodi Ljudska univerza Kranj, na koncu bo "
                "tombola z nagradami."
            ),
            body="""
<p>Ljudska univerza Kranj v okviru mentoriranja projekta Dovolj za vse vabi krajane, društva,
podjetja in javne zavode z Golnika na delavnico o prihodnosti prostorov krajevne skupnosti.</p>
"""
            + WORKSHOP_PROGRAMME,
            when=On(datetime.date(2017, 11, 6), at(17), at(19)),
            space="skupnostni-prostor",
            organiser="Ljudska univerza Kranj",
        ),
        Event(
            slug="popravljalnica",
            programme="popravljalnica",
            title="Popravljalnica na Golniku",
            intro=(
                "Prinesite pokvarjen opekač, svetilko, kolo ali raztrgano oblačilo. Skupaj ga "
                "bomo poskusili popraviti, namesto da bi ga zavrgli."
            ),
            body=REPAIR_CAFE,
            when=FirstInMonth(SAT, start=at(9), end=at(12)),
            space="skupnostni-prostor",
            repeat=Repeat("MONTHLY", monthly_by="weekday", cancelled=(2,)),
            organiser="Društvo upokojencev Golnik",
        ),
        Event(
            slug="srecanje-vrtickarjev",
            programme="skupnostni-vrt",
            title="Srečanje vrtičkarjev skupnostnega vrta",
            intro=(
                "Dogovorimo se o setvi, zalivanju in skupnih delovnih akcijah na skupnostnem "
                "vrtu. Vabljeni tudi novi vrtičkarji."
            ),
            body="""
<p>Na srečanju razdelimo proste grede, pripravimo razpored zalivanja in se dogovorimo za
delovno akcijo. Izkušeni vrtičkarji bodo povedali, kako pripraviti kompost in kako vrtnariti
brez škropiv.</p>
<p>Če bo deževalo, se dobimo v skupnostnem prostoru KS.</p>
""",
            when=Upcoming(week=1, weekday=THU, start=at(17), end=at(18, 30)),
            space="skupnostni-vrt",
            organiser="Vrtičkarji skupnostnega vrta Golnik",
        ),
        Event(
            slug="energetsko-svetovanje",
            programme="energetsko-svetovanje",
            title="Energetsko svetovanje za gospodinjstva",
            intro=(
                "Kako zmanjšati račune za ogrevanje in elektriko? Energetski svetovalec "
                "odgovarja na vprašanja o izolaciji, oknih, toplotnih črpalkah in sončnih "
                "elektrarnah."
            ),
            body="""
<p>Svetovanje je namenjeno lastnikom hiš in stanovanj, ki razmišljajo o obnovi ali o lastni
sončni elektrarni. Prinesite račune za energijo za zadnje leto in, če jih imate, načrte hiše,
da bo nasvet čim bolj konkreten.</p>
<p>Svetovanje je brezplačno. Pogovor traja približno 20 minut; termin rezervirajte po e-pošti
krajevne skupnosti.</p>
""",
            when=Upcoming(week=2, weekday=TUE, start=at(16), end=at(18)),
            space="skupnostni-prostor",
            repeat=Repeat("MONTHLY", count=6),
            organiser="Svet KS Golnik",
            registration="contact",
            contact_name="tajnica KS Golnik",
            contact_email="ks.golnik@example.org",
            contact_phone="04 555 10 10",
        ),
        Event(
            slug="medgeneracijsko-druzenje",
            programme="medgeneracijsko-druzenje",
            title="Medgeneracijsko druženje: igre in pogovor",
            intro=(
                "Dopoldne za starejše krajane, starše na starševskem dopustu in vse, ki bi se "
                "radi družili ob družabnih igrah, kavi in pogovoru."
            ),
            body="""
<p>Medgeneracijska druženja pripravljamo po zgledu medgeneracijskega centra na Hujah, ki ga
vodi Ljudska univerza Kranj. Igramo družabne igre, se pogovarjamo o tem, kar nas zanima, in
skupaj načrtujemo naslednja srečanja.</p>
<p>Kdor želi, lahko prinese svojo najljubšo igro ali pecivo.</p>
""",
            when=Upcoming(week=3, weekday=WED, start=at(10), end=at(12)),
            space="skupnostni-prostor",
            organiser="Društvo upokojencev Golnik",
        ),
    ],
    news=[
        News(
            slug="vabilo-na-delavnico-2017",
            title="Vabilo na delavnico: kakšen skupnostni prostor potrebujemo na Golniku?",
            themes=("spatial_planning",),
            tags=("delavnica", "skupnostni prostor"),
            date=datetime.date(2017, 10, 25),
            intro=(
                "V ponedeljek, 6. novembra 2017, ob 17. uri vas vabimo v prostore KS Golnik na "
                "delavnico za ugotavljanje potreb. Za konec bo tombola z nagradami."
            ),
            body="""
<p>Prostori krajevne skupnosti so večji del tedna prazni. Ljudska univerza Kranj in Mestna
občina Kranj želita, da postanejo skupnostni prostor: prostor srečevanja in dejavnosti, ki jih
soustvarjajo krajani sami.</p>
<p>Na delavnici bomo skupaj ugotavljali:</p>
<ul>
<li>ali na Golniku potrebujemo skupnostni prostor in kakšen naj bo,</li>
<li>katere vsebine že obstajajo in katere pogrešamo,</li>
<li>kdo bi jih lahko ponudil in kdo bi pri tem sodeloval.</li>
</ul>
<p>Vabljeni posamezniki, društva, podjetja in javni zavodi z Golnika. Delavnica bo potekala po
metodi vrtiljak, tako da bo vsak lahko povedal svoje.</p>
""",
        ),
        News(
            slug="porocilo-z-delavnice-2017",
            title="Z delavnice na Golniku: vrt, popravljalnica in prostor za druženje",
            themes=("food", "circular_economy", "energy"),
            tags=("delavnica", "skupnostni vrt", "popravljalnica"),
            blocks=(
                Quote(
                    "Prostor, ki je bil večino tedna zaklenjen, bo končno naš.",
                    "Krajanka z Golnika na delavnici",
                ),
            ),
            date=datetime.date(2017, 11, 9),
            intro=(
                "Na delavnici za ugotavljanje potreb so krajani Golnika v krogih vrtiljaka "
                "zbrali predloge za skupnostni prostor. Največ jih je želelo skupnostni vrt in "
                "popravljalnico."
            ),
            body="""
<p>V ponedeljek zvečer se je v prostorih KS Golnik zbralo lepo število krajanov, predstavnikov
društev in domačih podjetnikov. Po predstavitvi projekta in dobrih praks iz drugih krajev je
predstavnik Mestne občine Kranj zagotovil, da občina podpira odpiranje prostorov KS za
skupnostne dejavnosti.</p>
<p>V moderiranem delu smo se razdelili v skupine in po metodi vrtiljak krožili med vprašanji.
Največ predlogov je bilo za:</p>
<ul>
<li>skupnostni vrt za stavbo KS,</li>
<li>popravljalnico za male gospodinjske aparate in kolesa,</li>
<li>dopoldanska druženja za starejše in mlade družine,</li>
<li>svetovanje o varčevanju z energijo.</li>
</ul>
<p>Večer se je končal s tombolo. Vse, ki so izrazili interes za sodelovanje, bomo povabili na
srečanje, na katerem bomo začeli načrtovati ureditev prostora in program.</p>
""",
        ),
        News(
            slug="popravljalnica-isce-prostovoljce",
            title="Popravljalnica na Golniku išče prostovoljce",
            themes=("circular_economy",),
            tags=("popravljalnica", "prostovoljstvo"),
            blocks=(
                Quote(
                    "Ni lepšega kot videti, da stari opekač spet dela.",
                    "Prostovoljec popravljalnice",
                ),
                FloorPlan(
                    "skupnostni-prostor",
                    "Popravljalnica dela za mizami ob oknu skupnostnega prostora.",
                ),
                HouseRules("Hišni red skupnostnega prostora (za prostovoljce)"),
            ),
            date=DaysAgo(6),
            intro=(
                "Znate popraviti električni aparat ali kolo ali zašiti raztrgan šiv? Pridružite "
                "se ekipi prostovoljcev na popravljalnici na Golniku."
            ),
            body="""
<p>Popravljalnica na Golniku deluje v skupnostnem prostoru KS. Obiskovalcev je vsakič več, zato
iščemo prostovoljce, ki bi svoje znanje delili s sokrajani: za eno soboto dopoldne ali redno.</p>
<p>Izkušnje z elektriko, kolesi, šivanjem ali lesom so dobrodošle, najpomembnejša pa je volja do
dela z ljudmi. Pišite na e-naslov KS ali se oglasite v uradnih urah.</p>
""",
        ),
    ],
)

ZLATO_POLJE = Community(
    slug="zlato-polje",
    title="KS Zlato polje",
    intro=(
        "Zlato polje je mestna soseska z bloki, šolami in zelenicami. Dvorana krajevne skupnosti "
        "postaja skupnostni prostor za vse, ki tu živijo."
    ),
    body="""
<p>Na Zlatem polju živi veliko starejših, pa tudi mladih družin, vsak dan pa sosesko prečkajo
učenci in dijaki na poti v šolo. Dvorana KS je bila doslej namenjena predvsem sejam sveta KS in
občasnim prireditvam, zdaj pa se odpira za dejavnosti, ki jih predlagajo krajani.</p>
<h2>Kaj se dogaja</h2>
<ul>
<li>medgeneracijska srečanja, na katerih se učimo drug od drugega,</li>
<li>popravljalnica,</li>
<li>energetsko svetovanje za stanovalce blokov,</li>
<li>delavnice, na katerih skupaj načrtujemo program skupnostnega prostora.</li>
</ul>
<h2>Pridružite se</h2>
<p>Program pripravljamo skupaj s krajani in deležniki. Predloge zbiramo v uradnih urah KS, po
e-pošti in na delavnicah.</p>
""",
    office_address=ZLATO_POLJE_ADDRESS,
    email="ks.zlatopolje@example.org",
    phone="04 555 20 20",
    office_hours="Sreda 17.00–18.30",
    locative="na Zlatem polju",
    spaces=[
        Space(
            slug="dvorana",
            title="Dvorana KS Zlato polje",
            intro=(
                "Svetla dvorana v pritličju z mizami za delavnice, ozvočenjem in kuhinjo, "
                "primerna za srečanja, predavanja in vaje."
            ),
            body="""
<p>Dvorana sprejme do 60 sedečih obiskovalcev ali 30 udeležencev delavnice za mizami, manjša
sejna soba pa je primerna za sestanke hišnih svetov in društev. Uporabljajo jo medgeneracijska
srečanja, popravljalnica in delavnice, na katerih načrtujemo program.</p>
"""
            + HOUSE_RULES,
            address=ZLATO_POLJE_ADDRESS,
            capacity=60,
            contact_email="ks.zlatopolje@example.org",
            contact_phone="04 555 20 20",
        ),
    ],
    events=[
        Event(
            slug="delavnica-za-ugotavljanje-potreb-2017",
            title="Delavnica za ugotavljanje potreb: skupnostni prostor na Zlatem polju",
            intro=(
                "Kaj pogrešamo v soseski in kaj bi lahko ponujala dvorana KS? Delavnico vodi "
                "Ljudska univerza Kranj, na koncu bo tombola z nagradami."
            ),
            body="""
<p>Ljudska univerza Kranj v okviru mentoriranja projekta Dovolj za vse vabi stanovalce, društva,
šole, podjetja in javne zavode z Zlatega polja na delavnico o tem, kako bi dvorano KS odprli za
vso sosesko.</p>
"""
            + WORKSHOP_PROGRAMME,
            when=On(datetime.date(2017, 11, 7), at(17), at(19)),
            space="dvorana",
            organiser="Ljudska univerza Kranj",
        ),
        Event(
            slug="medgeneracijsko-srecanje",
            programme="medgeneracijska-srecanja",
            title="Medgeneracijsko srečanje: učimo se drug od drugega",
            intro=(
                "Dijaki pokažejo, kako uporabljati pametni telefon in spletno banko, starejši pa "
                "naučijo pletenja, kvačkanja in kuhanja marmelade."
            ),
            body="""
<p>Na medgeneracijskih srečanjih vsak nekaj zna in vsak se nekaj nauči. Sedemo za mize v parih
ali majhnih skupinah: mlajši pomagajo pri telefonih, računalnikih in spletnih storitvah,
starejši pa delijo znanje ročnih del, kuhanja in vrtnarjenja.</p>
<p>Prinesite svoj telefon ali ročno delo. Srečanje je brezplačno.</p>
""",
            when=Upcoming(week=0, weekday=WED, start=at(18), end=at(20)),
            space="dvorana",
            repeat=Repeat("WEEKLY", weekdays="WE", left_out=(3,)),
            organiser="Društvo upokojencev Zlato polje",
        ),
        Event(
            slug="participativna-delavnica",
            programme="participativna-delavnica",
            title="Participativna delavnica: program skupnostnega prostora",
            intro=(
                "Skupaj določimo, kaj bo dvorana KS ponujala v naslednji sezoni. Delamo po "
                "metodi vrtiljak, za konec bo tombola."
            ),
            body="""
<p>Na delavnici nadaljujemo delo, ki smo ga začeli na delavnici za ugotavljanje potreb. V štirih
krogih vrtiljaka bomo odgovarjali na vprašanja:</p>
<ul>
<li>katere programe in vsebine naj dvorana ponuja in ob katerih urah,</li>
<li>kako prostor urediti, da bo prijazen za vse generacije,</li>
<li>kdo bo za prostor skrbel in kako se bomo dogovarjali o uporabi,</li>
<li>kako bomo o dogajanju obveščali sosede.</li>
</ul>
<p>Za konec bo tombola z nagradami, ki so jih prispevali domači podjetniki.</p>
""",
            when=Upcoming(week=1, weekday=THU, start=at(17), end=at(19)),
            space="dvorana",
            organiser="Ljudska univerza Kranj",
            registration="link",
            registration_url="https://prijave.example.org/participativna-delavnica-zlato-polje",
        ),
        Event(
            slug="popravljalnica",
            title="Popravljalnica na Zlatem polju",
            intro=(
                "Pokvarjen sešalnik, majav stol ali strgana zadrga? Prinesite jih v dvorano KS "
                "in jih popravimo skupaj."
            ),
            body=REPAIR_CAFE,
            when=Upcoming(week=2, weekday=SAT, start=at(9), end=at(12)),
            space="dvorana",
            organiser="Svet KS Zlato polje",
        ),
        Event(
            slug="energetsko-svetovanje",
            programme="energetsko-svetovanje",
            title="Energetsko svetovanje za stanovalce blokov",
            intro=(
                "Obnova fasade, delilniki toplote, skupna sončna elektrarna na strehi bloka: kako "
                "se lotiti skupaj s sosedi in upravnikom."
            ),
            body="""
<p>V blokih se o večjih naložbah odločamo skupaj, zato je svetovanje namenjeno predvsem
predstavnikom etažnih lastnikov in hišnim svetom. Energetski svetovalec bo predstavil, kako se
lotiti energetske obnove, kje poiskati spodbude in kako si razdeliti stroške.</p>
<p>Po predstavitvi je čas za vprašanja o posameznih stavbah.</p>
""",
            when=Upcoming(week=3, weekday=TUE, start=at(17), end=at(19)),
            space="dvorana",
            organiser="Sosedje z Gradnikove",
            # Sign-ups on the portal, in the meeting room: `portal/demo/signups.py`.
        ),
        Event(
            slug="tecaj-digitalnih-vescin",
            title="Tečaj digitalnih veščin za starejše",
            intro=(
                "Šest ponedeljkovih večerov v sejni sobi: pametni telefon, e-pošta, spletna "
                "banka in eUprava, po korakih in v majhni skupini."
            ),
            body="""
<p>Tečaj vodijo prostovoljci Ljudske univerze Kranj. Vsak večer je namenjen eni temi: osnove
pametnega telefona, fotografije in sporočila, e-pošta, varno spletno bančništvo, eUprava in
zVEM ter videoklici z vnuki.</p>
<p>Prinesite svoj telefon ali tablico. Mest je toliko, kolikor je stolov v sejni sobi, zato se
prijavite za vsak večer posebej.</p>
""",
            when=WeeksAgo(weeks=8, weekday=MON, start=at(18), end=at(19, 30)),
            space="dvorana",
            repeat=Repeat("WEEKLY", weekdays="MO", count=6),
            organiser="Ljudska univerza Kranj",
            # Over: sign-ups and attendance of its evenings in `portal/demo/signups.py`.
        ),
    ],
    news=[
        News(
            slug="vabilo-na-delavnico-2017",
            title="Vabilo na delavnico: skupnostni prostor na Zlatem polju",
            themes=("spatial_planning",),
            tags=("delavnica", "skupnostni prostor"),
            date=datetime.date(2017, 10, 26),
            intro=(
                "V torek, 7. novembra 2017, ob 17. uri vas vabimo v dvorano KS Zlato polje na "
                "delavnico za ugotavljanje potreb. Za konec bo tombola z nagradami."
            ),
            body="""
<p>Dvorana krajevne skupnosti je večino tedna prazna. Skupaj želimo ugotoviti, ali v soseski
potrebujemo skupnostni prostor, kakšen naj bo, katere vsebine že obstajajo in kdo bi jih lahko
ponudil.</p>
<p>Delavnico pripravlja Ljudska univerza Kranj. Po predstavitvi projekta in dobrih praks bomo po
metodi vrtiljak v manjših skupinah zbirali predloge. Vabljeni stanovalci, društva, šole,
podjetja in javni zavodi z Zlatega polja.</p>
""",
        ),
        News(
            slug="porocilo-z-delavnice-2017",
            title="Zlato polje: dvorana naj bo odprta tudi popoldne in ob vikendih",
            themes=("spatial_planning",),
            tags=("delavnica", "dvorana", "medgeneracijsko"),
            blocks=(
                Quote(
                    "Mladi bi starejšim pomagali s telefoni, starejši bi nas naučili kuhati.",
                    "Dijakinja z Zlatega polja",
                ),
            ),
            date=datetime.date(2017, 11, 10),
            intro=(
                "Udeleženci delavnice za ugotavljanje potreb so predlagali medgeneracijska "
                "srečanja, prostor za učenje in daljši odpiralni čas dvorane KS."
            ),
            body="""
<p>Na delavnici so se zbrali stanovalci vseh generacij, predstavniki društev in šol. V krogih
vrtiljaka so se nabrali predlogi:</p>
<ul>
<li>dvorana naj bo odprta tudi popoldne in ob vikendih,</li>
<li>mladi bi starejšim pomagali pri uporabi telefonov in spletnih storitev, starejši pa bi delili
znanje ročnih del,</li>
<li>dijaki pogrešajo miren prostor za učenje v skupinah,</li>
<li>stanovalci blokov bi radi izvedeli več o skupni energetski obnovi.</li>
</ul>
<p>Predstavnica Mestne občine Kranj je zagotovila, da občina podpira take dejavnosti v prostorih
KS. Delavnica se je končala s tombolo, na kateri je bila glavna nagrada košara domačih
dobrot.</p>
""",
        ),
        News(
            slug="vabljeni-k-nacrtovanju-programa",
            title="Vabljeni k načrtovanju programa dvorane",
            themes=("spatial_planning", "energy"),
            tags=("dvorana", "načrtovanje"),
            blocks=(
                FloorPlan("dvorana", "Tloris dvorane KS Zlato polje."),
                HouseRules(),
            ),
            date=DaysAgo(9),
            intro=(
                "Na participativni delavnici bomo po metodi vrtiljak skupaj določili, kaj bo "
                "dvorana KS Zlato polje ponujala v naslednji sezoni."
            ),
            body="""
<p>Predloge z delavnice za ugotavljanje potreb smo strnili v osnutek programa. Zdaj je čas, da ga
skupaj dopolnimo: katere dejavnosti, ob katerih urah, kdo jih bo vodil in kako bomo za prostor
skrbeli.</p>
<p>Termin delavnice najdete v koledarju dogodkov KS. Za konec bo tombola.</p>
""",
        ),
    ],
)

STRAZISCE = Community(
    slug="strazisce",
    title="KS Stražišče",
    intro=(
        "Stražišče pod Šmarjetno goro in Joštom ima ob Škofjeloški cesti skupnostni prostor, ki ga "
        "soustvarjajo krajani, društva in domača podjetja."
    ),
    body="""
<p>V Stražišču deluje veliko društev, ki potrebujejo prostor za srečanja in vaje. Skupnostni
prostor jim ga ponuja, hkrati pa odpira vrata tudi posameznikom, ki bi radi v soseski kaj
naredili skupaj.</p>
<h2>Kaj se dogaja</h2>
<ul>
<li>priprave na skupnostni vrt,</li>
<li>popravljalnica koles,</li>
<li>medgeneracijski klepeti ob kavi,</li>
<li>vrtiljak idej, na katerem skupaj načrtujemo program,</li>
<li>energetsko svetovanje.</li>
</ul>
<h2>Pridružite se</h2>
<p>Predloge za program in prošnje za uporabo prostora sprejemamo v uradnih urah KS in po
e-pošti.</p>
""",
    office_address=STRAZISCE_ADDRESS,
    email="ks.strazisce@example.org",
    phone="04 555 30 30",
    office_hours="Ponedeljek 17.00–19.00",
    locative="v Stražišču",
    spaces=[
        Space(
            slug="skupnostni-prostor",
            title="Skupnostni prostor KS Stražišče",
            intro=(
                "Prostor krajevne skupnosti ob Škofjeloški cesti za srečanja društev, delavnice "
                "in druženja, z dvoriščem za popravljalnico koles."
            ),
            body="""
<p>V večnamenskem prostoru so zložljive mize za delavnice in omara s pripomočki za
ustvarjanje, na pokritem dvorišču pa delovna miza za popravljanje koles. Prostor uporabljajo
društva za vaje in srečanja, ob sobotah pa deluje popravljalnica koles.</p>
"""
            + HOUSE_RULES,
            address=STRAZISCE_ADDRESS,
            capacity=35,
            contact_email="ks.strazisce@example.org",
            contact_phone="04 555 30 30",
        ),
    ],
    events=[
        Event(
            slug="delavnica-za-ugotavljanje-potreb-2017",
            title="Delavnica za ugotavljanje potreb: skupnostni prostor v Stražišču",
            intro=(
                "Kaj bi v Stražišču počeli v skupnostnem prostoru in kdo bi pri tem sodeloval? "
                "Delavnico vodi Ljudska univerza Kranj, na koncu bo tombola z nagradami."
            ),
            body="""
<p>Ljudska univerza Kranj v okviru mentoriranja projekta Dovolj za vse vabi krajane, društva,
podjetja in javne zavode iz Stražišča na delavnico o tem, kako prostore KS odpreti za vso
skupnost.</p>
"""
            + WORKSHOP_PROGRAMME,
            when=On(datetime.date(2017, 11, 8), at(17), at(19)),
            space="skupnostni-prostor",
            organiser="Ljudska univerza Kranj",
        ),
        Event(
            slug="pogovor-o-skupnostnem-vrtu",
            programme="skupnostni-vrt",
            title="Pogovor o skupnostnem vrtu v Stražišču",
            intro=(
                "Kje bo vrt, koliko gred potrebujemo in kdo bo zanje skrbel? Vabljeni vsi, ki bi "
                "radi vrtnarili skupaj s sosedi."
            ),
            body="""
<p>Na delavnici za ugotavljanje potreb je bil skupnostni vrt med najpogostejšimi željami. Zdaj
ga načrtujemo: pregledali bomo možne lokacije, se dogovorili o pravilih in o tem, kdo prevzame
katero nalogo.</p>
<p>Svoje izkušnje bodo predstavili vrtičkarji s skupnostnega vrta na Golniku.</p>
""",
            when=Upcoming(week=0, weekday=MON, start=at(18), end=at(19, 30)),
            space="skupnostni-prostor",
            organiser="Sosedska skupina vrtičkarjev Stražišče",
        ),
        Event(
            slug="popravljalnica-koles",
            programme="popravljalnica-koles",
            title="Popravljalnica koles",
            intro=(
                "Pripeljite kolo s počeno zračnico, škripajočimi zavorami ali zarjavelo verigo. "
                "Prostovoljci vam pokažejo, kako ga popravite sami."
            ),
            body="""
<p>Na dvorišču skupnostnega prostora postavimo delovne mize in orodje. Popravimo zračnice,
nastavimo zavore in prestavnike, očistimo in namažemo verige.</p>
<p>Nadomestne dele, ki jih potrebujete, prinesite s seboj ali jih kupite po dogovoru. Če bo
deževalo, se umaknemo pod streho.</p>
""",
            when=FirstInMonth(SAT, start=at(9), end=at(12)),
            space="skupnostni-prostor",
            repeat=Repeat("MONTHLY", monthly_by="weekday", moved=(1,)),
            organiser="Kolesarnica Jošt",
        ),
        Event(
            slug="vrtiljak-idej",
            programme="vrtiljak-idej",
            title="Vrtiljak idej in tombola",
            intro=(
                "Participativna delavnica, na kateri skupaj sestavimo program skupnostnega "
                "prostora za naslednje mesece. Za konec tombola z nagradami."
            ),
            body="""
<p>Po metodi vrtiljak bomo v manjših skupinah krožili med mizami. Na vsaki nas čaka eno
vprašanje: katere dejavnosti pogrešamo, kdo jih lahko ponudi, kdaj naj potekajo in kako o njih
obvestimo sosede.</p>
<p>Na delavnico so vabljena tudi društva, ki bi prostor uporabljala za svoje vaje in srečanja.
Za konec bo tombola z nagradami domačih podjetij.</p>
""",
            when=Upcoming(week=2, weekday=FRI, start=at(17), end=at(19, 30)),
            space="skupnostni-prostor",
            organiser="Svet KS Stražišče",
        ),
        Event(
            slug="medgeneracijski-klepet",
            programme="medgeneracijski-klepet",
            title="Medgeneracijski klepet ob kavi",
            intro=(
                "Dopoldanski klepet za vse generacije: ob kavi in čaju se pogovorimo o tem, kar "
                "nas zanima, in izmenjamo knjige."
            ),
            body="""
<p>Klepet je priložnost, da spoznamo sosede. Vsakič izberemo temo, ki jo predlagajo udeleženci,
od zgodovine Stražišča do zdravega staranja. Na polici v prostoru je tudi knjigobežnica:
prinesite knjigo in odnesite drugo.</p>
""",
            when=Upcoming(week=3, weekday=THU, start=at(9, 30), end=at(11, 30)),
            space="skupnostni-prostor",
            repeat=Repeat("WEEKLY", count=20),
            organiser="Turistično društvo Stražišče",
            price="1 EUR za kavo ali čaj",
        ),
        Event(
            slug="energetsko-svetovanje",
            title="Energetsko svetovanje v Stražišču",
            intro=(
                "Energetski svetovalec odgovarja na vprašanja o obnovi hiše, ogrevanju in sončni "
                "elektrarni na strehi."
            ),
            body="""
<p>Prinesite račune za energijo za zadnje leto in, če jih imate, načrte hiše. Pogovor traja
približno 20 minut; termin rezervirajte po e-pošti krajevne skupnosti.</p>
""",
            when=Upcoming(week=4, weekday=TUE, start=at(16), end=at(18)),
            space="skupnostni-prostor",
            organiser="Svet KS Stražišče",
            registration="contact",
            contact_email="ks.strazisce@example.org",
            contact_phone="04 555 30 30",
        ),
    ],
    news=[
        News(
            slug="vabilo-na-delavnico-2017",
            title="Vabilo na delavnico: skupnostni prostor v Stražišču",
            themes=("spatial_planning",),
            tags=("delavnica", "skupnostni prostor"),
            date=datetime.date(2017, 10, 27),
            intro=(
                "V sredo, 8. novembra 2017, ob 17. uri vas vabimo v prostore KS Stražišče na "
                "delavnico za ugotavljanje potreb. Za konec bo tombola z nagradami."
            ),
            body="""
<p>Skupaj želimo ugotoviti, ali v Stražišču potrebujemo skupnostni prostor, kakšen naj bo,
katere vsebine že obstajajo in kdo bi jih lahko ponudil.</p>
<p>Delavnico pripravlja Ljudska univerza Kranj v okviru mentoriranja projekta Dovolj za vse.
Vabljeni krajani, društva, podjetja in javni zavodi. Vabila so na voljo tudi na letakih v
trgovinah in na oglasni deski KS.</p>
""",
        ),
        News(
            slug="porocilo-z-delavnice-2017",
            title="Stražiščani si želijo skupnostni vrt in popravljalnico koles",
            themes=("food", "circular_economy"),
            tags=("delavnica", "skupnostni vrt", "popravljalnica"),
            blocks=(
                Quote("Kolo popravljam sam, z veseljem pokažem še drugim.", "Krajan Stražišča"),
            ),
            date=datetime.date(2017, 11, 13),
            intro=(
                "Na delavnici za ugotavljanje potreb so krajani Stražišča predlagali skupnostni "
                "vrt, popravljalnico koles in več prostora za društva."
            ),
            body="""
<p>Na delavnici so se zbrali krajani, predstavniki društev in nekaj domačih obrtnikov. Po
predstavitvi dobrih praks so v krogih vrtiljaka zbrali predloge:</p>
<ul>
<li>skupnostni vrt, kjer bi vrtnarile družine iz blokov,</li>
<li>popravljalnico koles, saj se veliko krajanov vozi s kolesom v mesto,</li>
<li>več terminov za vaje in srečanja društev,</li>
<li>dopoldanska druženja za starejše.</li>
</ul>
<p>Domači obrtniki so ponudili pomoč pri popravljalnici, društva pa pri urejanju prostora.
Vse, ki so se vpisali na seznam zainteresiranih, bomo povabili k načrtovanju.</p>
""",
        ),
        News(
            slug="iscemo-vrtickarje",
            title="Iščemo vrtičkarje za skupnostni vrt",
            themes=("food",),
            tags=("skupnostni vrt", "prostovoljstvo"),
            blocks=(
                FloorPlan(
                    "skupnostni-prostor",
                    "Skupnostni prostor KS Stražišče, kjer se vrtičkarji dobivajo.",
                ),
                HouseRules(),
            ),
            date=DaysAgo(12),
            intro=(
                "Bi radi vrtnarili, pa nimate vrta? Pridružite se skupini, ki v Stražišču "
                "pripravlja skupnostni vrt."
            ),
            body="""
<p>Skupnostni vrt bo prostor, kjer bodo sosedje skupaj pridelovali zelenjavo in zelišča,
otroci pa spoznavali, od kod pride hrana. Iščemo družine, posameznike in društva, ki bi
prevzeli gredo ali pomagali pri skupnih delih.</p>
<p>Prijavite se v uradnih urah KS ali pridite na pogovor o skupnostnem vrtu, ki je objavljen v
koledarju dogodkov.</p>
""",
        ),
    ],
)


def community_calendar(community):
    return Text(
        slug="dogodki",
        title="Dogodki",
        intro=(
            f"Kaj se dogaja {community.locative}: delavnice, srečanja, popravljalnice in "
            "svetovanja v skupnostnem prostoru."
        ),
    )


def community_news_index(community):
    return Text(
        slug="novice",
        title="Novice",
        intro=f"Novice krajevne skupnosti in skupnostnega prostora {community.locative}.",
    )


COMMUNITIES = [GOLNIK, ZLATO_POLJE, STRAZISCE]
CONTENT_PAGES = [ABOUT, PRIVACY, ACCESSIBILITY]
