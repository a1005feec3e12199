import pytest

from assistant.analysis import (
    _PHRASE_SIZES,
    DETAIL_SPECIFICITY,
    ENGLISH_STOPWORDS,
    FRENCH_FUNCTION_WORDS,
    POINTING_SPECIFICITY,
    Decompounder,
    _english_bases,
    _number_forms,
    asking_sentence,
    content_tokens,
    fold,
    raw_words,
    read_key,
    singular,
    surface_tokens,
)
from assistant.conversation import Conversation
from assistant.corpus import bundled_corpus_dir, load_corpus
from assistant.intent import asked_facts
from assistant.lexicon import dutch_frequencies
from assistant.verbs import infinitive


def test_hyphenated_word_gives_parts_and_joined_form():
    assert surface_tokens("kmo-portefeuille") == ["kmo", "portefeuille", "kmoportefeuille"]
    assert surface_tokens("i-DEPOT") == ["depot", "idepot"]  # a one-letter part is dropped


def test_a_suffix_after_an_apostrophe_is_no_word_of_its_own(assistant):
    # "ers" had been the rarest word of "arbeidsongeschiktheidsverzekering voor zzp'ers".
    assert surface_tokens("zzp'ers") == ["zzp", "zzpers"]
    assert surface_tokens("IT'ers") == ["it", "iters"]
    assert surface_tokens("cd'tje") == ["cd", "cdtje"]
    assert surface_tokens("kmo-tje") == ["kmo", "tje", "kmotje"]  # (a hyphen's part stays)
    assert surface_tokens("kmo-tje's") == ["kmo", "tje", "kmotje"]  # (and with a plural's 's)
    assert surface_tokens("zzp'sters") == ["zzp", "zzpsters"]
    question = "arbeidsongeschiktheidsverzekering voor zzp'ers in belgie, hoe werkt dat"
    assert "ers" not in [g.word for g in assistant.read(question).groups]


def test_possessive_s_and_markup_are_removed():
    assert surface_tokens("foto's") == ["foto"]
    assert surface_tokens("<b>subsidie</b>") == ["subsidie"]
    # A script's or style's code is no part of the question.
    assert surface_tokens("<script>alert(1)</script> subsidie") == ["subsidie"]
    assert surface_tokens('<STYLE type="text/css">p {color: red}</STYLE>subsidie') == ["subsidie"]


def test_a_plural_typed_without_its_apostrophe_stands_for_its_word(assistant):
    # "foto's" typed as "fotos": a word the corpus lacks, weighed as the user's rarest detail.
    groups = assistant.read("iemand gebruikt mijn fotos zonder toestemming").groups
    assert any(g.word == "fotos" and assistant.terms("foto")[0] in g.alternatives for g in groups)
    answer = assistant.ask("iemand gebruikt mijn fotos zonder toestemming")
    assert answer.answered and answer.passages[0].id == "foto-gebruikt-zonder-toestemming"
    # So does a compound's part: "productfotos" is "product" and "foto" (its part "fotos" was
    # a word no passage holds).
    (group,) = assistant.read("productfotos").groups
    assert assistant.terms("foto")[0] in group.parts


def test_a_handle_is_no_word_of_the_question(assistant):
    # In a group, "@jan" says who a message is for; as an unknown word it weighed the most.
    assert surface_tokens("@jan_p hoe werkt sabam? @WegwijzerBot") == ["hoe", "werkt", "sabam"]
    assert surface_tokens("mail info@sabam.be") == ["mail", "info", "sabam", "be"]
    assert assistant.ask("@jan hoe werkt sabam").answered


def test_the_plus_of_a_name_is_a_word_of_it(assistant):
    # "wat is PlayRight+?" read as "wat is PlayRight?" and got PlayRight's overview (1.00).
    assert surface_tokens("wat is PlayRight+?") == ["wat", "is", "playright", "plus"]
    assert surface_tokens("bel +32 2 123 45 67") == ["bel", "32", "123", "45", "67"]
    answer = assistant.ask("wat is PlayRight+?")
    assert answer.answered and answer.passages[0].id == "playright-plus"


def test_the_percent_and_euro_signs_are_read_as_words(assistant):
    assert surface_tokens("8% of €500") == ["procent", "of", "euro", "500"]
    # A passage that writes its share as "8%" holds the word a question asks with.
    assert "procent" in assistant.terms("Een SBK houdt 8% commissie af.")


def test_an_abbreviation_written_with_points_is_one_word(assistant):
    assert surface_tokens("b.t.w. voor onze v.z.w., i.v.m. de s.b.k") == [
        "btw",
        "voor",
        "onze",
        "vzw",
        "ivm",
        "de",
        "sbk",
    ]
    # Only single letters: an address, a decimal and a place keep their points, and letters
    # in an address stay apart.
    assert surface_tokens("www.vlaio.be 3.5 St.-Niklaas") == ["www", "vlaio", "be", "st", "niklaas"]
    assert surface_tokens("x.y.z@mail.com https://a.b.c/d") == ["mail", "com", "https"]
    # The abbreviations it makes of chat Dutch are stopwords, as they are typed without points.
    words = [g.word for g in assistant.analyse("i.p.v. een vzw, z.s.m. een lening, e.g. a bv")]
    assert words == ["vzw", "lening", "bv"]
    # "zsm" had been the rarest word of the question, and it was refused.
    assert assistant.ask("ik wil z.s.m. een lening").answered
    # "b.t.w." had been three letters, dropped: the question was "kunstwerken" alone.
    answer = assistant.ask("b.t.w. op kunstwerken")
    assert answer.answered and answer.passages[0].id == "btw-kunstwerken"
    assert assistant.ask("wat is een s.b.k.?").passages[0].id == "sbk"


def test_a_number_with_thousands_separators_is_one_number(assistant):
    # "15.000" was "15" ("000" dropped) and matched the 15% of the author's rights passages;
    # "EUR 2.800" was "800".
    assert surface_tokens("15.000 euro of EUR 2.800") == ["15000", "euro", "of", "eur", "2800"]
    assert surface_tokens("15000") == surface_tokens("15.000") == surface_tokens("15,000")
    assert surface_tokens("EUR 1.500,50") == ["eur", "1500", "50"]
    # Not a decimal, a time or a form's number.
    assert surface_tokens("3.5 of 8.30 uur, fiche 281.45") == [
        "of",
        "30",
        "uur",
        "fiche",
        "281",
        "45",
    ]
    answer = assistant.ask("mijn vader wil 60.000 euro in mijn zaak steken via een winwinlening")
    assert answer.outcome == "answered" and answer.passages[0].id.startswith("winwinlening")


def test_a_singular_in_e_stems_as_its_plural_whose_vowel_the_stemmer_doubles(assistant):
    # Snowball stems "bijdragen" "bijdraag" but "bijdrage" and "bijdrages" "bijdrag".
    analyzer = assistant.index.analyzer
    assert analyzer.stem("bijdrage") == analyzer.stem("bijdrages") == analyzer.stem("bijdragen")
    assert analyzer.stem("procedure") == analyzer.stem("procedures")
    # A comparative's "-en" form is no plural: "andere" stays "ander".
    assert analyzer.stem("andere") == analyzer.stem("ander")
    # The passages speak of "sociale bijdragen"; the singular was read as another word.
    answer = assistant.ask("hoeveel sociale bijdrage betaal ik als zelfstandige in bijberoep")
    assert answer.answered and answer.passages[0].id == "bijberoep"


def test_guidance_is_not_read_as_policy(assistant):
    # Snowball drops the "ge" of "begeleiding" as if it were a participle's: "beleid".
    analyzer = assistant.index.analyzer
    forms = {analyzer.stem(w) for w in ("begeleiding", "begeleiden", "begeleidt", "begeleid")}
    assert len(forms) == 1
    assert forms != {analyzer.stem("beleid")}
    assert analyzer.stem("trajectbegeleiding") == "traject" + forms.pop()  # inside a word too
    # The verb's forms stay one stem, as Snowball has them: "begeerte", "begeert", "begeren".
    assert len({analyzer.stem(w) for w in ("begeerte", "begeert", "begeerd", "begeren")}) == 1
    # "advies" stands for "begeleiding" (synonyms): not for the passages on policy.
    [advice] = assistant.read("advies").groups
    assert analyzer.stem("beleid") not in advice.terms


def test_diacritics_are_folded_and_trema_plurals_become_singular():
    assert fold("ideeën") == "ideeen"
    assert singular("ideeen") == "idee"
    assert singular("industrieen") == "industrie"
    assert content_tokens("Hoe bescherm ik mijn ideeën?") == ["bescherm", "idee"]
    assert content_tokens("mijn ideeen") == content_tokens("mijn ideeën")


def test_flemish_fillers_are_stopwords_but_domain_words_stay():
    assert content_tokens("da is ni efkes pls") == []
    assert content_tokens("tja euh, effe he, hè, ulle, mijne, gij hebt") == []
    # Flemish forms of pronouns and of "niets", "iets", "geen": each had weighed as the
    # rarest word of its question.
    assert content_tokens("hunne zijne uwe dieje zukke gene niks nikske ietske edde") == []
    assert content_tokens("eigen zaak bv") == ["eigen", "zaak", "bv"]


def test_a_hesitation_does_not_sink_a_question(assistant):
    # "tja" was the rarest word of the question, which was refused at 0.15.
    answer = assistant.ask("tja, wa kost een merk eigenlijk")
    assert answer.answered and answer.passages[0].id == "benelux-merk"


def test_a_name_written_only_with_stopwords_is_one_word(assistant):
    # "Juist is Juist" was three stopwords: its passage's own example question found nothing.
    assert content_tokens("wat is Juist  is Juist?") == ["juistisjuist"]
    assert content_tokens("is het juist dat dit juist is") == []
    answer = assistant.ask("wat is juist is juist")
    assert answer.outcome == "answered" and answer.passages[0].id == "juist-is-juist"


def test_question_words_built_on_waar_are_stopwords(assistant):
    # "waarvoor" and "dient" weighed as much as "volgrecht"; the question stayed at 0.60.
    assert content_tokens("waarvoor dient het volgrecht") == ["dient", "volgrecht"]
    assert content_tokens("waarmee kan flanders dc helpen") == ["flanders", "dc", "helpen"]
    answer = assistant.ask("Waarvoor dient het volgrecht?")
    assert answer.outcome == "answered" and answer.passages[0].id == "volgrecht"


def test_a_pronominal_adverb_of_a_word_is_that_word(assistant):
    # "daarboven" was a word of its own, which no passage on the ceiling holds; it is "boven"
    # pointing back. One of a stopword stays a word ("daarmee"; see `_PREPOSITION_OF`).
    words = [g.word for g in assistant.read("en wat ik daarboven krijg?").groups]
    assert words == ["boven", "krijg"]
    assert [g.word for g in assistant.read("wat valt eronder").groups] == ["valt", "onder"]
    assert [g.word for g in assistant.read("kan ik daarmee lenen?").groups] == ["daarmee", "lenen"]
    # The words still point back: what the conversation reads of them is unchanged.
    assert "daarboven" in assistant.read("en wat ik daarboven krijg?").tokens


def test_a_pronominal_adverb_no_passage_holds_says_little(assistant):
    # "daartegen" was the heaviest word of the question (6.1 of 15), where "daarvoor", which
    # passages hold, weighs 1.0: the story was refused at 0.59 with the right passage first.
    question = "een winkel in gent heeft mijn ontwerp gekopieerd, wat kan ik daartegen doen?"
    groups = assistant.read(question).groups
    pointing = next(g for g in groups if g.word == "daartegen")
    assert pointing.specificity == POINTING_SPECIFICITY and not pointing.alternatives
    info = dict(zip((g.word for g in groups), assistant.index.informations(groups), strict=True))
    assert info["daartegen"] < info["ontwerp"] + info["gent"]
    answer = assistant.ask(question)
    assert answer.outcome == "answered"
    assert answer.passages[0].id in {"inbreuk-bewijs-verzamelen", "inbreuk-auteursrecht-stappen"}
    # One a passage holds keeps its weight from the corpus.
    known = assistant.read("kan ik daarmee lenen?").groups[0]
    assert known.word == "daarmee" and known.specificity is None
    # A name is a detail still ("Erin" is "er" + "in"; a reviewer's probe).
    named = assistant.read("Hoi, ik ben Erin. Moet ik btw aanrekenen op mijn schilderijen?")
    assert next(g for g in named.groups if g.word == "erin").specificity == DETAIL_SPECIFICITY


