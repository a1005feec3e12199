"""Place names: where a user lives, works, studies or travels to.

A place the passages never name ("ik woon in Hasselt", "een beurs in Milaan") is the user's own
detail, like a person's name: it says where, not what is asked. As an ordinary unknown word it
weighed the most of its question, and a stemmer or typo corrector turned it into a word of the
corpus ("brugge" into "brug", "wenen" into "ween"). Folded, one word each; names that are also
everyday Dutch words ("Geel", "Boom", "Menen", "Namen", "Landen", "Tienen") are left out, since
there the word is more often the word than the place. A town abroad also says "abroad"
(`FOREIGN`): a fair in Milan is a fair abroad, as far as support for it goes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Places outside Belgium: "een beurs in Milaan" is a fair abroad.
FOREIGN = frozenset(
    """
    amsterdam rotterdam utrecht eindhoven maastricht tilburg breda groningen nijmegen arnhem
    haarlem delft zwolle enschede almere amersfoort apeldoorn dordrecht leeuwarden
    middelburg vlissingen venlo roermond heerlen sittard terneuzen bergenopzoom
    parijs londen berlijn keulen aken dusseldorf hamburg munchen frankfurt stuttgart leipzig
    dresden milaan rome napels turijn florence venetie madrid barcelona valencia sevilla
    lissabon wenen praag boedapest warschau krakau kopenhagen stockholm oslo helsinki dublin
    edinburgh glasgow manchester liverpool bristol birmingham lyon marseille rijsel
    straatsburg bordeaux toulouse nantes zurich geneve bazel athene istanbul kyiv kiev lviv
    boekarest belgrado zagreb ljubljana tallinn riga vilnius
    paris london berlin cologne munich milan lisbon vienna prague warsaw copenhagen athens
    tokio tokyo seoul shanghai peking beijing mumbai delhi bangkok sydney melbourne toronto
    montreal vancouver chicago boston lagos nairobi kinshasa casablanca marrakech tunis
    dubai bogota
    """.split()
)
PLACES = FOREIGN | frozenset(
    """
    aalst aalter aarschot aartselaar anzegem ardooie assenede avelgem beernem beersel
    bekkevoort beringen berlaar bertem bilzen blankenberge bocholt boechout bonheiden bornem
    borsbeek bouwel brakel brasschaat brecht bredene brugge buggenhout damme deerlijk deinze
    denderleeuw dendermonde dentergem destelbergen diepenbeek diest diksmuide dilbeek dilsen
    drogenbos edegem eeklo erpe evergem galmaarden gavere genk geraardsbergen gingelom glabbeek
    grimbergen haacht haaltert halle hamme hamont harelbeke hasselt hechtel heers heist
    hemiksem herent herentals herenthout herk herselt herzele heusden heuvelland hoeilaart
    hoogstraten horebeke houthalen houthulst hove hulshout ichtegem ieper ingelmunster izegem
    jabbeke kalmthout kampenhout kasterlee keerbergen kinrooi kluisbergen knokke koekelare
    koksijde kontich kortemark kortenaken kortenberg kortrijk kraainem kruibeke kruisem kuurne
    laakdal lanaken langemark lebbeke lendelede lennik leopoldsburg leuven lichtervelde
    liedekerke lierde linkebeek lochristi lokeren lommel londerzeel lubbeek lummen
    maarkedal maaseik maasmechelen machelen maldegem mechelen meerhout meise melle merchtem
    merelbeke merksplas mesen middelkerke moerbeke mortsel nazareth neerpelt nevele niel
    nieuwerkerken nieuwpoort nijlen ninove olen oostende oosterzele oostkamp oostrozebeke
    opwijk oudenaarde oudenburg overijse overpelt pittem poperinge putte puurs riemst rijkevorsel
    roeselare ronse roosdaal rotselaar ruiselede rumst schelle schilde scherpenheuvel
    sinaai spiere stabroek staden steenokkerzeel stekene temse ternat tervuren tessenderlo tielt
    tongeren torhout tremelo turnhout veurne vilvoorde vleteren vorselaar vosselaar
    waarschoot waasmunster wachtebeke waregem wemmel wervik westerlo wetteren wevelgem
    wichelen wielsbeke wijnegem willebroek wingene wommelgem wuustwezel zandhoven zaventem
    zedelgem zelzate zemst zoersel zomergem zonhoven zonnebeke zottegem zoutleeuw zuienkerke
    zulte zutendaal pelt zwalm zwevegem zwijndrecht
    sintniklaas sinttruiden sintgenesiusrode sintkatelijnewaver sintpietersleeuw sintmartenslatem
    sintamandsberg heistopdenberg kessello
    heverlee wilsele berchem borgerhout deurne merksem wilrijk hoboken ekeren mariakerke
    gentbrugge ledeberg oostakker drongen wondelgem
    antwerpen brussel gent
    anderlecht elsene etterbeek evere ganshoren jette koekelberg molenbeek oudergem schaarbeek
    ukkel watermaal bosvoorde woluwe sintgillis sintjoost sintjoosttennode sintagathaberchem
    sintlambrechtswoluwe sintpieterswoluwe
    aarlen bastenaken charleroi doornik eupen hoei moeskroen nijvel verviers waver
    liege namur tournai wavre nivelles arlon mons louvain ottignies
    brussels ghent antwerp bruges
    """.split()
)

# Other names of a place, to the name the passages use.
_ALIASES = {
    "antwerp": "antwerpen",
    "ghent": "gent",
    "brussels": "brussel",
    "bruges": "brugge",
    "louvain": "leuven",
    "tournai": "doornik",
    "antwerpse": "antwerpen",
    "gentse": "gent",
    "brusselse": "brussel",
    "leuvense": "leuven",
    "mechelse": "mechelen",
    "kortrijkse": "kortrijk",
    "limburgse": "limburg",
    "hasseltse": "hasselt",
    "brugse": "brugge",
    "genkse": "genk",
}

# The places a place lies in, as far as the passages name them: a Limburg town is in the
# reach of a passage on Limburg, a district of Antwerp in that of one on Antwerp.
_WITHIN = {
    **dict.fromkeys(
        """
        hasselt genk beringen bilzen bocholt diepenbeek dilsen gingelom hamont hechtel heers
        herk heusden houthalen kinrooi lanaken leopoldsburg lommel lummen maaseik maasmechelen
        neerpelt nieuwerkerken overpelt pelt riemst tessenderlo tongeren sinttruiden zonhoven
        zutendaal
        """.split(),
        "limburg",
    ),
    **dict.fromkeys(
        """
        anderlecht elsene etterbeek evere ganshoren jette koekelberg molenbeek oudergem
        schaarbeek ukkel watermaal bosvoorde woluwe sintgillis sintjoost sintjoosttennode
        sintagathaberchem sintlambrechtswoluwe sintpieterswoluwe
        """.split(),
        "brussel",
    ),
    **dict.fromkeys(
        "berchem borgerhout deurne merksem wilrijk hoboken ekeren".split(), "antwerpen"
    ),
    **dict.fromkeys("gentbrugge ledeberg oostakker drongen wondelgem mariakerke".split(), "gent"),
    **dict.fromkeys("heverlee wilsele kessello".split(), "leuven"),
}

REGIONS = frozenset({"limburg"})  # places the passages name that are no town

# "ik woon in Hasselt", "we wonen in Gent", "living near Ghent": where the user lives.
LIVING = frozenset("woon woont wonen woonde woonden live lives living".split())
# Words from the verb to the place: "ik woon nu in Gent"; a hyphenated town comes as its parts
# and then joined ("sint", "niklaas", "sintniklaas").
LIVING_REACH = 5


def places_named(tokens: Iterable[str]) -> frozenset[str]:
    """The places folded `tokens` name, by the passages' names for them, with the places
    they lie in."""
    tokens = list(tokens)
    named = set()
    for token in tokens:
        if any(t != token and t.endswith(token) and t in PLACES for t in tokens):
            continue  # "berchem" in "Sint-Agatha-Berchem", which is in Brussels
        place = _ALIASES.get(token, token)
        if place in PLACES or place in REGIONS:
            named.add(place)
            if place in _WITHIN:
                named.add(_WITHIN[place])
    return frozenset(named)


def lived_in(tokens: Sequence[str], index: int, reach: int = LIVING_REACH) -> list[int]:
    """The positions of the places that the word at `index` says the user lives in: the
    places among the `reach` words after a living verb ("ik woon in Hasselt")."""
    if tokens[index] not in LIVING:
        return []
    at = index + 1
    return [at + k for k, t in enumerate(tokens[at : at + reach]) if places_named((t,))]


def places_asked(tokens: Sequence[str]) -> frozenset[str]:
    """The places a question names (`places_named`), but for where it says the user lives:
    "ik woon in Brussel, kan ik een Gentse projectsubsidie krijgen?" asks about Ghent, "I'm
    an artist living in Brussels, can the VGC fund my project?" about no place but the
    user's own."""
    lived = {k for i in range(len(tokens)) for k in lived_in(tokens, i)}
    return places_named(t for k, t in enumerate(tokens) if k not in lived)
