"""Cue words of attribution, by how their content hangs off them in the parse. Data, not logic.

Mined from the PolNeAR train split with `eval/mine_cues.py`, which runs every content route with every
lemma and counts how often what it finds is a gold attribution with that cue: a lemma is listed for a route
when it is right at least 25% of the time over at least 3 uses (that count asks for the gold cue as well,
so it understates the scorer's precision; lower thresholds stopped helping on train), plus rare verbs of
saying the data is too small to judge, minus a few pairs that are plainly not attribution and the pairs
whose predictions the scorer matches under 35% of the time over at least 5 uses on train. Checked on the
dev split.
Some lemmas are spaCy's own mistakes kept on purpose: "hoped" lemmatizes to "hop", "retweeted" to "retweete".
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass


@dataclass(frozen=True)
class CueLexicon:
    """Lemmas per content route; `preposition` holds "lemma preposition" pairs ("point to")."""

    clause: Container[str]
    colon: Container[str]
    intention: Container[str]
    preposition: Container[str]
    object: Container[str]
    noun: Container[str]


# Content is a clause: "said that …", "…," X said (the quote is the verb's clausal complement).
CLAUSE_VERBS = frozenset(
    """
    acknowledge add admit adopt affirm agree allege announce answer anticipate appear argue ask assert
    assume assure believe bet boast break calculate call capture caution charge cite claim clarify
    complain concede conclude confirm consider contend continue convince counter criticize crystallize
    cut decide declare demand demonstrate denounce deny describe detail determine disclose discover
    discuss doubt draw elaborate emphasise emphasize endorse estimate expect explain express fear figure
    find fire forecast forget guess highlight hint hop hope imagine imply indicate inform insinuate
    insist interject joke know lament lay learn maintain mention mock move muse note notice observe play
    pledge point post predict press proclaim project promise propose prove question quip quote raise
    reaffirm realize recall reckon recognize recommend recount reiterate remark remember remind repeat
    reply report require respond retort reveal say seek seem sense share shout show signal speculate
    state stress strike suggest suspect tell testify think threaten tweet underscore understand urge vow
    want warn welcome whisper wonder worry write yell
    """.split()
)

# Clause verbs that name an addressee before the clause ("told reporters he …", "warned allies that …").
ADDRESSEE_VERBS = frozenset(
    "advise assure caution convince inform notify persuade promise reassure remind tell warn".split()
)

# Verbs that attribute the clause an "as" clause opens or closes ("As the Herald reported, …", "…, as Lee
# put it"); others there mark time ("as talks continued").
AS_REPORTING_VERBS = frozenset(
    "acknowledge argue explain note observe point put remark report reveal say tell write".split()
)

# Content is the quote after a colon that ends the cue's clause: X said: "…"
COLON_VERBS = frozenset(
    """
    acknowledge add admit affirm agree allege announce answer argue ask assert assure boast caution
    charge cite claim clarify complain concede conclude confirm contend continue counter declare demand
    deny describe disclose elaborate emphasise emphasize estimate explain follow have hint imply
    indicate insinuate insist interject joke lament maintain mention muse note observe pledge point post predict
    proclaim promise propose quip recall recommend recount reiterate remark repeat reply report respond
    retort reveal say shout signal speculate state stress suggest tell testify threaten tweet urge vow
    warn whisper write yell
    """.split()
)

# Content is a to-infinitive: intentions, stances and hedges ("vowed to …", "is expected to …").
INTENTION_VERBS = frozenset(
    """
    advocate agree aim appear argue ask attempt believe call campaign challenge choose claim consider
    continue dare decide decline defend demand describe direct encourage endorse exist expect hear
    hold hop hope invite know learn like lobby look love mention move offer oppose opt persuade plan
    pledge plot prefer pressure proceed project promise propose prove push recall recommend refuse
    remember report request require respond rule say seek seem shout show suggest support tell
    threaten tweet urge vote vow want warn wish
    """.split()
)

# Content is the object of a preposition ("pointed to …", "accused of …").
PREPOSITION_CUES = frozenset(
    pair.replace("_", " ")
    for pair in """
    accuse_of admit_to advocate_for agree_on agree_to agree_with alienate_with apologize_for applaud_for
    appoint_to approve_of argue_against argue_for argue_with ask_about ask_at ask_during ask_for ask_of
    assail_for assure_of attack_during attack_for attack_on attract_to attribute_to back_for back_in
    balk_at bank_on be_against begin_with believe_in blame_for blame_on blast_for boast_about boast_of
    brag_about bring_for build_around call_by call_for call_in call_on call_to call_with
    campaign_against campaign_for care_about caricature_as cast_as cast_for caution_against center_on
    challenge_on challenge_over challenge_to characterize_as charge_with check_with cheer_on chide_for
    cite_as cite_in claim_for clash_over close_with come_against comment_on complain_about compromise_on
    conclude_by conflate_with congratulate_for consider_in contrast_with credit_to criticize_as
    criticize_for debate_on decide_against decline_to defend_against defend_as defend_for define_as
    describe_as describe_in describe_on describe_to differ_on disagree_on disagree_with
    discuss_to discuss_with dismiss_as distance_from distinguish_as divide_over do_like dwell_on
    empathize_with endorse_for endorse_in enter_with estimate_at expand_on explain_in face_to favor_over
    feel_about feel_for fire_at fixate_on flirt_with focus_on follow_by forgive_for frame_as
    fundraise_for get_behind get_without give_for give_on greet_with hang_over have_at hear_in hint_at
    hire_as hit_for hold_on hop_for identify_as identify_with include_on insist_on interpret_as
    investigate_for invoke_in issue_in joke_about jump_on know_about know_as know_for know_in label_as
    lambast_as lash_at launch_by launch_with lay_at lay_in learn_of lecture_on lend_to liken_to
    line_behind list_as list_in look_on look_to make_against mention_as mention_in mock_for name_as
    nominate_for nominate_to offer_as offer_for offer_to open_about oppose_in paint_as pick_as pile_on
    pitch_as pivot_to pledge_to point_to pore_over portray_as pounce_on praise_for present_as
    press_about press_for prohibit_from push_against push_for put_at question_about quote_as
    rail_against rank_as recommend_for reduce_to refer_to reflect_on refuse_to regard_as remark_upon
    remember_as remind_of respond_by respond_to revel_in root_for say_about say_from
    say_with see_as see_for see_since seek_from seek_in seem_like sell_on send_with sentence_to show_by
    show_to side_with sign_into slam_for solidify_as speak_about speak_against speak_for
    speak_of split_between stand_on start_by sue_for support_at support_for suspect_of take_at
    talk_about talk_at talk_of tangle_with tell_about tell_at thank_for think_about think_of throw_to
    touch_on tout_as trap_in turn_against turn_for unload_on vie_for view_as vote_against vouch_for
    want_in warm_to warn_about warn_against warn_of weigh_on worry_about write_about zero_on
    """.split()
)

# Content is the direct object (with its predicate: "called the claims 'disinformation'").
OBJECT_VERBS = frozenset(
    """
    accuse acknowledge admire admit agree allege announce answer append applaud articulate ask assail
    assert attack authorize back bar bash beg believe bemoan betray blame blast boo brand broadcast
    brush call challenge champion chant characterize cheer cite claim clarify coin commit compile
    condemn confirm congratulate consider contemplate contest contradict contrast credit criticise
    criticize crown declare decline decry deem defend deflect demand denounce deny depose deride
    describe detail disavow disclose discount discuss dislike dismiss display dispute distribute
    document downplay dub dump echo email emphasize empower endorse entertain estimate evade exclude
    expect experience explain expose express favor fear feel file fire hail hammer hat hate highlight
    hone hop identify ignore illustrate indicate insult introduce invoke judge justify know label lament
    lay learn like link list mandate mention mind mirror misstate mock muster name note offer oppose
    order outline paint persuade pledge point politicize portray post praise predict prefer
    present prohibit project promise promote pronounce propose publicize push quash question
    rattle rebuff rebuke rebut recall recite recognize recommend recount reference reiterate reject
    release remember remind render renounce repeat report repudiate request resist rest retweete reveal
    revise revisit ridicule right rip rule say scrap see seek seem share show sign signal single skirt
    slam slash solicit sow spot spotlight state stress submit suggest support talk taunt thank
    threaten tick tone tout tweet underestimate underline underscore undo unleash unveil urge
    veto voice want welcome withhold write
    """.split()
)

# Nouns of attribution: the clause or prepositional object after them is the content ("his insistence
# that …"). Mined like the verbs, at a stricter 40% over 5 uses: a noun often has no source in sight.
NOUN_CUES = frozenset(
    """
    admiration advice announcement anxiety assertion assumption chant commitment complaint confidence
    criticism defense disclosure doubt estimate feeling hope inclination insistence joke mention opinion
    pledge praise promise rejection reluctance speculation statement suggestion thought understanding
    """.split()
)

# Route and cue lemmas (as "route_lemma", words joined by "_") that count only when their content holds a
# quoted stretch: alone they are attribution less than half the time over 5+ uses on the train split.
WEAK_CUES = frozenset(
    pair.replace("_", " ", 1)
    for pair in """
    object_email intention_invite object_portray clause_remember intention_request object_challenge
    object_unleash object_pledge object_link object_push preposition_vie_for object_spot
    preposition_look_ahead_to preposition_respond_by object_request preposition_campaign_against
    preposition_agree_to interrupting_think intention_attempt intention_hope preposition_pivot_to
    object_distribute object_file intention_continue object_rip intention_move object_experience
    object_name noun_announcement preposition_identify_as object_welcome object_write object_present
    object_sign object_introduce object_know object_ask
    """.split()
)

# Nouns of data sources that speak for the people they count ("In a survey, 40 percent said …").
DATA_SOURCE_NOUNS = frozenset({"poll", "survey", "study", "census"})

# The lemmas of verbs of saying, to report speech attributions apart from the rest in evaluations.
SPEECH_LEMMAS = frozenset(COLON_VERBS | {"accord"})

LEXICON = CueLexicon(
    clause=CLAUSE_VERBS,
    colon=COLON_VERBS,
    intention=INTENTION_VERBS,
    preposition=PREPOSITION_CUES,
    object=OBJECT_VERBS,
    noun=NOUN_CUES,
)