def test_happening_is_no_grant(assistant):
    # "gebeurt" stems to "beur", as "beurs" (a grant, a fair) does: "wat gebeurt er als ..."
    # matched the grant passages, and passages saying "gebeurde" counted as about grants.
    assert content_tokens("wat gebeurt er als ik stop als zelfstandige") == ["stop", "zelfstandige"]
    stem = assistant.index.analyzer.stem
    passage = assistant.passage("tax-shelter-games")
    assert "gebeuren" in passage.text
    assert stem("beurs") not in assistant.index.analyzer.document_terms(passage.text)


def test_ago_is_no_members(assistant):
    # Snowball stems "geleden" (ago) "leed", as "leden" (members): "twee jaar geleden"
    # matched the passages on joining Sabam or Sofam. It is a stopword, and keeps its "ge".
    stem = assistant.index.analyzer.stem
    assert stem("geleden") != stem("leden")
    assert content_tokens("ik ben drie jaar geleden gestart") == ["drie", "jaar", "gestart"]


def test_such_a_is_no_sun():
    # "zo'n" reads as "zo" and "zon": "is zo'n idepot nu ne echte bescherming?" weighed "zon"
    # as a word of its subject.
    assert content_tokens("is zo'n merk een echte bescherming") == ["merk", "echte", "bescherming"]
    assert content_tokens("zulke contracten") == ["contracten"]


def test_valid_is_no_money(assistant):
    # The stemmer makes "geldig" (valid) "geld" (money), as it does "geld".
    stem = assistant.index.analyzer.stem
    assert stem("geldig") == stem("geldige") != stem("geld")
    assert stem("geld") not in assistant.index.analyzer.document_terms("de kaart is 5 jaar geldig")


def test_a_word_whose_ge_is_its_own_keeps_it(assistant):
    # Snowball drops "ge" from every word, as from a participle's: "gevolgen" met the everyday
    # "volgende", "gemeente" (municipality) "menen" and "gebied" (area) "bieden" (offer).
    analyzer = assistant.index.analyzer
    stem = analyzer.stem
    for word, other in [
        ("gebeurt", "beurs"),
        ("geleden", "leden"),
        ("gevolgen", "volgende"),
        ("gewoon", "wonen"),
        ("gemeente", "menen"),
        ("gebied", "bieden"),
        ("gelijk", "lijkt"),
        ("geweldig", "wel"),
    ]:
        assert stem(word) != stem(other), word
    # Its forms stay one stem, and participles still meet their verbs.
    assert stem("gevolg") == stem("gevolgen")
    assert stem("gebeurt") == stem("gebeuren") == stem("gebeurde")
    assert stem("gemaakt") == stem("maken")
    assert stem("getekend") == stem("tekende")
    # So do the participles that start like such a word: "een opleiding gevolgd" (followed)
    # is no "gevolg" (consequence), "het is gelukt" no "geluk" (luck).
    assert stem("gevolgd") == stem("volgen") != stem("gevolg")
    assert stem("gelukt") == stem("lukt") != stem("geluk")
    assert stem("gemeend") == stem("menen") != stem("gemeente")
    assert stem("gelijkend") == stem("lijkt")  # "gelijken" (to resemble) is "lijken op"
    # A noun in "-heid" of such a word keeps its suffix, as other ones do.
    assert stem("gelijkheid") != stem("gelijk")
    assert stem("volg") not in analyzer.document_terms("wat zijn de gevolgen")


def test_a_noun_in_heid_of_an_everyday_adjective_is_a_word_of_its_own(assistant):
    # Snowball drops "-heid": "persoonlijkheidsrechten" was answered confidently with the
    # passage on personal liability, and "sociale zekerheid" met the everyday "zeker".
    stem = assistant.index.analyzer.stem
    assert stem("persoonlijkheid") != stem("persoonlijk")
    assert stem("zekerheid") == stem("zekerheden") != stem("zeker")
    assert stem("gezondheid") != stem("zon")
    # A noun made from a rarer adjective still meets it.
    assert stem("aansprakelijkheid") == stem("aansprakelijk")
    assert stem("werkloosheid") == stem("werkloos")
    assert assistant.ask("Wat zijn persoonlijkheidsrechten?").outcome == "not_answered"


def test_the_parts_every_web_address_has_are_stopwords(assistant):
    # A pasted address names its organisation; "https" and "www" weighed more. ("be" stays:
    # it is half of VI.BE.)
    assert content_tokens("https://www.vlaio.be/subsidies.html") == ["vlaio", "be", "subsidies"]
    answer = assistant.ask("https://www.vlaio.be")
    assert answer.outcome == "answered" and answer.passages[0].id == "vlaio"


def test_a_flemish_chat_form_is_read_as_the_word_it_stands_for():
    assert content_tokens("moetek da aangeven as ik ma 500 euro verdien") == [
        "aangeven",
        "500",
        "euro",
        "verdien",
    ]
    # "hoeveelde" (hoeveel ge) still asks for an amount.
    assert surface_tokens("hoeveelde moette betalen") == ["hoeveel", "moet", "betalen"]
    assert "amount" in asked_facts(surface_tokens("hoeveelde moette betalen"))
    assert surface_tokens("hoeveel krijgde") == ["hoeveel", "krijg"]
    assert content_tokens("de waarde van mijn werk") == ["waarde", "werk"]  # a word of its own


def test_a_flemish_k_glued_to_its_verb_is_ik(assistant):
    # "kspeel" is "ik speel": as a word the corpus lacks it weighed the most of the question.
    analyzer = assistant.index.analyzer
    assert [analyzer._without_glued_ik(w) for w in ("kspeel", "kverkoop", "kzag")] == [
        "speel",
        "verkoop",
        "zag",
    ]
    for word in ("klant", "kracht", "kbo", "kunst"):  # words of their own, an acronym
        assert analyzer._without_glued_ik(word) == word
    words = [g.word for g in assistant.read("kspeel een dansvoorstelling in brussel").groups]
    assert "speel" in words and "kspeel" not in words


def test_a_question_in_flemish_chat_is_answered_as_in_plain_dutch(assistant):
    # Each chat form weighed as the rarest word a question can hold: refused at 0.06.
    flemish = assistant.ask("hoeveelde moette betalen om lid te worden van sabam")
    plain = assistant.ask("hoeveel moet je betalen om lid te worden van sabam")
    assert flemish.outcome == plain.outcome == "answered"
    assert flemish.passages[0].id == plain.passages[0].id == "sabam-kosten-lidmaatschap"
    # "worre" (worden) was the rarest word of the question, refused at 0.30.
    flemish = assistant.ask("hoeveel kost da eigelijk om lid te worre van sabam")
    assert flemish.answered and flemish.passages[0].id == "sabam-kosten-lidmaatschap"


def test_west_flemish_function_words_are_read_as_the_words_they_stand_for(assistant):
    assert content_tokens("wuk moe-k doen vo mie te starten as zelfstandige") == [
        "starten",
        "zelfstandige",
    ]
    assert content_tokens("oeveel is da mo") == []
    # "moe" is "moet" before a glued "k" ("moe-k": moet ik); alone it is tired.
    assert surface_tokens("moe-k da betalen") == ["moet", "da", "betalen"]
    assert content_tokens("ik ben moe") == ["moe"]
    # "wuk" weighed as the rarest word of the question: refused at 0.29 ("wat is" 0.94).
    answer = assistant.ask("wuk is dat kunstwerkattest?")
    assert answer.answered and answer.passages[0].id == "kunstwerkattest"


def test_flemish_spoken_function_words_are_read_as_the_words_they_stand_for(assistant):
    assert content_tokens("tis azo dagge da seffens ginder moet doen") == ["straks"]
    # "kdenk" (ik denk) had weighed as the rarest word of the question: refused at 0.34.
    flemish = assistant.ask("kdenk da ik een kunstwerkattest nodig heb, hoe vraag ik dat aan")
    plain = assistant.ask("ik denk dat ik een kunstwerkattest nodig heb, hoe vraag ik dat aan")
    assert flemish.outcome == plain.outcome == "answered"
    assert flemish.passages[0].id == plain.passages[0].id == "kunstwerkattest"


def test_decompounder_splits_compounds_but_not_common_words():
    splitter = Decompounder({**dutch_frequencies(), "winwin": 1e-7})
    assert splitter.split("ondernemingsplan") == ("onderneming", "plan")
    assert splitter.split("winwinlening") == ("winwin", "lening")
    assert splitter.split("ondernemer") == ()
    assert splitter.split("lening") == ()


def test_a_plural_is_as_common_as_its_singular_and_a_compound_ends_in_it_whole(assistant):
    analyzer = assistant.index.analyzer
    # "facturen" is a little rarer than the loan word "fact" and had been cut into "fact" +
    # "uren" (hours): "aankoopfacturen bewaren" met the passages on hourly rates.
    for word in ("facturen", "vennootschappen", "termijnen", "vermeldingen", "loketten"):
        assert analyzer.document_terms(word) == [analyzer.stem(word)], word
    for word, parts in [
        ("aankoopfacturen", ["aankoop", "factuur"]),
        ("advocatenkantoren", ["advocaat", "kantoor"]),
        ("betalingsmoeilijkheden", ["betaal", "moeilijkheid"]),
        ("ondernemingsloketten", ["onderneem", "loket"]),
        # ... unless what comes before the cut is a word: "staken", "kweken" are words too.
        ("bestuurstaken", ["bestuur", "taak"]),
        ("werkweken", ["werk", "week"]),
    ]:
        assert analyzer.document_terms(word)[1:] == parts, word
    # A string that is no word, made one by its stem, is still no part: not "afl" + "ossen".
    assert analyzer.document_terms("aflossen") == [analyzer.stem("aflossen")]
    # Without its singular, the splitter reads a plural as before.
    assert Decompounder(dutch_frequencies()).split("facturen") == ("fact", "uren")


def test_question_analysis_expands_compounds_synonyms_and_typos(assistant):
    groups = {g.word: g for g in assistant.analyse("businessplan winwinlenin")}
    plan = assistant.index.analyzer.stem("ondernemingsplan")
    assert plan in groups["businessplan"].alternatives
    assert assistant.index.analyzer.stem("winwinlening") in groups["winwinlenin"].alternatives


def test_typo_correction_leaves_common_words_alone(assistant):
    analyzer = assistant.index.analyzer
    assert analyzer.correct("paar") is None
    assert analyzer.correct("theater") is None
    assert analyzer.correct("portefuille") == "portefeuille"
    assert analyzer.correct("ondernemigsplan") == "ondernemingsplan"


def test_a_dutch_word_is_corrected_only_into_its_own_word(assistant):
    analyzer = assistant.index.analyzer
    # Words of general Dutch the corpus lacks are other words, not typos of corpus words.
    for word, other in [("schutting", "schatting"), ("buro", "euro"), ("meedelen", "mechelen")]:
        assert analyzer.correct(word) is None, (word, other)
    # ... but another ending, or two letters swapped, is the same word.
    assert analyzer.correct("kots") == "kost"
    assert analyzer.correct("vergoedt") == "vergoed"


def test_a_compound_of_known_words_is_split_rather_than_corrected(assistant):
    analyzer = assistant.index.analyzer
    assert analyzer.correct("kunstprijs") is None  # not "kostprijs"
    assert analyzer.correct("woonlening") is None  # not "winlening"
    (group,) = assistant.analyse("kunstprijs")
    assert {analyzer.stem("kunst"), analyzer.stem("prijs")} <= set(group.parts)
    # Two edits in a word that is no compound of known words, and one edit in one that is
    # ("hoof" + "beroep"), are typos still.
    assert analyzer.correct("kunstwerkatst") == "kunstwerkattest"
    assert analyzer.correct("hoofberoep") == "hoofdberoep"


