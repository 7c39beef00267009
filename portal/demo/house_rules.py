"""The house rules (hišni red) of a KS's community space, as an ODT document.

One text for all three pilot KS, filled in with each KS's contacts, the space's capacity
and how to get in. The rules are the ones the pilot's planning with stakeholders settles:
booking through the KS, keys, capacity, quiet hours, tidying up, no smoking, access.
"""

from portal.demo.odt import Bullets, Heading, Paragraph, odt_document

# How each pilot space is reached; matches the space pages.
ACCESS = {
    "golnik": "Prostor je v pritličju, do vhoda vodi klančina. Stranišče je v istem nadstropju.",
    "zlato-polje": "Vhod v dvorano je z ulice brez stopnic, v pritličju je prilagojeno stranišče.",
    "strazisce": (
        "Prostor je v pritličju, pri vhodu je en nizek prag, ki ga na željo premostimo s "
        "prenosno klančino. Parkirišče je pred stavbo."
    ),
}


def title(community):
    return f"Hišni red skupnostnega prostora KS {community.name}"


def house_rules_odt(community, space):
    """The house rules of `space`, the main community space of `community`."""
    return odt_document(title(community), blocks(community, space))


def blocks(community, space):
    office_hours = community.office_hours[:1].lower() + community.office_hours[1:]
    return [
        Heading(title(community)),
        Paragraph(
            f"{space.title}, {space.address}, je prostor srečevanja in dejavnosti za vse "
            "krajane, društva, šole, javne zavode in podjetja. Da bo prijeten za vse, ki ga "
            f"uporabljajo, je svet KS {community.name} skupaj z uporabniki prostora "
            "pripravil ta hišni red."
        ),
        Heading("Komu je prostor namenjen", 2),
        Paragraph(
            "Prostor je namenjen nepridobitnim dejavnostim, ki so odprte za krajane: "
            "delavnicam, srečanjem društev, medgeneracijskim druženjem, popravljalnicam, "
            "predavanjem in svetovanjem. O zasebnih prireditvah in dejavnostih, pri katerih se "
            "pobira vstopnina ali kaj prodaja, se posebej dogovorite s svetom KS."
        ),
        Heading("Rezervacija", 2),
        Bullets(
            [
                f"Prostor rezervirate pri krajevni skupnosti: po e-pošti {community.email}, po "
                f"telefonu {community.phone} ali osebno v uradnih urah ({office_hours}).",
                "Prošnjo oddajte vsaj sedem dni pred uporabo, lahko tudi z obrazcem na strani "
                "prostora na portalu. Navedite namen, datum in uro, pričakovano število "
                "udeležencev in odgovorno osebo.",
                "Rezervacija velja, ko jo KS potrdi. Redne termine potrjujemo za največ eno "
                "sezono naenkrat.",
                "Če prostora ne boste potrebovali, rezervacijo čim prej odpovejte, da ga lahko "
                "uporabi kdo drug.",
            ]
        ),
        Heading("Ključ", 2),
        Bullets(
            [
                "Ključ prevzamete pri predstavniku KS ob dogovorjenem času in ga vrnete "
                "najpozneje naslednji delovni dan.",
                "Ključa ne posojate naprej in ga ne kopirate. Izgubo takoj sporočite KS.",
                "Za prostor med uporabo skrbi odgovorna oseba, ki je prevzela ključ. Ob odhodu "
                "preveri, da so okna zaprta, luči ugasnjene in vrata zaklenjena.",
            ]
        ),
        Heading("Število obiskovalcev", 2),
        Paragraph(
            f"V prostoru je lahko hkrati največ {space.capacity} oseb. Odgovorna oseba skrbi, "
            "da število ni preseženo in da so poti do izhoda vedno proste."
        ),
        Heading("Nočni mir", 2),
        Bullets(
            [
                "Dejavnosti končamo do 22. ure, prostor zapustimo najpozneje do 22.30. Med "
                "22. in 6. uro velja nočni mir.",
                "V bližini živijo sosedje: ob prihodu in odhodu smo tiho, glasbo in ozvočenje "
                "pa nastavimo tako, da ne motimo okolice.",
            ]
        ),
        Heading("Pospravljanje", 2),
        Bullets(
            [
                "Mize in stoli po uporabi vrnemo v osnovno razporeditev, ki je prikazana na "
                "tlorisu ob vhodu.",
                "Posodo pomijemo in pospravimo, hladilnik izpraznimo.",
                "Odpadke ločujemo in jih odnesemo v zabojnike pred stavbo.",
                "Tla pometemo, prostor prezračimo, ugasnemo luči in zapremo okna.",
                "Poškodbe ali okvare opreme zapišemo v zvezek ob vhodu in jih sporočimo KS.",
            ]
        ),
        Heading("Kajenje in varnost", 2),
        Bullets(
            [
                "V prostoru in pred vhodom kajenje ni dovoljeno, tudi ne elektronskih cigaret.",
                "Izhodov in poti do njih ne zastavljamo. Gasilni aparat in omarica za prvo "
                "pomoč sta ob vhodu. V nujnih primerih pokličite 112.",
            ]
        ),
        Heading("Dostopnost", 2),
        Bullets(
            [
                ACCESS.get(community.slug, "Za dostop do prostora se dogovorite s KS."),
                "Vhoda, klančine in prehodov ne zastavljamo s stoli, kolesi ali opremo, da je "
                "prostor dostopen tudi z invalidskim ali otroškim vozičkom.",
                "Mize razporedimo tako, da med njimi ostane vsaj 90 centimetrov prehoda.",
                "Psi pomočniki so v prostoru dobrodošli.",
                "Če udeleženci potrebujejo prilagoditev, na primer gradivo v večji pisavi ali "
                "pomoč ob prihodu, se o tem dogovorite s KS ob rezervaciji.",
            ]
        ),
        Heading("Odgovornost", 2),
        Paragraph(
            "Uporabnik odgovarja za škodo, ki jo v prostoru povzročijo udeleženci njegove "
            "dejavnosti. KS ne odgovarja za stvari, ki ostanejo v prostoru. Kdor hišnega reda "
            "ne upošteva, mu KS lahko začasno ne odobri nove rezervacije."
        ),
        Heading("Kontakt", 2),
        Paragraph(
            f"Krajevna skupnost {community.name}, {community.office_address}. E-pošta: "
            f"{community.email}, telefon: {community.phone}, uradne ure: {office_hours}. "
            "Predloge za boljši hišni red z veseljem sprejmemo."
        ),
    ]
