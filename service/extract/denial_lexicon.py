"""Word tables for claim/denial pairs. Data, not logic: extend freely; lemmas in lower case."""

# Verbs that deny a proposition by themselves ("China denied it was asked ...").
DENY_VERBS = frozenset({"deny"})

# Verbs that refute whatever they take as object; they are about claims unless the object is a proposal.
REFUTE_VERBS = frozenset({"refute", "rebut", "debunk", "dispel", "discredit", "rubbish", "disprove"})

# Verbs that are denials only when their object is a claim-like noun or a that-clause
# ("rejected the allegations", not "rejected the offer").
REJECT_VERBS = frozenset({"reject", "dismiss", "dispute", "contest"})

# Nouns naming something asserted, which a denial word can take as object or subject.
CLAIM_NOUNS = frozenset(
    """
    claim allegation accusation charge report reporting story article account assertion suggestion notion
    idea characterization characterisation description portrayal contention rumor rumour speculation
    insinuation assessment theory narrative finding conclusion statement remark comment depiction
    version implication impression view argument perception criticism attack smear fact number figure
    statistic data poll point
    """.split()
)

# Headline words (title case defeats the tagger) that deny what follows them; the second set only when a
# claim noun follows ("Disputes Characterization Of ...").
HEADLINE_CUES = frozenset(
    {
        "deny",
        "denies",
        "denied",
        "refutes",
        "refuted",
        "rebuts",
        "rebutted",
        "debunks",
        "debunked",
        "disputes",
        "disputed",
        "rejects",
        "rejected",
        "dismisses",
        "dismissed",
    }
)
HEADLINE_CLAIM_CUES = frozenset({"disputes", "disputed", "rejects", "rejected", "dismisses", "dismissed"})

# Verbs linking a subject to a falsity word ("the report is false", "the claims proved baseless").
COPULAS = frozenset({"be", "seem", "appear", "prove", "remain"})

# Subjects of "is wrong" that are people (a person wrong in what they said), not plans or policies.
PERSON_PRONOUNS = frozenset({"he", "she"})

# Possessives pointing back to a party just mentioned ("their account"), unlike "your" or a name.
THIRD_PERSON_POSSESSIVES = frozenset({"his", "her", "their", "its"})

# "many of the points": the noun after "of" is the object.
QUANTIFIERS = frozenset({"many", "some", "all", "each", "any", "most", "several", "much"})

# Nouns that mean the thing itself is false ("this fiction that ...", "called it a lie").
FALSITY_NOUNS = frozenset(
    """
    lie lies falsehood fabrication disinformation misinformation nonsense fiction myth hoax malarkey
    garbage rubbish baloney hogwash smear fantasy
    """.split()
)

# Adjectives that declare a statement false ("the claims are baseless", "called the report false").
FALSITY_ADJECTIVES = frozenset(
    """
    false untrue baseless groundless unfounded fabricated bogus fake inaccurate incorrect misleading
    erroneous phony phoney fictitious debunked discredited unsubstantiated fabricate
    """.split()
)

# Words that call something false only when aimed at a claim ("the report is wrong", "dismissed it as
# absurd"); aimed at a person or a plan they are opinions.
OPINION_FALSITY = frozenset({"absurd", "ridiculous", "preposterous", "wrong", "mistaken", "unsupported"})

# Verbs through which a party labels a statement ("called the claims false", "described it as a lie").
LABEL_VERBS = frozenset(
    {"call", "label", "describe", "brand", "term", "characterize", "characterise", "dismiss"}
)

# Things one can be denied that are not propositions ("denied him entry", "denied the request").
DENIED_THINGS = frozenset(
    """
    entry access permission permit bail visa clearance request application service benefit right rights
    opportunity chance vote nomination admission admittance passage asylum parole funding funds license
    licence coverage care treatment seat place spot communion
    """.split()
)

# What a party denies having done or had, when "deny" takes a plain noun ("denied any wrongdoing").
DENIED_CHARGES = frozenset(
    """
    wrongdoing involvement role link links tie ties connection connections knowledge existence affair
    participation complicity responsibility contact contacts relationship meeting
    """.split()
)

# Determiners that make a claim noun a particular claim ("the false claims", "these baseless charges").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})

# Modals under which a denial is not made but conditioned, wished or required ("could deny", "must rebut").
HYPOTHETICAL_MODALS = frozenset({"could", "would", "might", "may", "must", "should"})