def test_lessons_of_something_are_a_compound_not_a_typo(assistant):
    # The corrector read "draailes" as "draaien", "tekenles" as "tekenen" and "dansles" as
    # "danser": "ik geef draailes in mijn atelier, moet daar btw op?" missed the VAT on
    # lessons.
    analyzer = assistant.index.analyzer
    les = analyzer.stem("les")
    for word in ("draailes", "tekenles", "dansles", "danslessen", "pianoles"):
        (group,) = assistant.analyse(word)
        assert les in group.parts, word
        assert not group.alternatives, word
    found = assistant.retrieve("ik geef draailes in mijn atelier, moet daar btw op?")
    assert found.hits[0].passage.id == "btw-lessen"
    answer = assistant.ask("dansles geven, btw?")
    assert answer.answered and answer.passages[0].id == "btw-lessen"


def test_a_compound_whose_second_word_differs_is_another_word(assistant):
    analyzer = assistant.index.analyzer
    # "belasting" + "tarief" is no "belastingbrief": the question asked a rate, and the
    # letter's word is on the list of other domains' words.
    assert analyzer.correct("belastingtarief") is None
    (group,) = assistant.analyse("belastingtarief")
    assert analyzer.stem("tarief") in group.parts
    assert analyzer.correct("ontwerpwerk") is None  # design work, not "ontwerper"
    # ... unless the second word is the same word with another ending.
    assert analyzer.correct("kunstenaarsstatus") == "kunstenaarsstatuut"
    # And only a split into two real words counts: "passport" is "paspoort".
    assert analyzer.correct("passport") == "paspoort"
    answer = assistant.ask("welk belastingtarief geldt op mijn inkomsten uit auteursrechten?")
    assert answer.answered
    assert answer.passages[0].id == "auteursrechten-belasting"


def test_a_compound_with_one_mistyped_part_stands_for_its_parts(assistant):
    analyzer = assistant.index.analyzer
    stems = analyzer.stem
    # Neither the whole word nor its split is known: one of the two parts is mistyped.
    assert analyzer.mistyped_parts("textielontwrper") == ("textiel", stems("ontwerper"))
    assert analyzer.mistyped_parts("theatrstuk") == ("theater", "stuk")
    (group,) = assistant.analyse("ontwerpbureua")
    assert group.parts == (stems("ontwerp"), stems("bureau"))
    # A word of general Dutch or English is no typo, whatever its parts are one edit from,
    # and the known part has four letters at least ("tik" + "tokster" is no "rooster").
    for word in ("hoofdstad", "testament", "supermarkt", "kinderopvang", "sportschool"):
        assert analyzer.mistyped_parts(word) == (), word
    for word in ("photographer", "fundraising", "tiktokster"):
        assert analyzer.mistyped_parts(word) == (), word
    # A name written with its capital is the user's, not a typo ("witte" + "vroeger").
    groups = {g.word: g for g in assistant.analyse("mijn klant Wittevrongel betaalt niet")}
    assert groups["wittevrongel"].parts == ()
    # Refused at 0.28 while the passage ranked first: "textielontwrper" weighed as the
    # rarest word of the question, a word no passage holds.
    answer = assistant.ask("flanders dc advies voor een beginnende textielontwrper")
    assert answer.answered and answer.passages[0].id == "flanders-dc"


def test_everyday_words_are_less_specific_than_domain_words(assistant):
    analyzer = assistant.index.analyzer
    assert analyzer.specificity("winwinlening") == 1.0
    assert analyzer.specificity("lang") < analyzer.specificity("octrooi")


def test_a_mistyped_stopword_is_not_the_heaviest_word(assistant):
    words = [g.word for g in assistant.analyse("wta is een winwinlening")]
    assert words == ["winwinlening"]


def test_a_mistyped_stopword_beats_a_rare_corpus_word_as_its_correction(assistant):
    # "hoee" is one edit from "hoe" and from the corpus word "hoef"; "hoe" is 29 times as
    # common, and as "hoef" the typo stayed a word of the question and sank it under the
    # threshold.
    words = [g.word for g in assistant.analyse("hoee lang duurt het auteursrecht")]
    assert words == ["lang", "duurt", "auteursrecht"]
    # A typo of a corpus word the passages use often is that word, even one edit from a
    # common stopword ("datm": "dat" and "datum").
    groups = {g.word: g for g in assistant.analyse("wat is de uiterste datm voor de aanvraag")}
    assert assistant.terms("datum")[0] in groups["datm"].alternatives


def test_chat_abbreviations_are_no_words_of_the_question(assistant):
    words = [g.word for g in assistant.analyse("vraag ivm mijn winwinlening, mss ook bvb de rente")]
    assert words == ["vraag", "winwinlening", "rente"]
    # "ivm" had weighed as the rarest word of the question: refused at 0.47.
    answer = assistant.ask("ik zit met een vraag ivm iemand die mijn teksten kopieert op zijn blog")
    assert answer.answered and answer.passages[0].id == "inbreuk-auteursrecht-stappen"
    # An abbreviation is typed as it is: "epc" (an energy certificate) is no mistyped "etc".
    assert [g.word for g in assistant.analyse("hoe vraag ik een epc aan")] == ["vraag", "epc"]
    assert not assistant.ask("Hoe vraag ik een EPC aan?").answered


def test_a_common_word_one_edit_from_a_stopword_is_kept(assistant):
    # "kat" is one edit from "dat" but a word in its own right: dropping it left "hoe krijg
    # ik mijn kat zindelijk" with nothing the corpus lacks, so it read as a follow-up.
    words = [g.word for g in assistant.analyse("hoe krijg ik mijn kat zindelijk")]
    assert "kat" in words


def test_a_common_english_word_in_an_english_question_is_no_mistyped_stopword(assistant):
    # "dog" is no Dutch word and one edit from a stopword: read as a typo, it left "register"
    # alone and a passage on registering a trademark was answered.
    reading = assistant.read("how do i register my dog")
    assert reading.english and "dog" in [g.word for g in reading.groups]
    assert not assistant.ask("how do i register my dog").answered
    assert [g.word for g in assistant.analyse("wta is een winwinlening")] == ["winwinlening"]


def test_an_ordinary_dutch_word_is_not_split_into_parts(assistant):
    [group] = assistant.analyse("paspoort")
    assert group.parts == ()
    [compound] = assistant.analyse("winwinlening")
    assert compound.primary == assistant.index.analyzer.stem("winwinlening")


def test_an_english_word_the_glossary_translates_is_not_split_as_a_dutch_compound(assistant):
    reading = assistant.read("funding for a documentary film")
    assert reading.english
    [funding] = [g for g in reading.groups if g.word == "funding"]
    assert funding.alternatives and funding.parts == ()  # not "fun" + "ding"
    dutch = assistant.read("funding voor mijn film")  # a Dutch question: no glossary
    assert not dutch.english


def test_every_phrase_of_the_synonyms_and_the_glossary_can_match():
    # A word with a hyphen or an elision reads as its parts and the whole ("win-win loan":
    # "win win winwin loan"): 25 keys of four words had never matched while phrases could have
    # three at most.
    corpus = load_corpus(bundled_corpus_dir())
    keys = [read_key(k, FRENCH_FUNCTION_WORDS) for k in corpus.synonyms]
    keys += [read_key(k, ENGLISH_STOPWORDS) for k in corpus.english]
    assert max(len(key.split()) for key in keys) <= max(_PHRASE_SIZES)


@pytest.mark.parametrize(
    ("question", "word", "stem_of"),
    [
        ("Welke caisse d'assurances sociales moet ik kiezen?", "caisse", "verzekeringsfonds"),
        ("is third-party liability insurance mandatory?", "third", "aansprakelijk"),
        ("how do I get a win-win loan?", "win", "winwinlening"),
    ],
)
def test_a_phrase_with_a_hyphen_or_an_elision_is_translated(assistant, question, word, stem_of):
    stem = assistant.index.analyzer.stem
    assert stem(stem_of) in _group(assistant, question, word).alternatives


def test_an_unknown_word_inside_a_translated_phrase_is_not_counted_again(assistant):
    # "sole trader" is one glossary phrase (eenmanszaak): "trader", a word the corpus does not
    # know, had weighed as the rarest of the question and sunk it below the threshold.
    stem = assistant.index.analyzer.stem
    groups = {g.word: g for g in assistant.read("how much does a sole trader pay").groups}
    assert stem("eenmanszaak") in groups["sole"].alternatives
    assert "trader" not in groups
    # A later word of the phrase that has a translation of its own keeps it ("interest rate").
    words = [g.word for g in assistant.read("what is the interest rate of the startlening").groups]
    assert "rate" in words
    # A word the corpus does not know outside a phrase still counts as the user's own detail.
    assert "trader" in [g.word for g in assistant.read("is a trader self-employed").groups]
    # Nor is a later word whose only reading is a guess at its English base: "employed" in
    # "self employed" (zelfstandige) had been read as "employ" (aanwerven, werkgever), and
    # "how do i register as self employed in belgium" got the single permit first (0.21).
    question = "how do i register as self employed in belgium"
    groups = {g.word: g for g in assistant.read(question).groups}
    assert stem("zelfstandige") in groups["self"].alternatives
    assert "employed" not in groups
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id in ("kbo", "starten-als-zelfstandige")


def _words(assistant, question):
    return [g.word for g in assistant.read(question).groups]


def _group(assistant, question, word):
    """The term group of one word of a question as read."""
    return next(g for g in assistant.read(question).groups if g.word == word)


def test_good_is_no_goods_and_custom_is_customs_only_where_it_means_them(assistant):
    # The glossary's "goods" (goederen) and "customs" (douane) read alike their singulars: "a
    # good place" says nothing of goods, "custom jewellery" nothing of customs, but users
    # write "custom duties" for customs duties.
    stem = assistant.index.analyzer.stem

    def terms(question):
        return {t for g in assistant.read(question).groups for t in g.terms}

    for question in ("is kunstwerkt a good place for tips", "i make custom jewellery"):
        assert not {stem("goederen"), stem("douane")} & terms(question), question
    for question in ("what happens to my goods at customs", "do i pay custom duties on goods"):
        assert {stem("goederen"), stem("douane")} <= terms(question), question


@pytest.mark.parametrize(
    ("question", "word", "kept"),
    [
        # "right" is the glossary's "recht" (a right): "the right vat rate" had 0.69 and "the
        # right form for a project grant" was refused at 0.06, read as rights.
        ("what is the right vat rate for a painting", "right", False),
        ("which is the right form for a project grant", "right", False),
        ("am i right that i need a kbo number", "right", False),
        ("is that right", "right", False),
        ("best loan for my studio right now", "right", False),
        # A right itself still is one: before the words that say so, after "that" inside a
        # clause, and after "the" before a word that is no noun the glossary translates.
        ("do i have the right to a benefit", "right", True),
        ("who is the right holder", "right", True),
        ("are right holders paid for streaming", "right", True),
        ("what is the resale right", "right", True),
        ("how long does that right last", "right", True),
        ("can i sell that right to a publisher", "right", True),
        ("is the right transferable", "right", True),
        # The glossary's "last" is "duurt": "last year I sold 20 paintings" read as lasting.
        ("last year i sold 20 paintings, do i need to register", "last", False),
        ("my last invoice was not paid", "last", False),
        ("at last i got my kbo number", "last", False),
        # As a verb it stays, with "how long" or without: "until when" asks it too.
        ("how long does copyright last", "last", True),
        ("until when does copyright last", "last", True),
        ("does it last 10 years", "last", True),
        # "fair" before a price means just, not a trade fair (the glossary's "fairs").
        ("what is a fair price for my painting", "fair", False),
        ("the fair in milan starts next week, can i still get support", "fair", True),
        ("what is fair pay for a gig", "fair", True),
        # "how does ... work" asks how something goes: "how does vat work for artists" had got
        # the organisation Kunstwerkt (0.94). A maker's work, or working, is still "werk".
        ("how does vat work for artists", "work", False),
        ("how does it work with social contributions", "work", False),
        ("how does that work exactly", "work", False),
        ("how does my work get protected", "work", True),
        ("how do i work legally in belgium as a dancer", "work", True),
        ("can i sell work from my studio", "work", True),
        ("how do i get paid for freelance work", "work", True),
        ("how does creative work get taxed", "work", True),
    ],
)
def test_a_glossary_word_in_another_sense_is_no_word_of_the_question(
    assistant, question, word, kept
):
    assert (word in _words(assistant, question)) is kept


