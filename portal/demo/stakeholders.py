"""The demo's stakeholders (deležniki): who takes part in each pilot space, and who in all.

The pilot began by finding them in the public, NGO and business sectors; the needs
workshops added informal groups and individuals. Societies, businesses and people here
are illustrative: names of people are made up, e-mails use example.org and phones the
unused 555 range. A stakeholder is found by its name and KS; only missing ones are created.
"""

from dataclasses import asdict, dataclass

from portal.demo.content import GOLNIK, STRAZISCE, ZLATO_POLJE
from portal.stakeholders.models import Stakeholder

PUBLIC = Stakeholder.Sector.PUBLIC
NGO = Stakeholder.Sector.NGO
BUSINESS = Stakeholder.Sector.BUSINESS
INFORMAL = Stakeholder.Sector.INFORMAL
INDIVIDUAL = Stakeholder.Sector.INDIVIDUAL


@dataclass(frozen=True)
class Party:
    name: str
    sector: str
    description: str
    contact_person: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""


def council(ks):
    return Party(
        name=f"Svet {ks.title}",
        sector=PUBLIC,
        description=(
            "<p>Svet krajevne skupnosti upravlja prostore KS in jih je odprl za skupnostne "
            "dejavnosti. Skrbi za rezervacije, ključe in hišni red ter skupaj z Ljudsko "
            "univerzo Kranj usklajuje program skupnostnega prostora.</p>"
        ),
        contact_person="predsednik sveta KS",
        email=ks.email,
        phone=ks.phone,
    )


MUNICIPAL = [
    Party(
        name="Ljudska univerza Kranj",
        sector=PUBLIC,
        description=(
            "<p>Ljudska univerza Kranj (LUK) vodi pilotni projekt skupnostnih prostorov v KS "
            "Golnik, Zlato polje in Stražišče. Z izkušnjami iz medgeneracijskega centra na "
            "Hujah povezuje deležnike iz javne, nevladne in gospodarske sfere, vodi delavnice "
            "za ugotavljanje potreb in pomaga pri načrtovanju programov.</p>"
        ),
        contact_person="koordinatorka skupnostnih prostorov",
        email="luk@example.org",
        phone="04 555 40 40",
        website="https://www.luniverza.si",
    ),
    Party(
        name="Mestna občina Kranj",
        sector=PUBLIC,
        description=(
            "<p>Občina ima prostore krajevnih skupnosti v lasti ali najemu. Na delavnicah je "
            "zagotovila, da podpira skupnostne dejavnosti v svojih prostorih, in skrbi za "
            "portal krajevnih skupnosti.</p>"
        ),
        contact_person="služba za krajevne skupnosti",
        email="skupnostni.prostori@example.org",
        phone="04 555 00 00",
        website="https://www.kranj.si",
    ),
    Party(
        name="Dovolj za vse",
        sector=NGO,
        description=(
            "<p>Projekt Dovolj za vse – Skupnostno upravljanje z življenjskimi viri lokalne "
            "skupnosti seznanja, usposablja in opolnomoča za trajnostno upravljanje z viri. "
            "Projekt je z mentoriranjem podprl LUK pri zasnovi skupnostnih prostorov po "
            "Priročniku za izvajanje skupnostnih projektov in Priročniku za ureditev "
            "skupnostnega prostora.</p>"
        ),
        email="dovoljzavse@example.org",
        website="https://dovoljzavse.si",
    ),
]

