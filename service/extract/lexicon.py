"""Word lists shared by several extractors. Data, not logic: extend freely."""

# Titles and roles that precede or stand for a name ("Spokesperson Zhao Lijian", "the spokesman").
TITLE_WORDS = frozenset(
    """
    president vice-president vp prime minister premier chancellor secretary minister spokesman spokeswoman
    spokesperson spokespeople advisor adviser director chairman chairwoman chair ceo cfo founder head chief
    senator sen. rep. representative congressman congresswoman governor gov. mayor judge justice ambassador
    general gen. admiral adm. colonel col. lieutenant lt. captain capt. sergeant sgt. commissioner attorney
    king queen prince princess pope bishop cardinal rev. reverend dr. dr prof. professor mr. mr mrs. mrs ms.
    ms miss sir dame lord lady official officer analyst leader candidate nominee speaker diplomat envoy
    councilman councilwoman superintendent sheriff deputy aide economist strategist pollster
    """.split()
)

# Words that make an honorific carry gender, for pronoun resolution.
MALE_HONORIFICS = frozenset({"mr.", "mr", "sir", "lord", "king", "prince", "congressman", "councilman"})
FEMALE_HONORIFICS = frozenset(
    {"mrs.", "mrs", "ms.", "ms", "miss", "dame", "lady", "queen", "princess", "congresswoman", "councilwoman"}
)

# Other names of the same place or body, written as variants of one canonical name.
ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "u.s.a.": "United States",
    "usa": "United States",
    "america": "United States",
    "the united states": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "un": "United Nations",
    "u.n.": "United Nations",
    "eu": "European Union",
    "e.u.": "European Union",
}

# A capital standing for its country ("Moscow has asked Beijing ..."): used to match claims, not entities.
CAPITAL_METONYMS = {
    "washington": "United States",
    "moscow": "Russia",
    "beijing": "China",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "london": "United Kingdom",
    "paris": "France",
    "berlin": "Germany",
    "tokyo": "Japan",
    "tehran": "Iran",
    "pyongyang": "North Korea",
    "seoul": "South Korea",
    "brussels": "European Union",
    "jerusalem": "Israel",
    "ankara": "Turkey",
    "new delhi": "India",
    "taipei": "Taiwan",
    "havana": "Cuba",
    "damascus": "Syria",
    "riyadh": "Saudi Arabia",
}