def test_questions_with_a_glossary_word_in_another_sense_are_answered(assistant):
    for question, passage in (
        ("what is the right vat rate for a painting", "btw-kunstwerken"),
        ("until when does copyright last", "auteursrecht-duur"),
        ("what is a fair price for my painting", "prijszetting"),
        ("how does vat work for artists", "btw-kunstwerken"),
        ("how long do i need to keep my invoices", "boekhouding-bewaren"),
    ):
        answer = assistant.ask(question)
        assert answer.answered and answer.passages[0].id == passage, question


def test_not_paid_is_unpaid(assistant):
    # The negation is a stopword: "my invoice was not paid" had been read as a payment and got
    # how an SBK works (0.92). "Never paid back" is a loan not repaid and stays as it is.
    for question, word in (
        ("my invoice was not paid", "unpaid"),
        ("mijn factuur werd nooit betaald", "onbetaald"),
        ("de klant heeft niet betaald", "onbetaald"),
    ):
        assert word in _words(assistant, question), question
        answer = assistant.ask(question)
        assert answer.answered and answer.passages[0].id == "onbetaalde-factuur", question
    assert "unpaid" not in _words(assistant, "what if the lender is never paid back")


def test_the_other_forms_of_english_stopword_verbs_are_stopwords_too(assistant):
    # "have", "get", "do" and "want" were stopwords, "having", "getting", "doing", "wanted" and
    # their kin were rare English words the corpus lacks: the question's weightiest details.
    words = [g.word for g in assistant.read("what am i getting from a winwinlening").groups]
    assert words == ["winwinlening"]
    question = "is it possible without having a kunstwerkattest, doing gigs under 1bis"
    assert not {"having", "doing"} & {g.word for g in assistant.read(question).groups}
    question = "my uncle wanted to invest in my film, he wants a tax break"
    assert not {"wanted", "wants"} & {g.word for g in assistant.read(question).groups}


def test_english_words_placing_a_question_in_time_or_space_are_stopwords(assistant):
    # As words the corpus lacks they were part of what a passage had to hold: a question on
    # the kmo-portefeuille's rate "around 2017" was refused with the right passage first.
    question = "royalties since 2023, around 5k a year, a few years ago, under which regime"
    words = {g.word for g in assistant.read(question).groups}
    assert not {"since", "around", "few", "ago", "under"} & words
    assert "royalties" in words
    question = "is there an SBK near ghent or somewhere in flanders"
    assert not {"near", "somewhere"} & {g.word for g in assistant.read(question).groups}


def test_a_liedje_is_a_nummer_as_a_song_is(assistant):
    # The passages say "nummer" for a song ("als mijn nummer op de radio komt"); the English
    # glossary read "song" as it, the Dutch synonyms read "liedje" only as "muziek".
    stem = assistant.index.analyzer.stem
    for question in ("wie betaalt mij als mijn liedje op de radio komt", "my song on the radio"):
        groups = assistant.read(question).groups
        assert any(stem("nummer") in g.alternatives for g in groups), question


def test_the_pieces_of_english_contractions_are_no_words_of_a_question(assistant):
    # "we're" gives "we", "re" and "were", "doesn't" gives "doesn" and "doesnt": "re" and
    # "doesn" had been rare English words the corpus lacks, the heaviest of the question.
    question = "we're a band and sabam doesn't answer, they've got our songs"
    words = {g.word for g in assistant.read(question).groups}
    assert not {"re", "doesn", "ve", "theyve"} & words
    assert {"band", "sabam"} <= words


def test_an_english_will_is_no_word_and_chat_fillers_are_stopwords(assistant):
    # "I'll" was "ill", which the glossary reads as "ziek": "I'll make way under 25k this
    # year" got the sickness benefit first.
    words = {g.word for g in assistant.read("I'll make way under 25k, we'll see").groups}
    assert not {"ill", "well", "ll"} & words
    # Chat fillers weighed as unknown words ("is that an actual thing I can apply for").
    words = {
        g.word for g in assistant.read("what is that sbk thing, basically? gonna apply").groups
    }
    assert not {"thing", "basically", "gonna"} & words
    # Only in an English question: "hell" is no Dutch stopword.
    assert "hell" in {g.word for g in assistant.read("is de hell van de hel").groups}


def test_whole_is_hele_as_the_passages_say_it(assistant):
    # "whole" was only "volledig", which the EU trademark's passage ("in de hele Europese
    # Unie") lacks: "trademark for the whole EU" was refused (0.35), and "and for the whole
    # EU?" after a Benelux trademark got the Benelux trademark again.
    answer = assistant.ask("trademark for the whole EU")
    assert answer.answered and answer.passages[0].id == "eu-merk-model"
    conversation = Conversation(assistant)
    conversation.ask("how do I register a trademark in Belgium")
    assert conversation.ask("and for the whole EU?").passages[0].id == "eu-merk-model"


def test_die_in_an_english_question_is_dying_not_a_dutch_pronoun(assistant):
    # "die" is a Dutch stopword ("that"): "How long is copyright on my photos after I die?"
    # lost its last word and ranked the steps against infringement first.
    question = "How long is copyright on my photos after I die?"
    assert "die" in {g.word for g in assistant.read(question).groups}
    assert assistant.retrieve(question).hits[0].passage.id == "auteursrecht-duur"
    found = assistant.retrieve("how many years after the artist dies does copyright run out")
    assert found.hits[0].passage.id == "auteursrecht-duur"
    # In Dutch it stays a stopword, and so does the Dutch "die" mixed into English.
    for question in (
        "wie beheert die rechten",
        "who pays die royalties",
        "is die premie for starters too",
        "how do I switch to die statuut",
    ):
        assert "die" not in {g.word for g in assistant.read(question).groups}, question


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        # A commission is also a share taken (commissie), not only a commissioned work.
        ("how much commission does smart take", "sbk-kosten"),
        # Who is responsible for a company's debts is who is liable (a probing helper's,
        # refused at 0.50).
        (
            "who is responsible if my BV goes bankrupt in the first 3 years",
            "oprichtersaansprakelijkheid-bv",
        ),
        # Shown to the public: "getoond", not a show (optreden).
        (
            "I showed my chair at a design fair, can I still register the design?",
            "model-openbaarmaking-respijttermijn",
        ),
    ],
)
def test_the_english_glossary_gives_the_sense_the_passages_use(assistant, question, passage):
    assert assistant.retrieve(question).hits[0].passage.id == passage


@pytest.mark.parametrize(
    ("question", "passages"),
    [
        # "podcaster", "presenting", "paperback" and "personal" had been words the corpus does
        # not know, each the rarest of its question (an expat probe's, refused at 0.59, 0.50,
        # 0.26 and 0.61 with the right passage first or second).
        ("I'm a podcaster, can the VAF help fund my next season?", {"vaf-mediafonds"}),
        ("any Flemish support for presenting our show in Paris?", {"internationale-presentatie"}),
        ("VAT on selling my paperback?", {"btw-boeken-en-cds"}),
        (
            "if the BV goes bankrupt, can they touch my personal money?",
            {"oprichtersaansprakelijkheid-bv", "eenmanszaak-of-bv-aansprakelijkheid"},
        ),
    ],
)
def test_english_words_of_expats_are_read_as_the_passages_say_them(assistant, question, passages):
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id in passages


def test_english_words_that_name_nothing_are_stopwords(assistant):
    # "nobody", "goes", "wise" and their kin weighed as rare words the corpus lacks.
    words = {g.word for g in assistant.read("so nobody goes wise: went and gone?").groups}
    assert not words & {"nobody", "goes", "wise", "went", "gone"}
    # "based in leuven", "my situation", "how big": words of a story, not of what is asked.
    question = "how big is the risk in my situation? im a sound designer based in leuven"
    words = {g.word for g in assistant.read(question).groups}
    assert not words & {"big", "situation", "based"}
    assert {"risk", "sound", "designer", "leuven"} <= words


@pytest.mark.parametrize(
    ("question", "passages"),
    [
        # French function words had been the rarest words of the question (refused at 0.14 and
        # 0.34); "malade", "mutuelle", "années" and "devis" are the corpus's "ziek",
        # "ziekenfonds", "jaar" and "offerte".
        (
            "je suis indépendante et malade, krijg ik dan een uitkering van de mutuelle?",
            {"arbeidsongeschiktheid-zelfstandige", "arbeidsongeschiktheid-uitkering-bedrag"},
        ),
        ("combien d'années moet ik mijn devis en factures bijhouden?", {"boekhouding-bewaren"}),
    ],
)
def test_french_in_a_dutch_question_is_read(assistant, question, passages):
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id in passages
    words = {g.word for g in assistant.read(question).groups}
    assert not words & {"je", "suis", "et", "combien"}


def test_a_dutch_word_spelled_as_a_french_one_stays_a_word(assistant):
    # "faire" is also Dutch ("een faire vergoeding"): a reviewer found it dropped, and "wat is
    # een faire prijs voor een portretfoto?" answered with portrait rights (0.81).
    assert "faire" in {g.word for g in assistant.read("wat is een faire vergoeding?").groups}
    assert not assistant.ask("wat is een faire prijs voor een portretfoto?").answered


def test_chat_abbreviations_of_the_domain_are_its_words(assistant):
    # "soc" weighed as the rarest word ("regularisatie soc bijdragen na 3 jaar ..." refused at
    # 0.59 with the right passage first), "ondern" was read as "onder".
    stem = assistant.index.analyzer.stem
    groups = {g.word: g for g in assistant.read("soc bijdragen in bijber, ondern nummer").groups}
    assert stem("sociale") in groups["soc"].alternatives
    assert stem("bijberoep") in groups["bijber"].alternatives
    assert stem("onderneming") in groups["ondern"].alternatives
    answer = assistant.ask("regularisatie van mijn soc bijdragen, wat is dat?")
    assert answer.answered and answer.passages[0].id == "regularisatie-sociale-bijdragen"


def test_words_of_wanting_or_somewhere_name_nothing(assistant):
    words = {g.word for g in assistant.read("als ik ergens wilt optreden, of wilde spelen").groups}
    assert not words & {"ergens", "wilt", "wilde"}
    # Nor being afraid of it: "moet ik daar schrik van hebben?"
    question = "wat is een regularisatie, moet ik daar schrik van hebben?"
    assert "schrik" not in {g.word for g in assistant.read(question).groups}


def test_spoken_flemish_function_words_name_nothing(assistant):
    # "ich", "zijt", "klapt": no passage holds them, so each weighed as a rare word.
    question = "ich zing, zijt gij da statuut waar iedereen over klapt just, menne joh?"
    words = {g.word for g in assistant.read(question).groups}
    assert words == {"zing", "statuut"}
    # "klap" is a part of compounds a designer makes (a reviewer's: "klapstoel" had lost its
    # "stoel" and the question its answer, 0.83 -> 0.38).
    question = "ik heb een klapstoel ontworpen, hoe bescherm ik het design?"
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == "benelux-model"


def test_words_that_ask_what_to_watch_or_what_corresponds_name_nothing(assistant):
    # "tegenhanger" had been read as "tenhanger", the rarest word of its question (0.56 with
    # the right passage first).
    for question in (
        "crowdfunding voor mijn voorstelling, waar moet ik op letten",
        "wat is in België de tegenhanger van Buma/Stemra?",
    ):
        words = {g.word for g in assistant.read(question).groups}
        assert "letten" not in words and not any("hanger" in w for w in words), question


def test_a_dutch_word_is_no_typo_of_a_french_synonym(assistant):
    # A word of a synonym's key is one a typo may be read as: with "statut d'artiste",
    # "harpiste" (after "ik ben", the user's detail) read as "artiste" and the question on
    # starting beside a job was refused (0.59); "communies" (family parties) read as
    # "commune", "attestatie" as "attestation".
    analyzer = assistant.index.analyzer
    for word in ("harpiste", "communies", "attestatie", "declaratie"):
        assert analyzer.correct(word) is None, word


def test_a_household_appliance_is_no_word_of_another_domain(assistant):
    # Appliances are what product designers design and what a studio may deduct: listed as a
    # consumer's words, they had this question refused (0.27; a reviewer's).
    answer = assistant.ask("mag ik de koelkast in mijn atelier inbrengen als beroepskost?")
    assert answer.answered and answer.passages[0].id == "atelier-aan-huis-beroepskost"