# Objects that make a rejection a rejected proposal, not a denied claim.
PROPOSAL_NOUNS = frozenset(
    """
    proposal offer request plan bill deal measure amendment motion nomination nominee invitation bid appeal
    policy policies agreement treaty settlement compromise budget resolution petition demand call candidate
    application idea approach option suggestion
    """.split()
)

# Modal words that turn a that-clause into a proposal ("rejected the notion that we should ...").
PROPOSAL_MODALS = frozenset({"should", "must", "ought", "shall", "need"})

# Words that stand for a claim made elsewhere ("denied it", "the claims", "which he denied").
BACK_REFERENCE_PRONOUNS = frozenset({"it", "this", "that", "which", "these", "those", "they", "them"})

# Reporting and denial vocabulary that says nothing about the content of a claim.
NON_CONTENT_LEMMAS = frozenset(
    """
    say tell claim report deny denial reject dismiss dispute refute rebut call state add accuse allege
    insist suggest argue note write tweet according statement be have do make get go know think also
    mr. mrs. ms. dr. people thing way year time come take give put keep let seem become want try
    """.split()
)

# Claim nouns whose complement states a claim wherever they occur ("a report saying X", "the allegation
# that X"), so that a later denial can point back to it.
STATEMENT_NOUNS = frozenset(
    """
    claim allegation accusation charge report reporting story article account assertion suggestion contention
    rumor rumour speculation insinuation theory notion
    """.split()
)

# Words naming the same kind of claim: a back-reference ("the report", "the allegations") points to a
# statement named by a word of its family (its claim noun, its speaker's head noun or its cue).
REPORT_KINDS = frozenset(
    "report reporting story article analysis investigation study review finding findings".split()
)
ACCUSATION_KINDS = frozenset("allegation accusation charge accuse allege insinuation smear".split())
KIND_FAMILIES = (REPORT_KINDS, ACCUSATION_KINDS)

# Participles by which a claim noun reports its content ("a report saying X", "a study suggesting X").
REPORTING_VERBS = frozenset("say suggest claim allege show state assert indicate find conclude argue".split())

# Verbs that always take an object: a "that" clause after a claim noun that leaves one of them without it is
# a relative clause ("the story that the voters won't buy"), not what the noun claims.
OBJECT_VERBS = frozenset(
    """
    buy sell claim say tell make spread peddle push promote tout repeat embrace adopt accept believe invent
    create craft construct perpetuate advance offer feed cite quote use want need hear read
    """.split()
)

# Nouns for a picture painted of someone, a claim when it says what they are ("the image of X as Y").
PORTRAYAL_NOUNS = frozenset(
    "image portrayal portrait depiction characterization characterisation picture".split()
)

# Nouns measuring out a falsity noun ("a bunch of malarkey", "a pack of lies").
QUANTITY_NOUNS = frozenset("bunch pack load lot heap pile series web tissue string".split())

# Adverbs that turn "not true" / "not the case" into a qualification ("not always the case").
HEDGES = frozenset("always necessarily quite entirely exactly completely yet universally totally".split())

# Claim nouns that may name a view rather than a stated fact ("rejected the notion", "disputed the
# argument"): without a stated clause, nearness alone does not tell which statement they answer.
OPINION_NOUNS = frozenset(
    """
    notion idea view argument perception impression theory narrative assessment implication contention
    point suggestion
    """.split()
)

# Verbs reporting what someone says, whose clause a pronoun later in the sentence can deny ("When X says
# Y, that is false").
SAYING_VERBS = frozenset("say claim tell suggest insist argue assert allege contend tweet write".split())

# Participles by which a reporter glosses a clause after it ("..., saying Y", "..., explaining that Y"): not
# part of what the clause states.
GLOSS_VERBS = SAYING_VERBS | REPORTING_VERBS | frozenset("explain note add point stress cite".split())

# Verbs by which someone puts falsehoods about ("peddling fiction", "spreading lies").
SPREAD_VERBS = frozenset("peddle spread push spout repeat circulate".split())

# Verbs under which a verdict is wished, feared or wondered, not asserted ("I hope they are fake").
NON_ASSERTIVE_VERBS = frozenset("hope wish fear wonder doubt pray imagine suppose pretend".split())

# Verbs by which someone is portrayed, so that the passive clause is a claim about them ("when I am
# described as X, it is not true").
PORTRAYING_VERBS = frozenset(
    "describe portray depict characterize characterise call label paint brand".split()
)