# KS slug: its stakeholders.
BY_COMMUNITY = {
    GOLNIK.slug: [
        council(GOLNIK),
        Party(
            name="Prostovoljno gasilsko društvo Golnik",
            sector=NGO,
            description=(
                "<p>Gasilci so na delavnici za ugotavljanje potreb poskrbeli za stole in "
                "ozvočenje. V skupnostnem prostoru pripravljajo predavanja o varnosti doma in "
                "tečaje prve pomoči za krajane.</p>"
            ),
            email="pgd.golnik@example.org",
            phone="04 555 10 11",
        ),
        Party(
            name="Društvo upokojencev Golnik",
            sector=NGO,
            description=(
                "<p>Upokojenci vodijo dopoldanska medgeneracijska druženja ob družabnih igrah "
                "in pomagajo na skupnostnem vrtu. Člani, ki znajo z elektriko in šivanjem, "
                "sodelujejo na popravljalnici.</p>"
            ),
            email="du.golnik@example.org",
            phone="04 555 10 12",
        ),
        Party(
            name="Turistično društvo Golnik",
            sector=NGO,
            description=(
                "<p>Društvo skrbi za urejeno vas in pripravlja pohode na Kriško goro. V "
                "skupnostnem prostoru načrtuje prireditve in hrani gradivo o zgodovini "
                "Golnika.</p>"
            ),
            email="td.golnik@example.org",
            phone="04 555 10 13",
        ),
        Party(
            name="Vrtnarija pod Kriško goro",
            sector=BUSINESS,
            description=(
                "<p>Domača vrtnarija je skupnostnemu vrtu podarila sadike za prvo sezono in "
                "svetuje pri ekološkem vrtnarjenju brez škropiv. Za tombolo na delavnici je "
                "prispevala košaro sadik.</p>"
            ),
            email="vrtnarija.golnik@example.org",
            phone="04 555 10 15",
        ),
        Party(
            name="Vrtičkarji skupnostnega vrta Golnik",
            sector=INFORMAL,
            description=(
                "<p>Sosedska skupina, ki obdeluje dvanajst visokih gred za stavbo KS. Na "
                "srečanjih vrtičkarjev se dogovarja o setvi, zalivanju in skupnih delovnih "
                "akcijah. Novi člani so dobrodošli.</p>"
            ),
            email=GOLNIK.email,
        ),
        Party(
            name="Janez Novak",
            sector=INDIVIDUAL,
            description=(
                "<p>Upokojeni elektrikar in prostovoljni mentor popravljalnice na Golniku. "
                "Obiskovalcem pokaže, kako varno odpreti in popraviti mali gospodinjski "
                "aparat, tako da se ob vsakem popravilu kaj naučijo.</p>"
            ),
            email=GOLNIK.email,
            phone=GOLNIK.phone,
        ),
    ],
    ZLATO_POLJE.slug: [
        council(ZLATO_POLJE),
        Party(
            name="Društvo upokojencev Zlato polje",
            sector=NGO,
            description=(
                "<p>Upokojenke in upokojenci na medgeneracijskih srečanjih učijo pletenja, "
                "kvačkanja in kuhanja marmelade, od dijakov pa se učijo uporabe pametnega "
                "telefona in spletne banke.</p>"
            ),
            email="du.zlatopolje@example.org",
            phone="04 555 20 21",
        ),
        Party(
            name="Kulturno društvo Zlato polje",
            sector=NGO,
            description=(
                "<p>Pevski zbor in bralni krožek društva imata v dvorani KS redne vaje in "
                "srečanja. Ob sobotah dopoldne društvo pripravlja pravljične urice za "
                "otroke.</p>"
            ),
            email="kd.zlatopolje@example.org",
            phone="04 555 20 22",
        ),
        Party(
            name="Pekarna Na vogalu",
            sector=BUSINESS,
            description=(
                "<p>Pekarna iz soseske za srečanja v dvorani prispeva kruh in pecivo. Za tombolo "
                "na delavnici za ugotavljanje potreb je podarila košaro domačih dobrot.</p>"
            ),
            email="pekarna.navogalu@example.org",
            phone="04 555 20 25",
        ),
        Party(
            name="Sosedje z Gradnikove",
            sector=INFORMAL,
            description=(
                "<p>Stanovalci bližnjih blokov, ki so se povezali na delavnici za "
                "ugotavljanje potreb. Pripravljajo menjalnico oblačil in igrač ter skupaj s "
                "hišnimi sveti vabijo na energetsko svetovanje za stanovalce blokov.</p>"
            ),
            email=ZLATO_POLJE.email,
        ),
        Party(
            name="Marija Horvat",
            sector=INDIVIDUAL,
            description=(
                "<p>Upokojena učiteljica in prostovoljna mentorica medgeneracijskih srečanj. "
                "Dijake in starejše poveže v pare in poskrbi, da se vsak nauči česa "
                "novega.</p>"
            ),
            email=ZLATO_POLJE.email,
            phone=ZLATO_POLJE.phone,
        ),
    ],
    STRAZISCE.slug: [
        council(STRAZISCE),
        Party(
            name="Prostovoljno gasilsko društvo Stražišče",
            sector=NGO,
            description=(
                "<p>Gasilci v skupnostnem prostoru pripravljajo tečaje prve pomoči in "
                "predavanja o požarni varnosti. Ob večjih dogodkih poskrbijo za red na "
                "dvorišču in parkirišču.</p>"
            ),
            email="pgd.strazisce@example.org",
            phone="04 555 30 31",
        ),
        Party(
            name="Turistično društvo Stražišče",
            sector=NGO,
            description=(
                "<p>Društvo pripravlja pohode na Šmarjetno goro in Jošt ter zbira zgodbe o "
                "zgodovini Stražišča, ki jih predstavlja na medgeneracijskih klepetih ob "
                "kavi.</p>"
            ),
            email="td.strazisce@example.org",
            phone="04 555 30 32",
        ),
        Party(
            name="Kolesarnica Jošt",
            sector=BUSINESS,
            description=(
                "<p>Domača trgovina s kolesi in servis. Popravljalnici koles prispeva "
                "zračnice, zavorne obloge in verige po nabavni ceni, serviser pa pomaga pri "
                "zahtevnejših popravilih.</p>"
            ),
            email="kolesarnica.jost@example.org",
            phone="04 555 30 35",
        ),
        Party(
            name="Sosedska skupina vrtičkarjev Stražišče",
            sector=INFORMAL,
            description=(
                "<p>Družine, upokojenci in društva, ki v Stražišču pripravljajo skupnostni "
                "vrt. Iščejo lokacijo, se dogovarjajo o pravilih vrta in vabijo nove "
                "vrtičkarje.</p>"
            ),
            email=STRAZISCE.email,
        ),
        Party(
            name="Franc Kovačič",
            sector=INDIVIDUAL,
            description=(
                "<p>Navdušen kolesar in prostovoljni mentor popravljalnice koles. Pokaže, kako "
                "zakrpati zračnico, nastaviti zavore in prestavnike ter očistiti verigo.</p>"
            ),
            email=STRAZISCE.email,
            phone=STRAZISCE.phone,
        ),
    ],
}


def ensure_stakeholders(communities, progress):
    """The municipality's stakeholders, and each KS's; `communities` maps slug to KS page."""
    for party in MUNICIPAL:
        ensure_stakeholder(party, None, progress)
    for slug, parties in BY_COMMUNITY.items():
        for party in parties:
            ensure_stakeholder(party, communities[slug], progress)


def ensure_stakeholder(party, community, progress):
    label = f"{party.name}  ({community.title if community else 'vsa občina'})"
    if Stakeholder.objects.filter(name=party.name, community=community).exists():
        progress.found("stakeholder", label)
        return
    stakeholder = Stakeholder.objects.create(community=community, **asdict(party))
    stakeholder.save_revision()
    progress.add("stakeholder", label)