def test_a_driving_licence_is_a_paper_of_another_domain(assistant):
    # Not the licence to use a work: "btw where do i renew my driver's license" after a VAT
    # question had been answered with the VAT reform as a follow-up (0.58).
    for question in (
        "where do I renew my driver's license?",
        "where do I renew my drivers license?",  # (a reviewer's: without the apostrophe)
    ):
        assert any(assistant._outside.holds(g) for g in assistant.read(question).groups)
        assert not assistant.ask(question).answered, question


def test_english_months_and_a_kept_invoice_are_read_as_the_passages_say_them(assistant):
    # "october" had stayed a word no passage holds ("what were the winwinlening limits before
    # october 2020", refused at 0.34; the passage says "sinds oktober 2020").
    stem = assistant.index.analyzer.stem
    months = assistant.read("what changed in october and in march?")
    assert {stem("oktober"), stem("maart")} <= {t for g in months.groups for t in g.terms}
    kept = assistant.read("can I throw away invoices from ten years ago as a freelancer?")
    assert stem("bewaren") in {t for g in kept.groups for t in g.terms}
    # Only what is kept, and only a shop closed for good (a reviewer's).
    for question in ("can I throw away my old logo?", "can I close my studio for two months?"):
        terms = {t for g in assistant.read(question).groups for t in g.terms}
        assert not terms & {stem("bewaren"), stem("stopzetting")}, question


def test_a_word_of_another_domain_is_read_as_no_base_form_of_the_glossary(assistant):
    # "fired" (dismissed) had been read as the glossary's "fire" (brand), as "firing" is.
    stem = assistant.index.analyzer.stem
    words = {g.word: g for g in assistant.read("I got fired from my job, can I start?").groups}
    assert stem("brand") not in words["fired"].terms
    assert any(assistant._outside.holds(g) for g in words.values())
    fire = {g.word: g for g in assistant.read("our studio burned down in a fire").groups}
    assert stem("brand") in fire["fire"].terms


def test_a_freelancer_besides_a_job_works_in_a_side_occupation(assistant):
    # "naast mijn job" as expats write it: refused at 0.38 (a probing helper's), answered
    # at 0.66 once "besides" read as "bijberoep". Since the practice questions of 8 December
    # 2026 the words of the user's trade ("graphic designer", "teacher") vote for starting
    # out, and it is refused at 0.62 with the side occupation still first: a loss the
    # evaluation history lists. What the glossary reads is still read, and ranks first.
    question = "can i work as freelance graphic designer besides my job as teacher"
    besides = {g.word: g for g in assistant.read(question).groups}["besides"]
    assert assistant.index.analyzer.stem("bijberoep") in besides.terms
    assert assistant.retrieve(question).hits[0].passage.id == "bijberoep"
    assert assistant.ask("can i work as freelancer besides my job").passages[0].id == "bijberoep"


def test_money_is_geld_before_it_is_financing(assistant):
    # Sabam ranked first before too, with too little of the question found to answer.
    answer = assistant.ask("my song is played on the radio, do i get money")
    assert answer.answered and answer.passages[0].id == "sabam"


def test_a_sick_freelancer_is_not_read_as_an_employee_on_sick_leave(assistant):
    # "sick" was a word of the subjects outside the domain (sick leave) and the glossary read
    # it as "ziekenfonds", another: "ziek" in Dutch is neither, and its question is answered.
    answer = assistant.ask("i got sick as a freelancer, do i get any benefit")
    assert answer.answered and answer.passages[0].id.startswith("arbeidsongeschiktheid")
    assert not assistant.ask(
        "I'm on sick leave from my office job, can my employer fire me"
    ).answered


def test_the_english_glossary_knows_the_other_number_of_its_nouns(assistant):
    # The glossary lists "founder" and "fines"; users type "founders" and "fine".
    stem = assistant.index.analyzer.stem
    groups = {g.word: g for g in assistant.read("are the founders liable for the fine?").groups}
    assert stem("oprichters") in groups["founders"].alternatives
    assert stem("boete") in groups["fine"].alternatives


def test_an_english_inflection_is_read_as_its_base_form(assistant):
    # The glossary lists "support"; the corpus has "project" (Dutch and English alike).
    stem = assistant.index.analyzer.stem
    reading = assistant.read("is there funding supporting small projects by designers?")
    assert reading.english
    groups = {g.word: g for g in reading.groups}
    assert stem("steun") in groups["supporting"].alternatives
    assert stem("project") in groups["projects"].alternatives


@pytest.mark.parametrize(
    ("word", "bases"),
    [
        ("studies", ["study", "studi", "studie"]),
        ("making", ["mak", "make"]),
        ("planned", ["plann", "planne", "plan"]),
        ("projects", ["project"]),
        ("runs", []),  # too short to guess at
    ],
)
def test_the_base_forms_of_a_regular_english_inflection(word, bases):
    assert _english_bases(word) == bases


def test_a_typo_in_an_english_question_is_read_as_the_glossary_word(assistant):
    stem = assistant.index.analyzer.stem
    groups = {g.word: g for g in assistant.read("is there a kunstendecreet grnat for me?").groups}
    assert stem("subsidie") in groups["grnat"].alternatives
    assert groups["grnat"].parts == ()  # not a Dutch compound either


def test_two_letters_swapped_in_a_short_english_word_are_a_typo(assistant):
    # One edit from a four-letter word reaches too many others; two neighbouring letters typed
    # in the wrong order do not ("can i get a laon from pmv as a starter" was refused, 0.17).
    stem = assistant.index.analyzer.stem
    reading = assistant.read("can i get a laon from pmv for my short flim as a starter")
    groups = {g.word: g for g in reading.groups}
    assert stem("lening") in groups["laon"].alternatives
    assert stem("film") in groups["flim"].alternatives
    answer = assistant.ask("can i get a laon from pmv as a starter")
    assert answer.answered and answer.passages[0].id == "startlening"
    # Not another edit ("lorn"), nor an English or Dutch word ("sing" is no "sign", "hier" no
    # "hire").
    typo = assistant.index.analyzer._english_typo
    assert (typo("gmae"), typo("lorn"), typo("sing"), typo("hier")) == ("game", None, None, None)
    # Nor a name written with a capital (a reviewer's: "Afke" had been "fake", counterfeits).
    groups = {
        g.word: g for g in assistant.read("Afke designs jewellery, can she protect it?").groups
    }
    assert groups["afke"].alternatives == ()


@pytest.mark.parametrize(
    ("past", "verb"),
    [
        ("ontworpen", "ontwerpen"),
        ("ontwierp", "ontwerpen"),
        ("gekocht", "kopen"),
        ("schonk", "schenken"),
    ],
)
def test_a_strong_verbs_past_form_stands_for_its_infinitive(assistant, past, verb):
    # "ontworpen" stems to "ontworp", which no passage holds: it weighed as the user's rarest
    # detail. Weak verbs need no table: the stemmer joins "gemaakt" and "maken".
    [group] = assistant.read(past).groups
    assert assistant.index.analyzer.stem(verb) in group.alternatives


@pytest.mark.parametrize(
    ("form", "verb", "not_typo_of"),
    [
        ("doneert", "doneer", "concert"),
        ("uitgeleend", "uitlenen", "uitleg"),
        ("vindt", "vinden", None),
    ],
)
def test_a_verb_form_the_stemmer_leaves_its_ending_stands_for_the_verb(
    assistant, form, verb, not_typo_of
):
    stem = assistant.index.analyzer.stem
    [group] = assistant.read(form).groups
    assert stem(verb) in group.alternatives
    assert not_typo_of is None or stem(not_typo_of) not in group.terms


@pytest.mark.parametrize(
    ("participle", "verb"),
    [
        ("ingediend", "indienen"),
        ("ingeschreven", "inschrijven"),
        ("aangesloten", "aansluiten"),
        # A strong verb with an inseparable prefix, by the table of strong verbs.
        ("verkocht", "verkopen"),
        # A verb whose stem ends in "t": its participle adds no second "t", and the stemmer cut
        # "gestart" to "star" ("ik ben net gestart" missed the passages on starting out).
        ("gestart", "starten"),
        ("opgestart", "opstarten"),
        ("gestort", "storten"),
        # A particle before an inseparable prefix, which takes no "ge-": "hoeveel wordt er
        # terugbetaald?" missed the passages on paying back.
        ("terugbetaald", "terugbetalen"),
        ("uitbetaald", "uitbetalen"),
        ("uitbetaalt", "uitbetalen"),
    ],
)
def test_a_compound_verbs_participle_the_corpus_has_stands_for_its_verb_too(
    assistant, participle, verb
):
    # The corpus holds these participles, so they were no unknown word; but they stem apart
    # from their verb ("indiend", "indien"), and the passages say "indienen", "inschrijving".
    stem = assistant.index.analyzer.stem
    [group] = assistant.read(participle).groups
    assert stem(participle) != stem(verb)
    assert stem(verb) in group.alternatives


def test_a_participle_without_a_particle_keeps_its_own_stem_only(assistant):
    # "beschermd" also stands for "beschermen", but that stem is in nearly every passage on
    # intellectual property: as a stand-in it pulled "hoe lang ben ik dan beschermd?" from
    # the patent to the model.
    [group] = assistant.read("beschermd").groups
    assert group.alternatives == ()


def test_a_word_like_a_participle_of_no_verb_keeps_its_stem(assistant):
    # The participle of a verb whose stem ends in "t" stands for that verb ("gestart", above);
    # "gewest" (a region) is no participle of a verb "westen": it had got "west" too.
    stem = assistant.index.analyzer.stem
    assert stem("west") not in assistant.read("welk gewest is bevoegd?").groups[0].terms


def test_a_particle_and_prefix_without_ge_read_alone_is_no_crash_and_no_verb(assistant):
    # "overbelast" begins as "over" + "be-" and ends in "t", but no passage has "overbelas";
    # such a form must not go through the rule for "ge-" participles, which needs a "ge"
    # ("doorverkoopt", whose stem drops its "t", raised there).
    stem = assistant.index.analyzer.stem
    for word in ("overbelast", "bijverdienst", "doorverkoopt"):
        [group] = assistant.read(word).groups
        assert stem(word)[:-1] not in group.alternatives


def test_a_short_word_ending_in_t_or_d_is_no_verb_form(assistant):
    # "bond" (a federation) is not "bon" (a receipt).
    [group] = assistant.read("bond").groups
    assert "bon" not in group.terms


def test_past_forms_come_from_the_table_and_compounds_by_rule():
    assert infinitive("gekocht", set()) == "kopen"
    # A compound's forms by rule, only when its infinitive is a word the caller knows.
    assert infinitive("ontworpen", {"ontwerpen"}) == infinitive("ontwierp", {"ontwerpen"})
    assert infinitive("ontworpen", {"ontwerpen"}) == "ontwerpen"
    assert infinitive("ontworpen", set()) is None
    assert infinitive("uitgevonden", {"uitvinden"}) == "uitvinden"
    # "namen" is the plural of "naam" (a name) too, "gaven" of "gave" (a gift).
    assert infinitive("namen", {"nemen"}) is None
    assert infinitive("gaven", {"geven"}) is None


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        ("ik ontwierp een logo voor een klant, wie heeft de rechten?", "auteursrechten-overdragen"),
        ("ik heb een stoel ontworpen, kan ik dat als model registreren?", "benelux-model"),
        # What the user has done, in a participle the corpus has but whose verb the passage uses.
        ("tegen wanneer moet de klantenlisting ingediend zijn", "btw-klantenlisting"),
        ("hoe lang duurt het voor mijn merk ingeschreven is bij boip", "benelux-merk"),
    ],
)
def test_a_story_in_the_past_tense_is_answered(assistant, question, passage):
    answer = assistant.ask(question)
    assert answer.outcome == "answered"
    assert answer.passages[0].id == passage


def test_an_acronym_the_corpus_lacks_is_no_typo(assistant):
    # As a typo, "NOAA" was "nota", and a policy note answered it with confidence.
    [noaa] = assistant.read("wat is NOAA").groups
    assert noaa.alternatives == ()
    assert assistant.ask("wat is NOAA").outcome == "not_answered"
    assert assistant.read("wat is noaa").groups[0].alternatives  # typed small, it may be one


