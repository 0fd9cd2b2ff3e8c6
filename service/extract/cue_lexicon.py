"""Cue words of attribution, by how their content hangs off them in the parse. Data, not logic.

Chosen from the cue statistics of the PolNeAR train split (`eval/mine_cues.py`: how often a lemma heads a
gold cue, and through which dependency the content hangs off it); checked on the dev split.
"""

# Verbs of saying: content is a clause ("said that …", "…," X said, X said: "…").
SPEECH_VERBS = frozenset(
    """
    say tell add write note argue suggest report claim explain declare acknowledge insist warn conclude
    recall reply state predict reveal confirm indicate remark joke assure tweet announce respond complain
    admit stress emphasize emphasise continue ask testify allege contend assert maintain concede caution
    counter observe point post quip retort recount boast lament muse speculate affirm charge vow pledge
    promise deny disclose estimate proclaim reiterate repeat threaten whisper shout yell answer agree
    insinuate imply hint signal mention cite recommend propose demand urge describe elaborate clarify
    """.split()
)

# Verbs of belief, knowledge, finding and showing: content is a clause, never a bare object.
BELIEF_VERBS = frozenset(
    """
    think believe know feel fear worry hope expect find show see recognize realize learn consider doubt
    understand suspect guess imagine assume reckon figure prove demonstrate determine decide acknowledge
    wonder bet predict forecast project anticipate
    """.split()
)

# Verbs of intention and stance: content is a to-infinitive ("vowed to …", "refused to …").
INTENTION_VERBS = frozenset(
    """
    want vow pledge promise plan seek refuse decline hope intend threaten decide agree aim prefer
    offer propose urge wish expect need demand ask
    """.split()
)

# Verbs of evaluation and mention: content is the object ("criticized the plan", "called the claims …").
OBJECT_VERBS = frozenset(
    """
    call criticize criticise endorse praise defend support oppose cite mention accuse denounce attack
    describe discuss question dismiss reject blame mock tout list highlight echo applaud thank announce
    deny condemn slam blast welcome hail dispute challenge acknowledge reveal release confirm propose
    demand back urge recommend predict estimate label dub characterize brand
    """.split()
)

# Verbs whose content is the object of a preposition ("pointed to …", "talked about …").
PREP_VERBS: dict[str, frozenset[str]] = {
    "refer": frozenset({"to"}),
    "point": frozenset({"to"}),
    "talk": frozenset({"about"}),
    "speak": frozenset({"about", "of"}),
    "respond": frozenset({"to"}),
    "focus": frozenset({"on"}),
    "boast": frozenset({"about", "of"}),
    "call": frozenset({"for", "on"}),
    "complain": frozenset({"about"}),
    "argue": frozenset({"for", "against"}),
    "warn": frozenset({"of", "about", "against"}),
    "vote": frozenset({"for", "against"}),
    "comment": frozenset({"on"}),
    "push": frozenset({"for"}),
    "advocate": frozenset({"for"}),
    "insist": frozenset({"on"}),
}

# Verbs that may stand after the content as a parenthetical: `"…," X said.` / `…, he added.`
PARENTHETICAL_VERBS = frozenset(
    """
    say tell add write note argue explain insist warn recall reply state continue ask tweet respond
    explain declare acknowledge admit claim conclude quip retort post observe predict joke concede
    """.split()
)

# Nouns that head a data source, which may "show" or "find" without a person behind them.
SOURCE_NOUNS = frozenset(
    """
    poll polls survey study report analysis data research review audit investigation findings
    """.split()
)

# The lemma classes reported apart by the evaluation: speech attributions versus the rest.
SPEECH_LEMMAS = SPEECH_VERBS | {"accord"}