def test_an_english_word_is_no_typo_of_a_glossary_word(assistant):
    # "grand" is one edit from "grant" but an English word itself; "tricking" is an English
    # word one edit from a corpus word ("pricing"). Neither is read as another word. (Its
    # example was "prospection", two edits from "protection", until the glossary translated
    # "prospection".)
    reading = assistant.read("a grand tricking scheme by a client, can I get help paying?")
    assert reading.english
    groups = {g.word: g for g in reading.groups}
    assert groups["grand"].alternatives == ()
    assert groups["tricking"].alternatives == ()
    assert assistant.index.analyzer.correct("tricking") == "pricing"  # what it is guarded from


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("founder", "founders"),
        ("fines", "fine"),
        ("taxes", "tax"),
        ("country", "countries"),
        ("countries", "country"),
        ("status", "statuses"),
        ("news", "newses"),  # not "new"
        ("business", "businesses"),
    ],
)
def test_an_english_noun_has_the_other_number_by_the_regular_rules(word, other):
    assert _number_forms(word) == (other,)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # A question told as a story asks in its last sentence.
        ("Ik verkoop prenten op Etsy. Welk btw-tarief? ", ("Welk btw-tarief", False)),
        # No sentence ends inside a number or an address.
        (
            "6% or 21% VAT on 2.5 prints from www.vlaio.be?",
            ("6% or 21% VAT on 2.5 prints from www.vlaio.be", False),
        ),
        ("...", ("...", False)),
        # A remark after the question is not where it asks.
        (
            "wa is da kunstwerkattest eigenlijk? iedereen praat erover",
            ("wa is da kunstwerkattest eigenlijk", True),
        ),
        (
            "hoe lang blijft dat bestaan? Ik denk aan mijn kinderen.",
            ("hoe lang blijft dat bestaan", True),
        ),
        # Of two questions, the last; a story without a question mark asks in its last sentence.
        ("kan dat? en wat kost het?", ("en wat kost het", False)),
        ("ik verkoop prenten. welk tarief", ("welk tarief", False)),
    ],
)
def test_a_message_asks_in_its_last_question_not_in_a_story_or_remark(text, asked):
    assert asking_sentence(text) == asked


@pytest.mark.parametrize(
    "text, sentence",
    [
        # A last sentence that opens as a question asks without its question mark.
        (
            "new contract. is that normal? what's the difference with a licence",
            "what's the difference with a licence",
        ),
        # A verb first is as often a statement whose subject was left out, and "wat" or "hoe"
        # may open an exclamation: the question before stays where it asks.
        ("hoe bouw ik da op? heb nog nooit zoiets gedaan", "hoe bouw ik da op"),
        ("wat krijgt een maker? Willen onze commissie vergelijken.", "wat krijgt een maker"),
        (
            "Moet ik btw aanrekenen op mijn NFT's? Zou ik graag weten",
            "Moet ik btw aanrekenen op mijn NFT's",
        ),
        ("Is het 6% of 21%? Wat een gedoe", "Is het 6% of 21%"),
    ],
)
def test_a_last_sentence_that_opens_as_a_question_asks(text, sentence):
    assert asking_sentence(text)[0] == sentence


def test_a_number_typed_with_its_unit_is_the_users_own_detail(assistant):
    groups = {g.word: g for g in assistant.analyse("is the startlening really max 4x my 90k?")}
    assert groups["4x"].specificity == groups["90k"].specificity == DETAIL_SPECIFICITY
    assert assistant.index.specificity(groups["startlening"]) == 1.0


def test_a_verbs_form_for_hij_or_zij_stands_for_its_verb(assistant):
    analyzer = assistant.index.analyzer
    # The stemmer keeps the "-t" of "betaalt" and "beheert", so "hoeveel sociale bijdragen
    # betaalt mijn dochter?" missed every passage that says "betalen".
    (group,) = assistant.analyse("betaalt")
    assert analyzer.stem("betalen") in group.alternatives
    (group,) = assistant.analyse("beheert")
    assert analyzer.stem("beheren") in group.alternatives
    assert analyzer.finite_verb("geeft") == "geven"
    assert analyzer.finite_verb("stopt") == "stoppen"
    # Spelled by the rules: a short vowel doubles its consonant ("stelen" is to steal), an
    # unstressed one does not.
    assert analyzer.finite_verb("stelt") == "stellen"
    assert analyzer.finite_verb("rekent") == "rekenen"
    # A noun in "-t" is no verb's form: its "-en" is a plural, no word, or a far rarer word
    # ("karen", "marken").
    for noun in ("attest", "contract", "kunst", "statuut", "budget", "kaart", "markt", "sport"):
        assert analyzer.finite_verb(noun) is None, noun
    # Read as the noun it is, the question finds the flat rate first (answered at 0.82 until
    # the word votes of 5 December 2026, which give most of this question's few words to
    # questions no passage answers: 0.61, a near miss that offers the passage).
    found = assistant.retrieve("Hoeveel bedraagt het kostenforfait?")
    assert found.hits[0].passage.id == "forfaitaire-beroepskosten-zelfstandige"


def test_a_place_no_passage_names_is_the_users_own_detail(assistant):
    groups = {g.word: g for g in assistant.analyse("een beurs in hasselt, ik woon in brugge")}
    assert groups["hasselt"].specificity == DETAIL_SPECIFICITY
    # Not stemmed into a word of the corpus: Bruges is no bridge ("brug").
    assert groups["brugge"].terms == ("brugge",)
    assert groups["brugge"].specificity == DETAIL_SPECIFICITY
    # So is living there: "woon" had matched the passage on protecting one's home.
    groups = {g.word: g for g in assistant.analyse("ik woon in hasselt, waar schrijf ik me in")}
    assert groups["woon"].specificity == DETAIL_SPECIFICITY
    # Not where living somewhere is the question's condition.
    groups = {g.word: g for g in assistant.analyse("moet ik in vlaanderen wonen?")}
    assert groups["wonen"].specificity is None
    # A place the passages name is a word like any other.
    (gent,) = assistant.analyse("gent")
    assert gent.specificity is None
    assert assistant.index.information(gent) > 0


def test_a_town_abroad_says_abroad_unless_the_user_lives_there(assistant):
    # "een beurs in Milaan" is a fair abroad: as a mere detail, the question lost the word FIT
    # is about and was refused at 0.23, with a passage on designs first.
    abroad = assistant.terms("buitenland")[0]
    groups = {g.word: g for g in assistant.analyse("een beurs in milaan")}
    assert abroad in groups["milaan"].terms and groups["milaan"].specificity is None
    hits = assistant.search("ik sta met mijn juwelen op een beurs in Milaan, krijg ik steun?")
    assert hits[0].passage.id == "fit"  # not the grant ("beurs") for artists
    # Where the user lives is their detail, abroad or unknown to the passages ...
    group = {g.word: g for g in assistant.analyse("ik woon in milaan")}["milaan"]
    assert group.specificity == DETAIL_SPECIFICITY and abroad not in group.terms
    # ... and a town the passages name, unless the question asks for support and names no
    # other place: then its local measures may be what is asked.
    groups = {g.word: g for g in assistant.analyse("ik woon in gent maar wil in brussel spelen")}
    assert groups["gent"].specificity == DETAIL_SPECIFICITY
    assert groups["brussel"].specificity is None
    (_, gent, _) = assistant.analyse("ik woon in gent, welke subsidies zijn er")
    assert gent.specificity is None
    # (Answered until the word votes of 5 December 2026: "welke subsidies zijn er" votes for
    # the overviews of grants, 0.52.)
    found = assistant.retrieve("ik woon in Antwerpen, welke subsidies zijn er?")
    assert found.hits[0].passage.id.startswith("antwerpen-")
    # Where the question asks no support, the town is the user's detail: it had sunk this.
    answer = assistant.ask("I live in Ghent, how do I register as self-employed?")
    assert answer.answered and answer.passages[0].id == "starten-als-zelfstandige"


def test_a_count_written_out_is_the_users_detail(assistant):
    # "zeven" (seven) was stemmed to "zeef" (a sieve) and weighed as a word of the subject.
    groups = {g.word: g for g in assistant.analyse("ik heb al zeven jingles gemaakt")}
    assert groups["zeven"].specificity == DETAIL_SPECIFICITY


def test_an_english_loanword_in_a_dutch_question_is_no_typo(assistant):
    # "jingles" was corrected to "singles", and the single permit for workers from abroad
    # came first for "kheb al zeven korte jingles gemaakt ..., is da genoeg voor sabam".
    (jingles,) = assistant.analyse("jingles")
    assert jingles.alternatives == ()
    hits = assistant.search(
        "kheb al zeven korte jingles gemaakt, is da genoeg om bij sabam te geraken"
    )
    assert "sabam" in hits[0].passage.id
    # A typo that is no English word is still read, and so is an English plural ("gifts
    # aftrekbaar"); an English word with another ending is another word ("contractor").
    (typo,) = assistant.analyse("winwinlenin")
    assert assistant.terms("winwinlening")[0] in typo.terms
    for typed, meant in (("gifts", "gift"), ("projects", "project")):
        (group,) = assistant.analyse(typed)
        assert assistant.terms(meant)[0] in group.terms, typed
    (contractor,) = assistant.analyse("contractor")
    assert assistant.terms("contract")[0] not in contractor.terms


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        # Chat abbreviations of function words weighed as the rarest words of the question.
        ("hoe word ik lid vn sabam", "sabam-lid-worden"),
        ("wnnr betaalt sabam uit", "sabam-uitbetaling"),
        # An acronym's plural typed without its apostrophe found nothing at all (0.00).
        ("welke sbks zijn er", "sbk"),
        # The sign itself, which was dropped as no letter.
        ("mag ik een ® zetten naast mn logo", "merk-r-teken"),
    ],
)
def test_chat_abbreviations_acronym_plurals_and_the_registered_sign_are_read(
    assistant, question, passage
):
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == passage


def test_the_united_nations_in_capitals_are_no_chat_van(assistant):
    # Read as "van", "VN" left "subsidie" alone, which a project grant answered (0.84).
    assert [g.word for g in assistant.analyse("VN subsidie")] == ["verenigdenaties", "subsidie"]
    assert not assistant.ask("VN subsidie").answered
    assert [g.word for g in assistant.analyse("lid vn sabam")] == ["lid", "sabam"]


def test_a_word_whose_correction_is_a_stopword_is_no_word_of_the_question(assistant):
    # "hoevel" was corrected to "hoeveel", a stopword no passage is indexed by, so it stayed a
    # word the corpus lacks and weighed two thirds of the question, which was refused at 0.45.
    for typed, dropped in (
        ("hoevel kost een merk registreren", "hoevel"),
        ("wa moetek doen om zelfstandig te worde", "worde"),
    ):
        words = [g.word for g in assistant.read(typed).groups]
        assert dropped not in words, typed
    answer = assistant.ask("hoevel kost een merk registreren")
    assert answer.answered and answer.passages[0].id == "benelux-merk"


def test_laat_after_hoe_is_no_word_of_the_subject(assistant):
    # "hoe laat" asks a time of day, or "laat" is "laten": as a word it matched "te laat
    # betalen", and "hoe laat is het?" was answered with a passage on late invoices.
    assert [g.word for g in assistant.read("hoe laat sluit het cultuurloket").groups] == [
        "sluit",
        "cultuurloket",
    ]
    # (Asking the time is talk now: it is told what Wegwijzer can do.)
    assert not assistant.ask("hoe laat is het?").answered
    answer = assistant.ask("hoe laat ik mijn merk registreren")
    assert answer.answered and answer.passages[0].id == "benelux-merk"
    # Elsewhere "laat" is a word: "te laat betalen".
    assert "laat" in [g.word for g in assistant.read("sociale bijdragen te laat betalen").groups]


def test_merken_as_noticing_is_no_trademark(assistant):
    # "ik merk dat ..." (I notice that) had the stem of "merk": a question on late invoices had
    # the Benelux trademark first, and "ik merkte dat iemand mijn foto gebruikt" was refused.
    for question in (
        "ik merk dat mijn facturen te laat betaald worden",
        "ik merkte dat iemand mijn foto gebruikt",
        "we merken dat de bijdragen stijgen",
        "je merkt het aan de prijs",
    ):
        words = [g.word for g in assistant.read(question).groups]
        assert not any(w.startswith("merk") for w in words), question
    answer = assistant.ask("ik merkte dat iemand mijn foto gebruikt zonder toestemming")
    assert answer.answered and answer.passages[0].id == "foto-gebruikt-zonder-toestemming"
    # The noun stays a word, also after "je", which is "your" as well as "you".
    for question in ("hoe bescherm je merk", "welk merk ik moet registreren", "twee merken"):
        assert any(g.word.startswith("merk") for g in assistant.read(question).groups), question


def test_a_particle_verb_the_corpus_lacks_stands_for_its_verb(assistant):
    # The particle is a stopword, so "bijverzekeren" was not split: the question found nothing.
    groups = assistant.read("kan ik me bijverzekeren").groups
    assert assistant.terms("verzekeren")[0] in groups[0].alternatives
    conversation = Conversation(assistant)
    conversation.ask("ik ben ziek als zelfstandige, krijg ik iets")
    answer = conversation.ask("en kan ik me bijverzekeren?")
    assert answer.answered and answer.passages[0].id == "gewaarborgd-inkomen"
    # Not a noun or adjective after what looks like a particle ("overwinning" had become
    # "winning", answered with the winwinlening), nor an everyday particle verb, whose
    # meaning is its own ("aantrekken" is no "trekken", "aangezien" no verb at all).
    for word in ("overwinning", "aangenaam", "voorgerecht", "uitdaging", "aantrekken"):
        assert not assistant.read(word).groups[0].alternatives, word
        assert not assistant.ask(word).answered, word


def test_an_english_word_inside_a_translated_phrase_is_no_word_of_its_own(assistant):
    # "word mark" is "woordmerk"; "mark" on its own matched "marktonderzoek", which answered.
    words = [g.word for g in assistant.read("what is a word mark").groups]
    assert words == ["word"]
    answer = assistant.ask("what is a word mark")
    assert answer.answered and answer.passages[0].id == "merk-soorten"


@pytest.mark.parametrize(
    ("question", "word", "verb"),
    [
        ("hoe vraag ik een beurs aan?", "vraag", "aanvragen"),
        # Particle + "te" + verb: "aan te sluiten" had been read as "sluiten" alone.
        ("wat kost het om bij sabam aan te sluiten?", "sluiten", "aansluiten"),
        ("wanneer moet ik mijn dossier in te dienen?", "dienen", "indienen"),
        ("een galerie verkoopt mijn werk door", "verkoopt", "doorverkopen"),
    ],
)
def test_a_separable_verbs_parts_are_read_as_the_verb(assistant, question, word, verb):
    stem = assistant.index.analyzer.stem
    assert stem(verb) in _group(assistant, question, word).terms


def test_a_word_before_a_particle_is_no_separable_verb_unless_they_make_a_verb(assistant):
    # "in gent ... in aalst": "in" + "gen(t)" stemmed to a corpus word, which stood in for
    # Ghent. (That word, "ing", came from cutting "ingehouden" into "inge" + "houden", which
    # the splitter no longer does; the reading is checked all the same.)
    stem = assistant.index.analyzer.stem
    question = "mag ik een loket in gent nemen als ik in aalst woon?"
    [gent] = [g for g in assistant.read(question).groups if g.word == "gent"]
    assert stem("ingen") != stem("gent")
    assert gent.terms == (stem("gent"),)
    # A short present form is not read without its "-t": "get ... in" is no "inge" (a name).
    analyzer = assistant.index.analyzer
    assert analyzer._is_verb("door", "verkoopt") and not analyzer._is_verb("in", "get")


def test_vorige_is_no_word_of_a_question(assistant):
    # "vorige" stemmed to "voor", a stopword's form that two variants' "vorige" made a corpus
    # term: "vorige maand", "vorig jaar" weighed as a word of the question.
    groups = assistant.read("hoe weten zij dat ik vorige maand live gespeeld heb?").groups
    assert all(g.word not in ("vorige", "vorig") for g in groups)
    answer = assistant.ask(
        "Wanneer betaalt Sabam eigenlijk uit? En hoe weten zij dat ik vorige maand live "
        "gespeeld heb?"
    )
    assert answer.answered and answer.passages[0].id == "sabam-uitbetaling"


def test_in_aanmerking_komen_is_no_income(assistant):
    # "komt ... in" had been joined to "inkomen": income, which asked for a figure.
    [komt] = [g for g in assistant.read("komt hij in aanmerking?").groups if g.word == "komt"]
    assert komt.terms == ("komt",)
    [dien] = [g for g in assistant.read("wanneer dien ik het in?").groups if g.word == "dien"]
    assert assistant.index.analyzer.stem("indienen") in dien.terms


def test_who_an_attest_is_for_answers_whether_one_qualifies(assistant):
    # The passage says "Het attest is er voor beeldende en audiovisuele kunst, ... spektakel"
    # and "tenzij je starter bent": conditions, which the fact detector had missed (partial,
    # 0.14).
    answer = assistant.ask(
        "Kom ik als auteur van heemkundige boeken in aanmerking voor dat kunstwerkattest?"
    )
    assert answer.outcome == "answered"
    assert answer.passages[0].id == "kunstwerkattest-beoordeling"


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        ("hoeveel moet ik ophoesten om lid te worden van sabam?", "sabam-kosten-lidmaatschap"),
        (
            "mijn bomma wil mij geld lenen voor mijn atelier, kan da met belastingvoordeel?",
            "winwinlening",
        ),
    ],
)
def test_flemish_words_for_paying_and_for_grandparents_are_read(assistant, question, passage):
    # "ophoesten" (to pay up) and "bomma" (grandma) weighed as the rarest words of their
    # questions, which were refused at 0.13 and 0.50.
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == passage


def test_a_hyphenated_town_is_one_place():
    from assistant.places import places_asked, places_named

    # Sint-Agatha-Berchem is in Brussels, Berchem in Antwerp.
    assert places_named(surface_tokens("ik woon in Sint-Agatha-Berchem")) == {
        "sintagathaberchem",
        "brussel",
    }
    assert places_named(surface_tokens("ik woon in Berchem")) == {"berchem", "antwerpen"}
    # Where the user lives, however many parts its name has, is not the place asked about.
    assert not places_asked(surface_tokens("ik woon in Sint-Niklaas, kan ik die ook krijgen?"))


@pytest.mark.parametrize(
    "text",
    [
        "hij zette het op zijn blog zonder het mij te vragen",
        "een rapper gebruikt mijn gedicht zonder iets te vragen",
        "ze gebruiken mijn foto zonder te vragen",
        "they used my photo without asking",
    ],
)
def test_used_without_asking_reads_as_without_permission(text):
    words = raw_words(text)
    assert ("zonder" in words and "toestemming" in words) or "permission" in words
    assert not {"vragen", "asking"} & set(words)


@pytest.mark.parametrize(
    "text",
    [
        "zonder vragen te stellen",  # the noun: questions
        "zonder te vragen om een vergoeding",
        "zonder te vragen, in ruil voor een vermelding",
        "hij geeft geld zonder iets terug te vragen",
        "kan ik een gift geven zonder iets te vragen in ruil",
        "can I donate to a museum without asking anything in return",
        "can I sponsor a festival without asking for anything back",
    ],
)
def test_a_gift_asks_nothing_back_and_keeps_its_words(text):
    # Asking nothing in return says what a gift is, not that permission was lacking.
    assert not {"toestemming", "permission"} & set(raw_words(text))


@pytest.mark.parametrize(
    "text",
    [
        "ik wil mijn boek afschrijven, is daar subsidie voor?",
        "een beurs om mijn roman af te schrijven",
        "ik heb tijd nodig om het scenario van mijn film af te schrijven",
        "hoe lang duurt het voor ik mijn roman afschrijf",
        "ik schrijf mijn debuutroman af in het buitenland",
    ],
)
def test_finishing_a_written_work_is_writing_it(text):
    words = raw_words(text)
    assert not {"afschrijven", "afschrijf", "af"} & set(words)


@pytest.mark.parametrize(
    "text",
    [
        "moet ik mijne nieuwe pc afschrijven",
        "over hoeveel jaar schrijf ik een nieuwe werktafel af",
        "mag ik de kosten van mijn boek afschrijven",
        "de investering in het scenario afschrijven over drie jaar",
    ],
)
def test_writing_off_a_purchase_or_a_cost_stays_writing_off(text):
    assert {"afschrijven", "af"} & set(raw_words(text))


def test_a_writer_finishing_a_book_is_not_told_about_depreciation(assistant):
    # It got the passage on spreading an investment's cost (0.76).
    answer = assistant.ask("ik wil mijn boek afschrijven, is daar subsidie voor?")
    assert "afschrijven-investeringen" not in [p.id for p in answer.passages]


def test_a_story_of_use_without_asking_reaches_the_steps_against_an_infringement(assistant):
    found = assistant.retrieve(
        "Iemand heeft een hoofdstuk uit mijn roman op zijn blog gezet, zonder het mij te vragen."
        " Wat kan ik daartegen doen?"
    )
    assert found.hits[0].passage.id == "inbreuk-auteursrecht-stappen"


def test_the_words_of_a_story_around_the_question_are_the_users_details(assistant):
    def specificity(question, word):
        return {g.word: g.specificity for g in assistant.analyse(question)}[word]

    story = "Ik heb een verstelbare gitaarhals ontwikkeld. Kan ik daar octrooi op aanvragen?"
    assert specificity(story, "gitaarhals") == DETAIL_SPECIFICITY
    # Asked about, the same word is no detail.
    assert specificity("Kan ik octrooi vragen op een gitaarhals?", "gitaarhals") is None
    # A remark after the question is told too.
    assert specificity("Kan ik octrooi aanvragen? Het gaat om een gitaarhals.", "gitaarhals") == (
        DETAIL_SPECIFICITY
    )
    # A subject outside the domain keeps its weight wherever it is told.
    rent = "Los daarvan: mijn huisbaas kondigt een huurverhoging aan. Mag hij dat zomaar doen?"
    assert specificity(rent, "huisbaas") is None
    assert assistant.ask(rent).outcome == "not_answered"


def test_a_question_after_a_story_of_the_users_own_is_answered(assistant):
    answer = assistant.ask(
        "Ik heb een nieuw mechanisme voor een verstelbare gitaarhals ontwikkeld. "
        "Kan ik daar octrooi op aanvragen?"
    )
    assert answer.outcome == "answered"
    assert answer.passages[0].id == "octrooi"


def test_precies_is_a_filler_not_a_word_of_the_question(assistant):
    # "Wat is Kunst Aan Zet precies?" weighed "precies" as much as the programme's name.
    assert "precies" not in {g.word for g in assistant.analyse("Wat is Kunst Aan Zet precies?")}
    answer = assistant.ask("Wat is Kunst Aan Zet precies?")
    assert answer.outcome == "answered" and answer.passages[0].id == "kunst-aan-zet"


def test_remaining_after_how_long_is_lasting(assistant):
    # "hoe lang blijft mijn song beschermd?" asks how long the right lasts; the passages say
    # "duurt". Without "hoe lang", "blijft" is no duration ("wat blijft er over?").
    def alternatives(question, word):
        return next(g.alternatives for g in assistant.read(question).groups if g.word == word)

    assert "duur" in alternatives("hoe lang blijft mijn song beschermd", "blijft")
    assert "duur" in alternatives("hoelang blijven de rechten bestaan?", "blijven")
    assert "duur" not in alternatives("wat blijft er over van mijn factuur?", "blijft")


def test_english_verbs_of_coming_and_knowing_are_no_words_of_the_question(assistant):
    # "an American violinist comes to record in my studio ...": "comes" weighed as much as
    # "violinist" and held the question under the threshold (0.60).
    words = [
        g.word
        for g in assistant.read(
            "my friend comes to record here, do I need to know the rules?"
        ).groups
    ]
    assert "comes" not in words and "know" not in words
    assert "record" in words
    # In Dutch they are no stopwords: "well" and "made" are English words only.
    assert "made" in [g.word for g in assistant.read("ik verkoop mijn made in Gent tassen").groups]


def test_insteken_is_investing(assistant):
    # "en voor een BV, hoeveel geld moet ik er minimum insteken?": a Flemish word for putting
    # money in, which no passage says; unknown, it named a subject no passage holds.
    groups = {g.word: g for g in assistant.read("hoeveel geld moet ik erin insteken?").groups}
    assert assistant.terms("investeren")[0] in groups["insteken"].alternatives


def test_using_a_work_without_asking_is_using_it_without_permission(assistant):
    # Someone else who asked nothing ("Hij heeft niets gevraagd.") is read like "zonder te
    # vragen": as words, "niemand" and "gevraagd" weighed as much as the rest of the story.
    for text in (
        "een webshop verkoopt posters met mijn illustraties, zonder het te vragen",
        "iemand verkoopt t-shirts met mijn tekening, helemaal zonder iets te vragen",
        "Iemand op Instagram verkoopt T-shirts met mijn illustratie. Hij heeft niets gevraagd.",
        "niemand heeft mij iets gevraagd en nu staat mijn foto op hun site",
        "someone used my photo without asking",
        "ze hebben nooit iets gevraagd en nu hangt mijn affiche in hun café",
        "niemand vroeg mij iets",
        "they used my photo and didn't ask me",
    ):
        words = {g.word for g in assistant.analyse(text)}
        assert words & {"toestemming", "permission"}, text
        assert not words & {"vragen", "gevraagd", "asking"}, text
    # Not the user's own asking, nor asking without "zonder".
    for text in (
        "ik heb nog niets gevraagd aan de bank",
        "mag ik dat vragen aan mijn klant?",
        # asking nothing for something: a gift, not an infringement
        "hij heeft niks gevraagd voor zijn logo op mijn affiche, is dat sponsoring?",
    ):
        assert "toestemming" not in {g.word for g in assistant.analyse(text)}, text
    found = assistant.retrieve(
        "Op een Facebookpagina en een webshop verkoopt iemand T-shirts met mijn hoofdpersonage "
        "erop, gewoon overgetekend van een cover. Niemand heeft mij iets gevraagd. Wat doe ik?"
    )
    assert found.hits[0].passage.id == "inbreuk-auteursrecht-stappen"


def test_street_interjections_are_no_words_of_a_question(assistant):
    # "wesh" was corrected to "west", the heaviest word of a question on joining Sabam (0.42).
    question = "wesh hoe word ik eigenlijk lid van sabam wa moet ik allemaal tonen"
    assert all(g.word != "wesh" for g in assistant.read(question).groups)
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == "sabam-lid-worden"
    assert all(g.word != "wollah" for g in assistant.read("wollah hoe werkt sabam").groups)


def test_function_words_of_chat_and_dialect_are_no_words_of_a_question(assistant):
    # Limburg "vör" (voor) and "zjus" (juist) weighed as unknown rare words, "iedereen",
    # "daarheen", "naartoe" and "gehad" as words of the question: the SBK refused at 0.16,
    # the Cultuurloket at 0.36, Design Vlaanderen at 0.05.
    for question, passage in (
        ("wa is da zjus, e sociaal bureau vör kunstenaars?", "sbk"),
        ("wat doet dat Cultuurloket eigenlijk? iedereen stuurt mij daarheen", "cultuurloket"),
        (
            "Vroeger ging ik voor advies naar Design Vlaanderen. Bestaat dat nog, of waar is dat "
            "naartoe?",
            "design-vlaanderen",
        ),
    ):
        words = {g.word for g in assistant.read(question).groups}
        assert not words & {"vor", "vör", "zjus", "iedereen", "daarheen", "naartoe"}, question
        # (Design Vlaanderen's question, answered at 0.63 until the word votes of 5 December
        # 2026, was a near miss at 0.57 with them, and is answered again at 0.79 with the
        # labelled questions most like it: its passage says Flanders DC took it over.)
        assert assistant.retrieve(question).hits[0].passage.id == passage, question
        assert assistant.ask(question).answered, question
    assert "gehad" not in {g.word for g in assistant.read("ik heb coaching gehad").groups}


def test_a_mistyped_word_that_asks_is_read_as_that_word(assistant):
    # The few words that tell what is asked (a term, a date, a price) lost it to one typo:
    # "Hoelnag heb je auteursrecht?" got the passage on author's rights, not the one on how
    # long they last, and "wanner" asked no date.
    read = assistant.read("Hoelnag heb je auteursrecht?")
    assert read.tokens[0] == "hoelang" and "duration" in asked_facts(read.tokens)
    answer = assistant.ask("Hoelnag heb je auteursrecht?")
    assert answer.answered and answer.passages[0].id == "auteursrecht-duur"
    for question, kind in [
        ("wanner moet ik de werkbeurs indienen", "when"),
        ("hoe lnag duurt een benelux-model", "duration"),
        ("wat is de prjis van een i-depot", "cost"),
        ("wat is de deadlien voor een projectsubsidie", "deadline"),
        ("whne is the deadline for the game fund", "when"),
    ]:
        assert kind in asked_facts(assistant.read(question).tokens), question


def test_a_word_in_its_own_right_is_not_read_as_a_word_that_asks(assistant):
    # A Dutch word one edit from one that asks is that word: "kist" is no "kost", "bedrog" no
    # "bedrag"; nor is the joined form of "c'est" a "cost", nor Limburg's "mich" (mij) or
    # "ouch" (ook) a "much", which only an English question asks with.
    for question, word in [
        ("mag ik een kist vol prenten verkopen", "kist"),
        ("is dat bedrog van de galerie", "bedrog"),
        ("ich weet neet of ge mich kunt helpen", "mich"),
        ("d'r is ouch 'nen orgelmaker die zo heet", "ouch"),
    ]:
        assert word in assistant.read(question).tokens, question
    read = assistant.read("my band is called C'est Nous, how do I register it as a trademark?")
    assert read.english and "cest" in read.tokens and "cost" not in read.tokens


def test_a_corrected_typo_brings_the_synonyms_of_the_word_it_was_meant_to_be(assistant):
    # "drummr" was read as "drummer", but not as the "muzikant" the passages say: the
    # question fell from 0.76 to 0.31, under the threshold, with PlayRight first all the same.
    typed = {g.word: g for g in assistant.analyse("ik ben drummr en speel mee op een album")}
    meant = {g.word: g for g in assistant.analyse("ik ben drummer en speel mee op een album")}
    assert set(meant["drummer"].alternatives) <= set(typed["drummr"].alternatives)
    assert assistant.terms("muzikant")[0] in typed["drummr"].alternatives
    question = "ik ben drummr en speel mee op het album van een rapper, krijg ik daar geld voor"
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == "playright"


def test_a_corrected_typo_has_the_parts_of_the_word_it_was_meant_to_be(assistant):
    # The parts of a compound vote for its passages: without them "merkregistraatie" lost the
    # SME Fund (0.31), with them it is answered as "merkregistratie" is.
    typed = {g.word: g for g in assistant.analyse("de kosten van mijn merkregistraatie")}
    assert set(assistant.terms("merk")) <= set(typed["merkregistraatie"].parts)
    question = "kan ik een deel van de kosten van mijn merkregistraatie terugkrijgen"
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == "sme-fund"


def test_a_mistyped_dutch_word_in_an_english_question_is_corrected(assistant):
    # "beroopskaart" is no English word and the glossary lacks it: read as the passages'
    # "beroepskaart" (it had been refused at 0.05). An English word the glossary lacks is
    # not read as a Dutch one: "animated" is no "animeren".
    answer = assistant.ask("how much is the fee to apply for a beroopskaart in flanders")
    assert answer.answered and answer.passages[0].id == "beroepskaart-aanvragen"
    groups = {g.word: g for g in assistant.analyse("is a 15-minute animated short eligible")}
    assert groups["animated"].alternatives == ()


def test_a_typo_weighs_as_the_word_it_was_meant_to_be(assistant):
    # As a word no one knows, a typo had weighed the most in its question: "Wat bescehrmt het
    # merkenrecht?" was refused at 0.63 with the Benelux mark first, "beschermt" answered.
    analyzer = assistant.index.analyzer
    typed = {g.word: g for g in assistant.analyse("krijg ik een schadevergoding")}
    assert typed["schadevergoding"].specificity == analyzer.specificity("schadevergoeding")
    # A typo of a word of general Dutch that the passages lack weighs as that word.
    typed = {g.word: g for g in assistant.analyse("mag dat op mijn verjaardg")}
    assert typed["verjaardg"].specificity == analyzer.specificity("verjaardag") < 1.0
    answer = assistant.ask("Wat bescehrmt het merkenrecht?")
    assert answer.answered and answer.passages[0].id == "benelux-merk"


@pytest.mark.parametrize(
    ("question", "dropped", "kept"),
    [
        # An English word the glossary translates into a stopword ("become": "worden") is
        # grammar: "how do I become a member?" after PlayRight had been read as a question
        # of its own. Inside a phrase it still counts.
        ("how do i become a member", "become", "member"),
        ("how do i become self employed", "", "become"),
        # Flemish "qua", "den", and "ongeveer" say nothing of the subject: "en qua
        # belastingen?" kept its topic's first passage.
        ("en qua belastingen?", "qua", "belastingen"),
        ("den boekhouder zegt dat ik btw moet aanrekenen", "den", "boekhouder"),
        ("mijn factuur van ongeveer 1.200 euro", "ongeveer", "factuur"),
        ("how does sabam work exactly", "exactly", "sabam"),
        ("but what if i have to stop my business", "but", "stop"),
        # A verb with "ik" glued after it ("verkoopek", "schrijvek"), and "benk" (ben ik).
        ("verkoopek mijn vazen beter via etsy", "verkoopek", "verkoop"),
        ("oe schrijvek mij in bij de kbo", "schrijvek", "schrijf"),
        ("benk verplicht om btw aan te rekenen", "benk", "btw"),
        ("gak beter naar een sbk", "gak", "sbk"),
        # A word of its own ending in "ek" stays.
        ("mag ik muziek van een ander gebruiken", "", "muziek"),
    ],
)
def test_grammar_fillers_and_glued_pronouns_are_no_words_of_the_question(
    assistant, question, dropped, kept
):
    words = _words(assistant, question)
    assert kept in words and (not dropped or dropped not in words), words


def test_a_singular_les_compound_is_split_like_its_plural(assistant):
    # "keramiekles" had been stemmed whole ("keramiekl"); "keramieklessen" was split.
    analyzer = assistant.index.analyzer
    lesson = analyzer.stem("les")
    for word in ("keramiekles", "gitaarles", "keramieklessen"):
        assert lesson in analyzer.document_terms(word), word
    # A word that merely ends in those letters is no lesson, nor an English plural.
    for word in ("fles", "doodles", "handles"):
        assert lesson not in analyzer.document_terms(word), word
    # Nor a word a typo was corrected to: "bangles" had been "zangles", singing lessons.
    bangles = assistant.read("ik maak bangles en oorbellen in zilver, welk btw tarief?")
    assert lesson not in {t for g in bangles.groups for t in g.terms}


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        # "income tax" had been "personenbelasting", the private tax return's word outside
        # the domain: refused at 0.60 with the right passage first.
        ("do i pay income tax on my royalties", "auteursrechten-belasting"),
        ("hoe kan ik mijn merk registeren", "benelux-merk"),  # not the ®-sign passage
        ("which joint committee for a theatre company", "paritair-comite-kunsten"),
        ("kan ik van svf veranderen", "sociaal-verzekeringsfonds-veranderen"),
    ],
)
def test_words_found_by_probing_reach_their_passage(assistant, question, passage):
    answer = assistant.ask(question)
    assert answer.answered and answer.passages[0].id == passage


def test_an_english_register_number_is_the_enterprise_number(assistant):
    stem = assistant.index.analyzer.stem
    for question in ("kbo number how to get one", "what is my company registration number"):
        terms = {t for g in assistant.read(question).groups for t in g.terms}
        assert stem("ondernemingsnummer") in terms, question
    # Not any registration number: a car's or a national one is no enterprise number.
    car = assistant.read("what is my car registration number")
    assert stem("ondernemingsnummer") not in {t for g in car.groups for t in g.terms}


def test_the_private_tax_return_stays_outside_the_domain(assistant):
    assert not assistant.ask("how do i file my income tax return").answered
    assert not assistant.ask("hoe vul ik mijn belastingaangifte in").answered

