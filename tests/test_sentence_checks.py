"""The one sentence checker, each of its checks on sentences written for these tests."""

from dataclasses import replace

import pytest

from desktop.core.checks import sentence as checker
from desktop.core.checks.review import review
from desktop.core.input.article import Article
from desktop.core.input.genre import Genre
from desktop.core.language import claims, lexicon

ARTICLE = """Port Alder approves harbor bridge

The town council of Port Alder voted 6 to 3 on Thursday to build a new road bridge across the harbor. \
Mayor Lena Ortiz said the bridge would cut the drive to the regional hospital by 25 minutes. \
The bridge could open in 2029 if the state approves a loan. \
Fishermen's association chair Tomas Berg criticized the plan, saying construction would disturb the shellfish beds. \
The council did not set a date for a public hearing. \
Residents of Los Palmas, a district on the north shore, will pay a toll of 2 dollars. \
Los Palmas has two schools and a ferry pier. \
According to the finance office, the bridge will cost 92 million dollars. \
Sixty percent of residents say the bridge is a waste of money, a survey found. \
Traffic on the old road has doubled since 2015, according to a study by the port authority."""


@pytest.fixture(scope="module")
def ctx():
    return checker.Context(Article.build(ARTICLE))


def kinds(sentence, ctx, part="point", **kw):
    return [p.kind for p in checker.check(sentence, part, ctx, **kw)]


def problem(sentence, ctx, kind, part="point", **kw):
    found = [p for p in checker.check(sentence, part, ctx, **kw) if p.kind == kind]
    assert found, f"no {kind} problem in {sentence!r}: {kinds(sentence, ctx, part, **kw)}"
    return found[0]


def test_who_says_what_is_read_from_a_sentence():
    said = claims.read("Mayor Lena Ortiz has also said the bridge would help.")
    assert (said.speaker, said.opening, said.verb_kind, said.attributed) == (
        "Mayor Lena Ortiz", "Mayor Lena Ortiz has also said", "speech", True)
    assert claims.read("The plan was criticized by the union.").speaker == "the union"
    assert claims.read("According to the finance office, it costs more.").speaker == "the finance office"
    assert claims.read('"We are ready," said Ana Diaz.').speaker == "Ana Diaz"
    assert claims.read("“The pier is a fine addition”, adds Ana Diaz, the harbor master.").speaker == "Ana Diaz"
    assert not claims.read("The council adds a new route.").attributed
    assert claims.read("Sixty percent of residents say it is too much.").speaker == "Sixty percent of residents"
    assert claims.read("He declined to say when it would open.").speaker == "He"
    # A contracted or fused helping verb is not part of who speaks.
    assert claims.read("They’ve said the toll is too high.").speaker == "They"
    assert claims.read("The harbor master cannot say when it opens.").speaker == "The harbor master"
    assert claims.read("We're told it opens in May.").speaker == ""  # passive: no one named
    assert claims.read("I'm told it opens in May.").speaker == ""
    assert claims.read("The harbor master is saying it opens in May.").speaker == "The harbor master"
    assert claims.read("The council is considering a new toll for the bridge.").speaker == ""  # no claim told
    # A name given is no one's word; what someone is called by a speaker is.
    assert not claims.read("The new ferry called Harbor Star, carries 40 riders.").attributed
    assert not claims.read("A storm named Ida hit the town.").attributed
    for said in ("The mayor called Ruiz a liar.", "The mayor called Ruiz dishonest.",
                 "The mayor called Ruiz's plan reckless."):
        assert claims.read(said).speaker == "The mayor", said
    assert claims.read("A group called Friends of the Pier said the toll is too high.").speaker == \
        "A group called Friends of the Pier"
    # A speaker with an appositive or a relative clause between them and the verb.
    assert claims.read("After the vote, Ana Diaz, the harbor master, said it was safe.").speaker == "Ana Diaz"
    assert claims.read("Meanwhile, Ana Diaz, the harbor master, said it was safe.").speaker == "Ana Diaz"
    assert claims.read("Last year, the harbor master, a sailor, said it was safe.").speaker == "the harbor master"
    assert claims.read("Officials, who asked not to be named, said the pier is closed.").speaker == "Officials"
    # After a quote, a speaker described, not named; a name after its description goes by the name.
    assert claims.read('"We never saw this," said one senior official on Monday.').speaker == "one senior official"
    assert claims.read("“It is over,” said the harbor master.").speaker == "the harbor master"
    assert claims.read('"I could not walk," wrote 43-year-old Ana Diaz of Port Alder, in a letter.').speaker == "Ana Diaz"
    assert claims.read("The pier is closed, too, said Ana Diaz, the harbor master.").speaker == "Ana Diaz"
    assert not claims.read("Tomas Berg: Dealing in stolen goods or a forged permit, said nothing.").speaker
    # A thing "said to be" something says nothing: hearsay with no one to hear it from.
    boat = claims.read("The boat said to be worth 2 million dollars sank on Friday.")
    assert not boat.speaker and boat.attributed
    assert claims.read("The boats were said to have sunk.").attributed
    # Where they said it may follow a speaker's name; whom a participle tells is no speaker.
    assert claims.read("“It grew,” said Ana Diaz in a statement on Monday.").speaker == "Ana Diaz"
    assert claims.read("Ruiz closed the pier, telling the Harbor Gazette on Monday it was unsafe.").speaker == "Ruiz"
    # "with" and a speaker before a reporting verb's "-ing", or a report's noun in a clause of
    # its own: a voice of that clause, not the sentence's speaker; a deed's "-ing" reports nothing
    with_some = claims.read("The toll passed, with some calling for a recount.")
    assert with_some.speakers == ("some",) and not with_some.attributed
    assert claims.read("With the harbor master warning of storms, the ferry stayed in port.").speakers == ("the harbor master",)
    assert claims.read("Mayor Ana Ruiz said the toll would rise, with critics warning it would fail.").speakers == \
        ("Mayor Ana Ruiz", "critics")
    for deed in ("The ferry line grew, with the firm posting a record profit.",
                 "The storm hit the pier, with winds reaching 90 km/h.",
                 "The court ended the dispute with a ruling that the toll was lawful.",
                 "The vote ended with the mayor's warning that the toll would rise."):
        assert not claims.read(deed).speakers, deed
    assert claims.read("There are fears among riders that the pier could close.").speaker == "riders"
    raising = claims.read("The toll rose, raising fears among riders that the pier could close.")
    assert raising.speakers == ("riders",) and not raising.attributed
    assert not claims.read("Warnings from 2019 that the pier was weak went unheeded.").speakers
    assert not claims.read("Insurance claims from the storm that were filed in May were paid.").speakers
    # A headline's verb that is a noun too, before a clause: "Court rules the toll must go"
    assert claims.read("Harbor court rules the toll must go").speaker == "Harbor court"
    assert not claims.read("The new rules riders face are strict").speaker
    # Someone of a place, written with its comma
    assert claims.read("A harbor pilot in Port Alder said the channel was safe.").speaker == "A harbor pilot in Port Alder"
    assert claims.read("A judge in Alder, N.S. ruled that the pier was safe.").speaker == "A judge in Alder, N.S."
    assert claims.read("A judge in Alder, N.S., ruled that the pier was safe.").speaker.startswith("A judge in Alder, N.S.")
    assert claims.read("Riders in the harbor town said the ferry was late.").speaker == "Riders in the harbor town"
    for opening in ("Speaking in Port Alder, Ruiz", "At a rally in Port Alder, Ruiz", "In Port Alder, Ruiz"):
        assert claims.read(f"{opening} said the pier was safe.").speaker == "Ruiz", opening
    # A speaker in a comparison is the writer's measure, not the sentence's source.
    for measured in ("The pier was not as bad as the critics feared.", "Fares rose more than riders expected."):
        assert not claims.read(measured).attributed, measured
    assert claims.read("As the harbor master said, the pier is safe.").attributed
    for counted in ("More than 60 percent of riders say the pier is unsafe.", "As many as 300 riders say it is late."):
        assert claims.read(counted).attributed, counted
    passive = claims.read("The firm is accused of fraud.")
    assert passive.attributed and not passive.speaker
    plain = claims.read("The bridge is 480 metres long.")
    assert not plain.attributed and not plain.modal and not plain.negations
    assert not claims.read("The council placed a $9 million order for steel.").attributed  # a noun


def test_words_that_only_look_like_reporting_verbs_name_no_speaker():
    # An "-ing" form after a name or a noun, with no "is" or "after" before it, reports nothing.
    for phrase in ("Tomas Berg attacking the council at the harbor.", "A wireless charging pad costs 2 dollars."):
        assert not claims.read(phrase).attributed, phrase
    assert claims.read("Lena Ortiz backed the plan, adding that it would cost more.").speaker == "Lena Ortiz"
    assert claims.read("Tomas Berg kept criticizing the plan.").attributed
    assert not claims.read("So-called toll roads have spread across the region.").attributed
    assert not claims.read("The vote has not brought the calm the mayor hoped for.").attributed
    experts = claims.read("Delays are complicating an end to the long-running dispute, engineers say.")
    assert experts.speaker == "engineers"
    assert not claims.read("HARBOR BRIDGE FEARS that the town is divided.").speaker  # a shouted headline
    # A preposition's owned object is no speaker; a speaker's own phrase may go on with one.
    assert not claims.read("It comes down to their hollow charges that the mayor lied.").speaker
    assert claims.read("Lawyers for her family claim that the mayor lied.").speaker == "Lawyers for her family"
    assert claims.read("An aide to his campaign notes that the polls have tightened.").attributed
    # "suggests" has one subject: not the last of two joined by "and".
    assert not claims.read("The data on the old pier and the new ferry suggests that it works.").speaker
    assert claims.read("Officials and engineers say the pier is safe.").attributed
    assert claims.read("NASA and NOAA scientists said the ice is melting.").speaker == "NASA and NOAA scientists"
    # A past verb and its object are a clause, no speaker ("states" is a noun there).
    assert not claims.read("This week, the mayor toured coastal states, visiting each port.").attributed
    assert claims.read("Critics contend, however, that the toll will fail.").speaker == "Critics"
    assert claims.read("The man accused of fraud said he was innocent.").speaker == "The man"
    # A participle's phrase belongs to the speaker: not "the storm" of "displaced by the storm".
    assert claims.read("Riders stranded by the storm said the pier is unsafe.").speaker == "Riders stranded by the storm"
    found = claims.read("The survey is a significant finding for the council.")
    assert found.verb_kind != "finding" and [m.text for m in found.judgements] == ["significant"]


def test_a_month_or_a_comparison_is_no_possibility_or_condition():
    assert not claims.read("The ferry ran on May 16 and in May last year.").modal
    assert not claims.read("The bridge is about as long as the old pier.").modal
    assert [m.kind for m in claims.read("It may open as long as the state pays.").modal] == ["possibility", "condition"]


def test_possibility_negation_and_judgement_markers():
    read = claims.read("The ferry could stop if the bridge opens, but it will not close this year.")
    assert [m.kind for m in read.modal] == ["possibility", "condition"]
    assert [m.text for m in read.negations] == ["not"]
    judged = claims.read("I think the council should act; you will love it. It is “great”.")
    assert {m.kind for m in judged.judgements} == {"first person", "prescriptive", "second person"}
    # What something looks or seems is someone's impression.
    assert "looks very solid" in [m.text for m in claims.read("The new ferry looks very solid.").judgements]
    assert not claims.read("The sky looks like rain over the pier.").judgements
    # A command tells the reader what to do: advice, someone's to give.
    for command in ("Keep a ferry timetable in the car.", "Don't wait for the bridge.", "Walk up to the pier.",
                    "Start small and book one crossing.", "Stay calm, the ferry will come."):
        assert [m.kind for m in claims.read(command).judgements] == ["prescriptive"], command
    for plain in ("Ferries this week ran late.", "Later the council met.", "Since the vote, the pier "
                  "has closed.", "Made a plan for the pier.", '"Don\'t stop," she told them.',
                  "Dozens of ferries were late.", "Half the town's ferries were late.", "Near the pier, "
                  "crowds gathered.", "Police these days are busy.", "Fares up 2% in May", "Watch this week.",
                  "Start dates for the ferry are in May."):
        assert not claims.read(plain).judgements, plain


def test_a_claim_the_article_attributes_must_say_whose_it_is(ctx):
    lost = problem("The bridge would cut the drive to the hospital by 25 minutes.", ctx, "attribution")
    assert lost.fix == "Mayor Lena Ortiz said that"
    assert "attribution" not in kinds("Mayor Lena Ortiz said the bridge would cut the drive to "
                                      "the hospital by 25 minutes.", ctx)
    poll = problem("The bridge is a waste of money.", ctx, "attribution")
    assert poll.fix.startswith("Sixty percent of residents")
    # A study's finding is the study's; a routine figure an office gives is a plain fact.
    assert "attribution" in kinds("Traffic on the old road has doubled since 2015.", ctx)
    assert "attribution" not in kinds("A study by the port authority found that traffic on the "
                                      "old road has doubled since 2015.", ctx)
    assert "attribution" not in kinds("The bridge will cost 92 million dollars.", ctx)


def test_a_quote_of_someone_described_is_not_told_as_the_writers_experience():
    quoted = checker.Context(Article.build(
        "Ferry vote\n\nThe council voted to close the ferry line on Monday. \"In 30 years on the water, "
        "I have never seen a vote like this,\" said one longtime captain. The line closes in May."))
    given = problem("In 30 years on the water, the author has never seen a vote like this.", quoted, "attribution")
    assert "one longtime captain" in given.reason and given.fix == "One longtime captain said that"
    assert "attribution" not in kinds("One longtime captain said that in 30 years on the water, he had "
                                      "never seen a vote like this.", quoted)


def test_a_claim_given_to_another_speaker_than_the_articles_is_found_with_whose_it_is(ctx):
    for sentence, whose, fix in (
            ("Tomas Berg said the bridge would cut the drive to the regional hospital by 25 minutes.",
             "Mayor Lena Ortiz, not to Tomas Berg", "Mayor Lena Ortiz said that"),
            ("Mayor Lena Ortiz said that the bridge is a waste of money.",  # a poll's finding
             "sixty percent of residents, not to Mayor Lena Ortiz", "Sixty percent of residents say that"),
            ("The finance office said traffic on the old road has doubled since 2015.",
             "a study, not to the finance office", "According to a study")):
        given = problem(sentence, ctx, "attribution")
        assert f"attributes this to {whose}:" in given.reason and given.fix == fix, sentence
    # Their own words, one relayed with its source, or a speaker the article's sentence names
    # beside what is said, are theirs.
    for kept in ("Mayor Lena Ortiz said the bridge would cut the drive to the regional hospital by 25 minutes.",
                 "Tomas Berg said construction would disturb the shellfish beds.",
                 "Mayor Lena Ortiz said that sixty percent of residents say the bridge is a waste of money.",
                 "The port authority found that traffic on the old road has doubled since 2015."):
        assert "attribution" not in kinds(kept, ctx), kept
    # A kind of speaker, or the body an officer speaks for, may name the same voice otherwise; so
    # may a surname the article gives with a title ("the mayor" of "Mayor Lena Ortiz").
    for article, sentence in (
            ("Lt. Ana Ruiz said two men were arrested at the pier. The pier closed.",
             "Police said two men were arrested at the pier."),
            ("Captain Ana Diaz said the radio failed. Portco runs the ferry.", "Portco said the radio failed."),
            ("Mayor Lena Ortiz spoke on Monday. The mayor said the bridge would cut the drive by 25 minutes.",
             "Ortiz said the bridge would cut the drive by 25 minutes.")):
        assert "attribution" not in kinds(sentence, checker.Context(Article.build("Harbor\n\n" + article))), sentence
    # One who says it too, elsewhere in the article, says it.
    both = checker.Context(Article.build(
        "Harbor\n\nMayor Lena Ortiz said the bridge would cut the drive by 25 minutes. Tomas Berg opposed it. "
        "The bridge would cut the drive by 25 minutes, Berg conceded."))
    assert "attribution" not in kinds("Tomas Berg said the bridge would cut the drive by 25 minutes.", both)


def test_one_voices_words_given_to_another_voice_of_the_same_sentence_are_found():
    # Two voices in one sentence, by verbs or by a noun ("fears among …"): each keeps its own words.
    two = checker.Context(Article.build(
        "Harbor\n\nThe ferry did not sail on Friday. Captain Ana Diaz said the engine had failed at sea, "
        "but the owners said the crew had not been paid. The port office admitted that it lost the "
        "permits, prompting fears among local fishermen that the port could close for a year. The ferry "
        "line cut two routes, with riders saying the timetable was never published."))
    for sentence, whose in (("Captain Ana Diaz said the crew had not been paid.", "the owners’ claim, not Captain Ana Diaz’s"),
                            ("The owners said the engine had failed at sea.", "Captain Ana Diaz’s claim, not the owners’"),
                            ("The port office admitted that the port could close for a year.",
                             "local fishermen’s claim, not the port office’s")):
        assert f"this is {whose}:" in problem(sentence, two, "attribution").reason, sentence
    # A "with" aside's words are its voice's; the clause before it is the writer's.
    assert "attribution" not in kinds("The ferry line cut two routes.", two)
    assert "riders: say so" in problem("The timetable was never published.", two, "attribution").reason
    for sentence, whose in ():
        assert f"this is {whose}:" in problem(sentence, two, "attribution").reason, sentence
    assert "local fishermen: say so" in problem("The port could close for a year.", two, "attribution").reason
    for kept in ("Captain Ana Diaz said the engine had failed at sea.", "The owners said the crew had not been paid.",
                 "The port office admitted that it lost the permits.",
                 "Fishermen fear the port could close for a year."):
        assert "attribution" not in kinds(kept, two), kept
    # A report inside another's words is no voice of its own.
    assert checker.voices("The judge ruled that the port office must consider whether the pier is safe.") == []


def test_a_lost_attribution_is_mended_with_the_sentences_own_words(ctx):
    # The words checked stay: a model asked to write on from "Mayor Lena Ortiz said that"
    # may write something else. A name keeps its capital; other first words lose it.
    assert problem("The bridge would cut the drive to the hospital by 25 minutes.", ctx, "attribution").mended \
        == "Mayor Lena Ortiz said that the bridge would cut the drive to the hospital by 25 minutes."
    assert problem("Traffic on the old road has doubled since 2015.", ctx, "attribution").mended \
        == "According to a study, traffic on the old road has doubled since 2015."
    assert problem("Los Palmas traffic on the old road has doubled since 2015.", ctx, "attribution").mended \
        == "According to a study, Los Palmas traffic on the old road has doubled since 2015."
    # Words that are not the speaker's are put in no one's mouth: the model writes on from the
    # opening instead ("Ortiz said that the new harbor bridge, approved by a 6 to 3 vote, …").
    for more in ("The new harbor bridge, approved by a 6 to 3 vote, would cut the drive to the regional "
                 "hospital by 25 minutes.",
                 "The bridge would cut the drive to the regional hospital by 25 minutes, making the harbor "
                 "town a regional hub."):
        mixed = problem(more, ctx, "attribution")
        assert mixed.fix == "Mayor Lena Ortiz said that" and mixed.mended == "", more
    # Nor a denial she did not make.
    assert all(not p.mended for p in checker.check(
        "The bridge would not cut the drive to the regional hospital by 25 minutes.", "point", ctx))
    # "criticized" takes no clause: the model writes the sentence on from it.
    berg = problem("Construction is said to disturb the shellfish beds.", ctx, "attribution")
    assert berg.fix and not berg.mended
    # Nor does a sentence that speaks to the reader or has a speaker of its own: the model
    # writes those anew. A participle ("signs telling") is no one speaking at all.
    signs = checker.Context(Article.build("Toll\n\nThe town must post signs telling drivers the toll doubles."))
    assert "attribution" not in kinds("The toll doubles.", signs)
    assert checker._spliced("Tomas Berg said that", "You will pay the toll.", ARTICLE) == ""
    assert checker._spliced("Tomas Berg said that", "Ana Ruiz, a nurse, said the toll doubles.", ARTICLE) == ""
    for advice in ("Pay the toll at the north gate.", "PAY the toll at the north gate."):  # advice stays advice
        assert checker._spliced("Tomas Berg writes that", advice, ARTICLE) == \
            "Tomas Berg advises readers to pay the toll at the north gate."
    assert checker._spliced("Police said that", "Do not use the north gate.", ARTICLE) == \
        "Police advised people not to use the north gate."
    # "failed to find" reports no one: the splice stays.
    assert checker._spliced("Tomas Berg said that", "Crews failed to find the leak.", ARTICLE) == \
        "Tomas Berg said that crews failed to find the leak."
    # A name keeps its capital wherever the article has it: after a quote, or of two words.
    quoted = 'Toll\n\n"It is unsafe," Berg said. Emily Stone paid.'
    assert checker._spliced("According to the survey", "Berg paid the toll.", quoted) == \
        "According to the survey, Berg paid the toll."
    assert checker._spliced("According to the survey", "Emily Stone paid.", quoted).endswith(", Emily Stone paid.")
    # A word that begins a line or stands in a longer name is no name; one that ends a name is.
    names = "Harbor news\n\nPolice closed the pier. Mayor Ortiz said it reopens. The Port Alder Police Department agreed."
    assert checker._spliced("Ana Ruiz said that", "Police closed the pier.", names) == \
        "Ana Ruiz said that police closed the pier."
    assert checker._spliced("Ana Ruiz said that", "Ortiz left.", names) == "Ana Ruiz said that Ortiz left."
    # A name that is also a word keeps its capital where the article writes it so more often.
    prices = "Harbor news\n\nThe race went to Price, said Tom Mills. Price won again, and Mills thanked Price twice. Fares rose. The price fell."
    assert checker._spliced("Ana Ruiz said that", "Price won the race.", prices) == "Ana Ruiz said that Price won the race."
    mail = "Harbor news\n\nBerg paid the toll, said Mayor Ortiz. Write to ortiz@porttown.example."
    assert checker._spliced("Ana Ruiz said that", "Ortiz left.", mail) == "Ana Ruiz said that Ortiz left."
    owner = "Harbor news\n\nAccording to the survey, Ortiz's campaign has more staff than Berg's."
    assert checker._spliced("Ana Ruiz said that", "Ortiz's campaign grew.", owner) == \
        "Ana Ruiz said that Ortiz's campaign grew."


def test_a_threat_reported_by_police_is_an_event_not_a_contested_claim():
    ctx = checker.Context(Article.build(
        "Harbor threat\n\nA man from Port Alder was charged on Monday with threatening to burn "
        "the ferry pier, police said. The pier stayed open."))
    assert "attribution" not in kinds("A man from Port Alder was charged with threatening to burn the ferry pier.", ctx)


def test_a_routine_fact_retold_from_one_speakers_sentence_gets_its_speaker_back():
    ctx = checker.Context(Article.build(
        "Ferry news\n\nBay Lines said the night ferry stopped at Port Alder in May. "
        "Officers of the Port Alder Police Department arrested two men at the pier on Friday, "
        "said Lt. Ana Ruiz, a police spokeswoman. The ferry was late, a plan announced in May. "
        "The pier reopened on Sunday, Ruiz said Monday, referring to the storm that hit the coast last week. "
        "Police say the town has 12 officers. \u201cThe crew checked every cabin twice,\u201d Ruiz said. "
        "\u201cRiders pay, and the night ferry across the bay is cheaper than the bridge toll for every "
        "family,\u201d Ruiz said."))
    # Not a contested claim, so no check asks for it; but who said what is the note's to keep.
    assert "attribution" not in kinds("The night ferry stopped at Port Alder in May.", ctx)
    assert checker.with_speaker("The night ferry stopped at Port Alder in May.", "point", ctx) \
        == "Bay Lines said that the night ferry stopped at Port Alder in May."
    # A word of a longer name ("the Port Alder Police Department") is no name of its own.
    assert checker.with_speaker("Police arrested two men at the pier on Friday.", "summary", ctx) \
        == "Lt. Ana Ruiz said that police arrested two men at the pier on Friday."
    # A reporting word used as a noun ("on two charges") is no report of the sentence's own.
    charged = checker.Context(Article.build(
        "Pier arrests\n\nOfficers arrested Tomas Berg, 32, on two charges of theft near the pier, Ruiz said."))
    assert checker.with_speaker("Tomas Berg, 32, was arrested on two charges of theft near the pier.", "point",
                                charged) == "Ruiz said that Tomas Berg, 32, was arrested on two charges of theft near the pier."
    # A quote before its speaker is theirs too.
    assert checker.with_speaker("The crew checked every cabin twice.", "point", ctx) \
        == "Ruiz said that the crew checked every cabin twice."
    # The whole quote, its "and" too, is what they say: a sentence that retells it is theirs.
    assert problem("Riders pay, and the night ferry across the bay is cheaper than the bridge toll for "
                   "every family.", ctx, "attribution").fix == "Ruiz said that"
    # A report that goes on with when and what else ("argued Wednesday as she opened …") ends the speech.
    opened = checker.Context(Article.build(
        "Ferry debate\n\nThe night ferry knew the pier would flood but failed to warn riders, Mayor Lena "
        "Ortiz argued Wednesday as she opened the council's long session on the harbor bridge and its toll."))
    assert problem("The night ferry knew the pier would flood but failed to warn riders.", opened,
                   "attribution").fix == "Mayor Lena Ortiz argued that"
    unchanged = [
        "Bay Lines stopped the night ferry at Port Alder in May.",  # says whose
        "The ferry was late.",  # "a plan announced": no one speaks
        "A storm hit the coast last week.",  # the writer's aside, not Ruiz's word
        "The night ferry stopped in May with cars aboard.",  # its source says less
    ]
    for sentence in unchanged:
        assert checker.with_speaker(sentence, "point", ctx) == sentence


@pytest.mark.parametrize("source, point, kept", [
    ("The pier, Ruiz said, closed on Friday.", "The pier closed on Friday.",
     "Ruiz said that the pier closed on Friday."),
    ("The pier closed on Friday, said Lt. Ana Ruiz, a police spokeswoman.", "The pier closed on Friday.",
     "Lt. Ana Ruiz said that the pier closed on Friday."),
    # A quote before a report that goes on about what and where is the speaker's.
    ("\u201cWe checked every cabin twice,\u201d harbor master Ana Ruiz said of the storm damage in the statement.",
     "The crew checked every cabin twice.", "Harbor master Ana Ruiz said that the crew checked every cabin twice."),
    # Someone unnamed who "said" is someone, named as people are; a thing read as one is not.
    ("The pier closed on Friday, a harbor official said.", "The pier closed on Friday.",
     "A harbor official said that the pier closed on Friday."),
    ("A person familiar with the talks said the pier closed on Friday.", "The pier closed on Friday.", None),
    # After the writer's clause, "said … that": the writer's clause is no speech of a source's.
    ("After the storm hit the north shore, Mayor Lena Ortiz said at a news conference on Monday that "
     "fishermen lost 40 boats.", "The storm hit the north shore.", None),
    # Only what the speaker says is theirs: not the writer's clause before or around it, nor
    # another speaker's words, nor a relative clause about someone named in it.
    ("After the storm destroyed the pier on Friday, Mayor Lena Ortiz said the town would rebuild it.",
     "The storm destroyed the pier on Friday.", None),
    ("The ferry stopped on Friday after Ortiz said it was unsafe.", "The ferry stopped on Friday.", None),
    ("Prosecutors said Jones, who was arrested in 2019, stole the boat.", "Jones was arrested in 2019.", None),
    ("Mayor Lena Ortiz said the bridge would reopen in May, while council chair Tomas Berg said there "
     "were no funds for repairs.", "There were no funds for repairs.", None),
    ("Ortiz said the pier will close, but the council voted to keep it open on Friday.",
     "The council voted to keep the pier open on Friday.", None),
    ("Ortiz said the pier will close, a decision that angered 300 fishermen.",
     "The decision angered 300 fishermen.", None),
    ("Prosecutors said the boat was stolen by Jones, who was arrested in 2019.", "Jones was arrested in 2019.", None),
    ("Police said Jones claimed the car was stolen in May.", "The car was stolen in May.", None),
    # Nor what they doubt, deny or ask.
    ("Ortiz said reports that the bridge would reopen in May were false.", "The bridge would reopen in May.", None),
    ("Ortiz declined to say when the bridge would reopen in May.", "The bridge would reopen in May.", None),
    # An opening no sentence begins with.
    ("The pier closed on Friday, her campaign manager Tomas Berg said.", "The pier closed on Friday.", None),
    ("The pier closed on Friday, his lawyer John Smith told reporters.", "The pier closed on Friday.", None),
])
def test_a_speaker_is_given_only_what_their_sentence_has_them_say(source, point, kept):
    ctx = checker.Context(Article.build(f"Harbor news\n\n{source} The town has two schools."))
    assert checker.with_speaker(point, "point", ctx) == (kept or point)


def test_an_unnamed_source_a_complaint_or_local_media_must_be_kept():
    ctx = checker.Context(Article.build(
        "Harbor office\n\nThe harbor master ignored two safety warnings, according to a source "
        "familiar with the inquiry. Crews lacked life jackets last winter, a staff complaint says. "
        "A ferry hand was hurt on Sunday, according to local media. The office reopened on Monday, "
        "according to the US Department of Transportation."))
    for point in ("The harbor master ignored two safety warnings.",
                  "Crews lacked life jackets last winter.", "A ferry hand was hurt on Sunday."):
        assert "attribution" in kinds(point, ctx), point
    assert problem("The harbor master ignored two safety warnings.", ctx, "attribution").fix == \
        "According to a source familiar with the inquiry"
    # A routine fact an office gives stays plain, whatever its name; its speaker is read whole.
    assert "attribution" not in kinds("The office reopened on Monday.", ctx)
    office = checker.Context(Article.build("Fine\n\nThe Data Protection Commission said it fined the firm on Monday."))
    assert "attribution" not in kinds("The Data Protection Commission fined the firm on Monday.", office)
    assert claims.read("It reopened, according to the US Department of Transportation.").speaker \
        == "the US Department of Transportation"
    # A speaker described by a participle is read with what it takes, or the opening is broken.
    assert claims.read("Crews fled, according to witness accounts corroborated by video footage.").speaker \
        == "witness accounts corroborated by video footage"
    assert claims.read("It rose, according to officials based in Port Alder.").speaker == "officials based in Port Alder"


def test_a_speaker_is_given_only_their_clause_of_a_sentence_of_two(ctx):
    # "…, but …": the first clause retells the writer's sentence, the second the mayor's.
    two = problem("The council did not set a date for a public hearing, but the bridge would cut the drive "
                  "to the regional hospital by 25 minutes.", ctx, "attribution")
    assert two.mended == "Mayor Lena Ortiz said that the bridge would cut the drive to the regional hospital by 25 minutes."


def test_a_comment_tacked_on_from_another_speakers_sentence_is_theirs(ctx):
    voted = "The town council of Port Alder voted 6 to 3 on Thursday to build a new road bridge across the harbor"
    tacked = problem(f"{voted}, raising concerns that construction would disturb the shellfish beds.", ctx,
                     "attribution")
    assert tacked.text == "raising concerns that construction would disturb the shellfish beds."
    assert tacked.mended == f"{voted}."  # the sentence without it
    # A fact added in a clause of its own is no comment of anyone's, even a routine one that
    # an office gave ("…, the finance office said").
    for added in (f"{voted}, with residents of Los Palmas paying a toll of 2 dollars.",
                  f"{voted}, costing 92 million dollars."):
        assert "attribution" not in kinds(added, ctx), added


def test_a_quote_on_its_own_is_the_words_of_the_one_who_just_spoke():
    article = Article.build(
        "Ferry results\n\n“Sales grew in every port,” said Bay Lines President Ana Ruiz in the company’s "
        "report. “We are on track with the new night ferries.” The company runs 12 ferries. "
        "“Riders love the night ferries.”")
    assert [s.speaker for s in article.sentences[1:]] == ["Bay Lines President Ana Ruiz", "Bay Lines President Ana Ruiz", "", ""]
    # A quote of several sentences is the speaker's throughout; one the next sentence owns is not.
    quotes = Article.build(
        "Ferry results\n\n‘We will rebuild,’ said Ana Ruiz. “We did it before. We will do it again.” "
        "The pier closed, Ruiz said. “The harbor was a war zone.” That is how fisherman Tomas Berg put it.")
    assert [s.speaker for s in quotes.sentences[1:5]] == ["Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Ruiz"]
    assert quotes.sentences[5].speaker == ""
    ctx = checker.Context(article)
    assert problem("Bay Lines is on track with the new night ferries.", ctx, "attribution").fix \
        == "Bay Lines President Ana Ruiz said that"


def test_what_a_closing_source_says_is_read_past_its_name_and_into_its_own_clause():
    ctx = checker.Context(Article.build(
        "Harbor poll\n\nThe mayor has raised her standing among voters on the north shore, according "
        "to a poll by the Harbor Gazette and the Port Alder radio station. The audit ended on Friday, "
        "according to a source close to the inquiry, who said the missing money is known to the "
        "council and its auditors. Harbor master Ana Ruiz says the risk from the storm continues "
        "because the sea wall has not been repaired."))
    # The source's name goes on ("a poll by …"): what it says is the words before it.
    assert problem("The mayor's standing among voters on the north shore is rising.", ctx,
                   "attribution").fix == "According to a poll"
    # "…, who said …": the source goes on speaking, and that is theirs too.
    assert problem("The missing money is known to the council and its auditors.", ctx,
                   "attribution").fix == "According to a source close to the inquiry"
    # How risky something is, is its assessor's to say; a routine fact about safety is not.
    assert problem("The risk from the storm continues because the sea wall has not been repaired.", ctx,
                   "attribution").fix == "Harbor master Ana Ruiz says that"
    drill = checker.Context(Article.build("Drill\n\nThe school held a fire safety drill on Monday, officials said."))
    assert "attribution" not in kinds("The school held a fire safety drill on Monday.", drill)


def test_a_studys_finding_and_a_sides_view_stay_theirs_and_an_event_stays_plain():
    ctx = checker.Context(Article.build(
        "Night shifts\n\nA study of 300 nurses in Oslo found that night shifts raise the risk of "
        "diabetes. Economists say the new overtime rule will raise hospital costs. Investigators "
        "found the stolen van near the river. The hospital opened a new ward on Monday. Critics "
        "said the new ward opened on Monday at a cost of millions. Analysts said the ward was a "
        "reckless project."))
    finding = problem("Night shifts raise the risk of diabetes.", ctx, "attribution")
    assert finding.mended == "A study of 300 nurses in Oslo found that night shifts raise the risk of diabetes."
    assert problem("The new overtime rule will raise hospital costs.", ctx, "attribution").fix == "Economists say that"
    # A judging word that is the speaker's: say whose it is, not only that someone judges.
    reckless = problem("The ward was a reckless project.", ctx, "attribution")
    assert reckless.fix == "Analysts said that" and reckless.text == "reckless"
    assert "attribution" not in kinds("The stolen van was found near the river.", ctx)  # an event
    # A plain fact stays plain next to what critics say of it.
    assert "attribution" not in kinds("The hospital opened a new ward on Monday.", ctx)
    # An adverb that opens a sentence is no speaker; a pronoun is.
    assert claims.read("Shortly after, some of the nurses took to the street, claiming that the "
                       "rule must go.").speaker == ""
    assert claims.read("She approved the budget, saying it was fair.").speaker == "She"
    assert claims.read("Crews finished a road project that began in 2019.").speaker == ""
    assert claims.read("The Mill Union (MU) on Friday warned that it will strike.").speaker == "The Mill Union"
    assert claims.read("Researchers at the University of Oslo found that it works.").speaker \
        == "Researchers at the University of Oslo"
    # A bracket or a day between the speaker and the verb is no part of the speaker.
    assert claims.read("The Harbor Office (HO) on Monday announced that it will close.").speaker == "The Harbor Office"
    assert claims.read("Officials last week said the pier was safe.").speaker == "Officials"


def test_what_a_speaker_argues_about_themselves_is_mended_with_their_pronoun():
    ctx = checker.Context(Article.build(
        "Harbor race\n\nArguing that voters tune in late, Ana Ruiz has said she will win the "
        "harbor seat. The vote is in May."))
    assert problem("Ruiz will win the harbor seat.", ctx, "attribution").mended == \
        "Ana Ruiz has said that she will win the harbor seat."
    # No pronoun in the article: no "Ana Ruiz has said that Ruiz will ...", the model writes it.
    bare = checker.Context(Article.build(
        "Harbor race\n\nArguing that voters tune in late, Ana Ruiz has said Ruiz will take the "
        "harbor seat. The vote is in May."))
    found = problem("Ruiz will take the harbor seat.", bare, "attribution")
    assert found.fix == "Ana Ruiz has said that" and found.mended == ""
    # Nor "Ana Ruiz has said that Ana Ruiz, 44, will …" before an appositive.
    assert problem("Ana Ruiz, 44, will win the harbor seat.", ctx, "attribution").mended == ""


def test_words_put_in_a_speakers_mouth_are_found():
    ctx = checker.Context(Article.build(
        "Ferry inquiry\n\nThe harbor office opened an inquiry into the ferry crash. The ferry hit "
        "the pier at night. The crew had replaced the old radio a week before. Nobody was hurt. "
        "Ana Ruiz, a ferry captain, wrote that the storm came fast."))
    found = problem("Ruiz wrote that the crew had replaced the old radio a week before.", ctx, "unsupported")
    assert "Ruiz" in found.reason
    assert "unsupported" not in kinds("Ruiz wrote that the storm came fast.", ctx)
    assert "unsupported" not in kinds("The crew had replaced the old radio a week before.", ctx)
    # Named in the article's sentence only as an owner, they still did not say it.
    owner = checker.Context(Article.build(
        "Ferry inquiry\n\nThe harbor office opened an inquiry into the ferry crash. Nobody was hurt. "
        "Finally, Berg's questions paid off: the crew had replaced the old radio a week before."))
    assert "unsupported" in kinds("Berg said that the crew had replaced the old radio a week before.", owner)
    # What their own people did, they did ("Portco confirmed" of its inspectors' confirming); not
    # when the name owns something else in the sentence (a lawyer suing Portco's insurer).
    for doer, theirs in (("A team led by inspectors from Portco's safety unit in Alder, Maine,", True),
                         ("A lawyer suing Portco's insurer, which has refused to pay,", False)):
        told = checker.Context(Article.build(
            f"Ferry inquiry\n\nNobody was hurt in the ferry crash. {doer} has confirmed traces of smoke in the old radio."))
        assert ("unsupported" in kinds("Portco confirmed traces of smoke in the old radio.", told)) is not theirs, doer
        assert "unsupported" in kinds("Portco said that there were traces of smoke in the old radio.", told), doer
    view = checker.Context(Article.build(
        "Ferry inquiry\n\nThe harbor office opened an inquiry into the ferry crash. Nobody was hurt. "
        "In Berg's view, the crew had replaced the old radio a week too late."))
    assert "unsupported" not in kinds("Berg said that the crew had replaced the old radio a week too late.", view)
    # A quote given to another person than the one the article quotes.
    quotes = checker.Context(Article.build(
        "Pier\n\nThe pier is “a danger to every child,” Ana Ruiz said on Monday. Tomas Berg, the harbor "
        "master, said the pier was safe. He said the repairs were “long overdue.” The authors of the "
        "survey called the pier “a relic.”"))
    wrong = problem("Tomas Berg said the pier is “a danger to every child.”", quotes, "attribution")
    assert "Ana Ruiz’s words" in wrong.reason and "not Tomas Berg’s" in wrong.reason
    for right in ("Ana Ruiz said the pier is “a danger to every child.”",
                  "Berg said the repairs were “long overdue.”",  # "He" is Berg
                  "The survey's writers called the pier “a relic.”"):
        assert "attribution" not in kinds(right, quotes), right


def test_the_speaker_may_be_named_as_the_articles_sentence_names_them():
    ctx = checker.Context(Article.build(
        "Reef survey\n\nThe authors of the survey published in the journal Marine Notes argued "
        "that the reef could recover within a decade. The reef lost half its coral."))
    assert "attribution" not in kinds("The authors argued that the reef could recover within a decade.", ctx)
    assert "attribution" in kinds("Fishermen argued that the reef could recover within a decade.", ctx)
    # A word of what they said is no speaker's name.
    assert "attribution" in kinds("The reef argued that it could recover within a decade.", ctx)


def test_a_heading_the_model_made_a_label_gives_way_to_the_speaker():
    from desktop.core.pipeline import _mend

    headed = checker.Context(Article.build(
        "Port Alder plans a bridge\n\nThe council voted for a bridge on Thursday.\n\nFunding\n\n"
        "Mayor Lena Ortiz said the harbor fund pays 40 million dollars of the cost.\n\nGirls basketball\n\n"
        "Harbor beat Viera 70-44 on Friday."))
    assert _mend("Funding: The harbor fund pays 40 million dollars of the cost.", "point", headed) == \
        "Mayor Lena Ortiz said that the harbor fund pays 40 million dollars of the cost."
    # With no speaker to write, a heading stays: it may tell what the rest is about.
    assert _mend("Girls basketball: Harbor beat Viera 70-44 on Friday.", "point", headed) == \
        "Girls basketball: Harbor beat Viera 70-44 on Friday."


def test_an_invented_ending_is_found_and_cut_and_a_speaker_gets_no_words_they_did_not_use(ctx):
    from desktop.core.pipeline import _mend

    added = "Mayor Lena Ortiz said the bridge would cut the drive to the hospital by 25 minutes, " \
            "a welcome relief for commuters."
    assert problem(added, ctx, "unsupported").text == "a welcome relief for commuters."
    assert _mend(added, "point", ctx) == \
        "Mayor Lena Ortiz said the bridge would cut the drive to the hospital by 25 minutes."
    whole = "The town council voted 6 to 3 on Thursday, a vote to build a new road bridge across the harbor."
    assert "unsupported" not in kinds(whole, ctx) and _mend(whole, "point", ctx) == whole
    # Only a last clause: an aside in mid-sentence, an attribution or a quote stays.
    for kept in ("Mayor Lena Ortiz, a former nurse and trained civil engineer, said the bridge would cut "
                 "the drive to the hospital by 25 minutes.",
                 "The bridge will cost 92 million dollars, according to the finance office.",
                 'Mayor Lena Ortiz said the bridge "would cut the drive, a welcome relief."'):
        assert _mend(kept, "point", ctx) == kept, kept
    # A "which" clause the article tells of something else is cut as well.
    joined = "The town council of Port Alder voted to build a new road bridge, which has two schools and a ferry pier."
    assert problem(joined, ctx, "unsupported").text == "which has two schools and a ferry pier."
    assert _mend(joined, "point", ctx) == "The town council of Port Alder voted to build a new road bridge."
    told = "The town council of Port Alder voted to build a new road bridge, which could open in 2029."
    assert "unsupported" not in kinds(told, ctx)
    designed = checker.Context(Article.build(ARTICLE + " The bridge, designed by the firm Arup, will carry 9000 cars a day."))
    assert "unsupported" not in kinds("The town council of Port Alder voted to build a new road bridge across "
                                      "the harbor, which will carry 9000 cars a day.", designed)
    # A clause the article tells of another size of the same thing: "the 4-lane bridge" is not
    # "a 2-lane bridge".
    sizes = checker.Context(Article.build(
        "Port Alder plans a bridge\n\nPort Alder plans to build a new 2-lane bridge in 2027. The new 4-lane "
        "bridge at Elm Point has a cycle path and a bus lane. The new 2-lane bridge will cost 40 million dollars."))
    sized = "Port Alder plans to build a new 2-lane bridge in 2027, featuring a cycle path and a bus lane."
    assert problem(sized, sizes, "unsupported").text == "featuring a cycle path and a bus lane."
    assert "unsupported" not in kinds("Port Alder plans to build a new 2-lane bridge in 2027, costing 40 million "
                                      "dollars.", sizes)
    # An age is no size: the son is someone else, told of on purpose.
    crash = checker.Context(Article.build(
        "Driver dies on Route 9\n\nA 45-year-old man died after his car hit a tree on Route 9 on Sunday. "
        "His 12-year-old son was taken to hospital with minor injuries."))
    assert "unsupported" not in kinds("A 45-year-old man died after his car hit a tree on Route 9 on Sunday, with "
                                      "his 12-year-old son taken to hospital with minor injuries.", crash)
    # Said by the mayor, but "dramatic" is no word of the article: no one there judges so.
    assert problem("Mayor Lena Ortiz said the bridge would make a dramatic cut to the drive to the hospital.",
                   ctx, "opinion").text == "dramatic"


def test_the_noun_claims_is_no_hearsay():
    assert not claims.read("Jobless claims rose to 3 million, the most since records began.").attributed
    assert not claims.read("She rejected the claims in court.").modal
    assert [m.kind for m in claims.read("The firm claims that it paid.").modal] == ["hearsay"]
    assert [m.kind for m in claims.read("He claims in his book that the toll is fair.").modal] == ["hearsay"]
    # A preposition's object: the sentence judges the claims, it reports none.
    riddled = claims.read("The toll plan was riddled with false claims, on costs and on traffic.")
    assert not riddled.attributed and [m.text for m in riddled.judgements] == ["false claims"]


def test_a_claim_that_says_someone_said_it_must_say_who(ctx):
    unnamed = problem("Construction is said to disturb the shellfish beds.", ctx, "attribution")
    assert unnamed.fix == "Fishermen's association chair Tomas Berg criticized"


def test_a_possibility_told_as_a_fact_is_found_with_the_words_that_mend_it(ctx):
    found = problem("The bridge will open in 2029.", ctx, "modality")
    assert found.fix == "The bridge could"
    assert "modality" not in kinds("The bridge could open in 2029 if the state approves a loan.", ctx)
    # A plan bears on the verb it governs, not on every word after it.
    plans = checker.Context(Article.build(
        "Harbor talk\n\nThe harbor board is going to discuss the toll, which funds the new ferry pier."))
    assert "modality" in kinds("The harbor board discusses the toll.", plans)
    assert "modality" not in kinds("The toll funds the new ferry pier.", plans)
    # What is to come, told as done; a projection is its maker's.
    coming = checker.Context(Article.build(
        "Harbor budget\n\nThe budget office projects that the new toll will reduce traffic on the "
        "old road by 10 percent by 2030."))
    assert "modality" in kinds("The new toll has reduced traffic on the old road by 10 percent.", coming)
    mill = checker.Context(Article.build("Mill jobs\n\nThe mill could soon lose 300 jobs, and the town "
                                         "will open a jobs office. The town has two schools."))
    assert "modality" in kinds("The mill lost 300 jobs.", mill)  # an irregular past
    # Evidence of a thing is not the thing, unless another sentence here tells it plainly.
    hull = checker.Context(Article.build("Ferry hull\n\nDivers found evidence of a leak in the hull "
                                         "of the ferry. Engineers later confirmed a leak in the hull of the ferry."))
    assert "modality" in kinds("Divers found a leak in the hull of the ferry.", hull)
    assert "modality" not in kinds("Divers and engineers found a leak in the hull of the ferry.", hull)
    # Only what "evidence of" points to may be told plainly elsewhere; an "allegedly" stays lost.
    bribes = checker.Context(Article.build("Bribes\n\nPolice said the mayor allegedly took bribes from a "
                                           "builder. The mayor took office in 2010 after a long campaign."))
    assert "modality" in kinds("The mayor, who took office in 2010, took bribes from a builder.", bribes)
    assert "modality" in kinds("The town opened a jobs office.", mill)
    assert "modality" not in kinds("The new toll will reduce traffic on the old road by 10 percent.", coming)
    # "will" keeps a date's plan and reported speech's "would", not a hope or an expectation.
    plans = checker.Context(Article.build(
        "Ferry plans\n\nThe new ferry is expected in the first half of 2027. The harbor board hopes to "
        "open a second pier. Mayor Lena Ortiz said the old pier would close in May. The toll is set "
        "to rise in June."))
    hopes = checker.Context(Article.build(
        "Ferry plans\n\nThe harbor board plans to open a second pier in May. A higher toll would "
        "raise fares. Ferry fares rose more than expected in the third quarter."))
    for told, context, lost in [
            ("The new ferry will arrive in the first half of 2027.", plans, True),
            ("The harbor board will open a second pier.", plans, True),
            ("The old pier will close in May, Mayor Lena Ortiz said.", plans, False),
            ("The toll will rise in June.", plans, False),
            ("The harbor board will open a second pier in May.", hopes, True),
            ("A higher toll will raise fares.", hopes, True),
            ("Ferry fares rose in the third quarter.", hopes, False)]:  # "than expected": a measure
        assert ("modality" in kinds(told, context)) == lost, told
    assert problem("The new toll will reduce traffic on the old road by 10 percent.", coming,
                   "attribution").fix == "The budget office projects that"
    # A fear keeps a possibility as one: what is feared has not happened.
    feared = checker.Context(Article.build(
        "Ferry fears\n\nA second ferry broke down on Monday, with riders beginning to panic over a "
        "possible shutdown of the line."))
    assert "modality" not in kinds("A second ferry broke down, and riders fear a shutdown of the line.", feared)
    assert "modality" in kinds("A second ferry broke down, and riders face a shutdown of the line.", feared)
    # The noun tells a fear that is real; "the feared storm" came.
    fear = checker.Context(Article.build(
        "Ferry fears\n\nThe fear of flooding drove many residents out of Los Palmas last winter. The "
        "feared storm surge swept away the ferry pier."))
    assert "modality" not in kinds("Worry about flooding drove many residents out of Los Palmas last winter.", fear)
    assert "modality" not in kinds("A storm surge swept away the ferry pier on Tuesday.", fear)


def test_what_a_sentence_tells_of_the_report_itself_is_no_claim_of_it():
    poll = checker.Context(Article.build(
        "Harbor poll\n\nThe poll of 500 likely Port Alder voters, released Tuesday, found the mayor far "
        "behind her rival, 38% to 55%. The town has 9,000 residents."))
    assert "attribution" not in kinds("The poll was released on Tuesday.", poll)  # no "found that the poll was released"
    assert "attribution" in kinds("The mayor is far behind her rival, 38% to 55%.", poll)


def test_a_claim_given_to_the_piece_that_the_article_has_others_make_is_found():
    check = checker.Context(Article.build(
        "Ferry tolls, explained\n\nBackers of the toll say that it helps the ferry line pay for new "
        "boats. The toll rose to 2 dollars in May."))
    found = problem("The article claims that the toll helps the ferry line pay for new boats.", check, "attribution")
    assert "backers of the toll" in found.reason and found.fix == "Backers of the toll say that"
    for kept in ("Backers of the toll say that it helps the ferry line pay for new boats.",
                 "The article says the toll rose to 2 dollars in May."):
        assert "attribution" not in kinds(kept, check), kept


def test_a_person_first_named_by_surname_alone_is_named_in_full():
    article = Article.build(
        "Ferry fares\n\nHarbor chief Ana Ruiz said fares would rise in May. Ruiz said the line "
        "needs new boats. Tom Berg said riders would pay more. Lena Berg said they would not. "
        "Berg said the vote was close. Europa Clipper said nothing, but the Clipper sailed.")
    names = checker.full_names(article)
    assert names == {"Ruiz": "Ana Ruiz"}  # two Bergs: which one?
    assert checker.with_names_in_full(
        ["Ruiz said fares would rise.", "Ruiz said the line needs boats.", "Berg said so."], names) == \
        ["Ana Ruiz said fares would rise.", "Ruiz said the line needs boats.", "Berg said so."]
    assert checker.with_names_in_full(["Harbor chief Ana Ruiz said so."], names) == ["Harbor chief Ana Ruiz said so."]
    # A quote stays as it was said; "Ruiz Street" is no person.
    assert checker.with_names_in_full(["“Ruiz is right,” Berg said.", "Ruiz Street closed.", "Ruiz agreed."], names) == \
        ["“Ruiz is right,” Berg said.", "Ruiz Street closed.", "Ana Ruiz agreed."]


def test_a_question_answered_as_a_fact_is_found():
    asked = checker.Context(Article.build(
        "Ferry season\n\nShould the ferry season start earlier to make sure every pier stays busy? "
        "What is the best crossing of the year? The crossing from Alder to Holm, in early May."))
    assert "modality" in kinds("The ferry season starts earlier to make sure every pier stays busy.", asked)
    answered = checker.Context(Article.build(
        "Ferry terminal\n\nIs the new ferry terminal worth the money? Yes: it has cut crossing times "
        "by half, port data show. Should the ferry season start earlier?"))
    assert "modality" not in kinds("The new ferry terminal is worth the money, port data show.", answered)
    for kept in ("The ferry season could start earlier to make sure every pier stays busy.",
                 "The writer asks whether the ferry season should start earlier to keep every pier busy.",
                 "Should the ferry season start earlier to make sure every pier stays busy?",
                 # A question of what, why or how is answered after it.
                 "The best crossing of the year is from Alder to Holm, in early May."):
        assert "modality" not in kinds(kept, asked), kept


def test_a_lost_or_added_negation_is_found(ctx):
    assert "negation" in kinds("The council set a date for a public hearing.", ctx)
    assert "negation" in kinds("The council did not vote on the bridge.", ctx)
    # A curly apostrophe negates as a straight one does, in the article and in the summary.
    curly = checker.Context(Article.build("Ferry owners say riders shouldn’t worry about the toll."))
    assert "negation" not in kinds("Ferry owners say riders shouldn't worry about the toll.", curly)
    assert "negation" not in kinds("Ferry owners say riders shouldn’t worry about the toll.", curly)
    assert "negation" in kinds("Ferry owners say riders should worry about the toll.", curly)
    # A negation counts where it bears on what the summary says, not on a word beside it.
    beside = checker.Context(Article.build(
        "Ferry news\n\nIf you haven't met her yet, Ana Ruiz has run the ferry line since 2010. "
        "The line is not only the oldest but also the busiest. The mayor refused to sign the lease. "
        "The firm denied allegations that it paid bribes to port officials. "
        "The bridge isn't just a road; it also carries a rail line."))
    for kept in ("Ana Ruiz has run the ferry line since 2010.", "The line is the oldest and the busiest.",
                 "The bridge carries a road and a rail line."):
        assert "negation" not in kinds(kept, beside), kept
    for lost in ("The mayor signed the lease.", "The firm paid bribes to port officials."):
        assert "negation" in kinds(lost, beside), lost


def test_a_sentence_that_points_back_or_is_not_whole_is_found(ctx):
    assert problem("He criticized the plan.", ctx, "dangling").text == "He"
    assert "dangling" in kinds("While this decision helps, the toll is 2 dollars.", ctx)
    assert "dangling" not in kinds("It is unclear when the bridge opens.", ctx)
    # What the page shows, or an action told before, is nowhere in a note.
    assert problem("Fares like the ones above will double in 2029.", ctx, "dangling", part="summary",
                   before=("The council voted 6 to 3.",)).text == "the ones above"
    assert problem("Ortiz said the toll shown below is too high.", ctx, "dangling").text == "shown below"
    assert problem("A loan to do just that could come from the state.", ctx, "dangling").text == "do just that"
    for whole in ("Ortiz criticized the bridge and Berg will do the same.",  # the action is in it
                  "Fishermen who do the same job earn 12 dollars less, a survey found.",
                  "Fares were quoted above 2 dollars on Monday."):
        assert "dangling" not in kinds(whole, ctx), whole
    assert "dangling" not in kinds("Ortiz criticized the plan and Berg will do the same.", ctx,
                                   title="Council plans a harbor bridge")
    assert "dangling" not in kinds("He criticized the plan.", ctx, part="summary",
                                   before=("Tomas Berg spoke on Thursday.",))
    assert "fragment" in kinds("A toll of 2 dollars for residents", ctx)
    assert "fragment" not in kinds("Residents of Los Palmas will pay a toll of 2 dollars.", ctx)
    assert "fragment" in kinds("Plans to double the toll for residents of Los Palmas.", ctx)
    assert "fragment" in kinds("To post signs telling residents the toll doubles in 2029.", ctx)
    # A results row's list, and the article's headline told as what its writer argues.
    assert "fragment" in kinds("Harbor (4-0): Ruiz 25 points, Berg 17 points, Holm 10 points.", ctx)
    assert "fragment" not in kinds("The council voted: Ruiz, Berg and Holm said yes, and two said no.", ctx)
    column = checker.Context(Article(ARTICLE, Genre("opinion column", "Rita Haas"), "Port Alder Approves Harbor Bridge"))
    assert "fragment" in kinds("Haas argues that Port Alder Approves Harbor Bridge.", column)
    assert "fragment" in kinds("Haas argues that Little Port Alder Approves Harbor Bridge.", column)  # a word more
    assert "fragment" in kinds("Haas argues that the future of the harbor is ...", column)  # it trails off
    assert "fragment" not in kinds('Ortiz said: "The bridge will open in 2029..."', ctx)  # a quote's own
    # A plural subject's verb has no "s", and the sentence is whole.
    for whole in ("Harbor pilots guide the ferries into Port Alder.",
                  "Ferries and tugboats share the channel with fishing boats."):
        assert "fragment" not in kinds(whole, ctx), whole
    assert "fragment" in kinds("Tolls from 2 dollars for residents of Los Palmas", ctx)
    assert "fragment" not in kinds("Harbor companies include Alder Ferries and Tugco.", ctx)
    for headline in ("Residents angry at the new toll.", "Fishermen and residents unhappy with the toll."):
        assert "fragment" in kinds(headline, ctx), headline
    # A label and a product's name are no verbs: "Deals:", "Ferry Passes".
    assert "fragment" in kinds("Harbor Deals: Alder Ferry Passes 10 for 2 dollars.", ctx)
    # A participle with no subject begins a fragment; one that describes the subject does not.
    assert "fragment" in kinds("Approved by the council on Thursday.", ctx)
    assert "fragment" not in kinds("Painted steel arches are the bridge's main feature.", ctx)
    assert "fragment" not in kinds("Armed police arrested two men at the pier on Monday.", ctx)
    assert "fragment" in kinds("Founded in 1990 by fishermen who were tired of the toll.", ctx)
    assert "fragment" in kinds("As shown off at the harbor fair this week, the new ferry.", ctx)  # "this" is no verb
    # Another headline of the page, in its capitals; not a name made of common words.
    assert "fragment" in kinds("The Bridge Vote Is Next Week, But Ferry Tolls Go Up Today.", ctx)
    assert "fragment" not in kinds("Ruiz rides in the Harbor Bridge Ferry Toll Fun Run on Thursday.", ctx)
    for named in ("Lena Ortiz and Tomas Berg met Ana Ruiz of Harbor Ferries at The Anchor Inn.",
                  "Speakers included Lena Ortiz, Tomas Berg, Ana Ruiz and The Harbor Trust."):
        assert "fragment" not in kinds(named, ctx), named
    # An interview's line as the page prints it says neither who asks nor who answers.
    assert "fragment" in kinds("Q: What will the toll pay for first?", ctx)
    # An opening that says whose and nothing more.
    for whose in ("According to data on the council's vote.", "Mayor Lena Ortiz said that."):
        assert "fragment" in kinds(whose, ctx), whose
    assert "fragment" in kinds("A: The new pier and two ferries.", ctx)
    assert "fragment" not in kinds("A new pier will open in 2029.", ctx)
    assert "fragment" not in kinds("A. J. Berg caught two fish in the harbor.", ctx)  # initials
    assert "fragment" not in kinds("Haas argues that Port Alder should approve the harbor bridge.", column)
    assert "fragment" not in kinds("To pay for the bridge, the council will charge a toll.", ctx)
    for whole in ("Plans to rebuild the pier were approved on Monday.",
                  "Italy raises taxes on imported cars.", "Emily works as a nurse in Port Alder."):
        assert "fragment" not in kinds(whole, ctx), whole
    # "calls for" and "facing claims" name no verb: what an "-ing" word acts on is its object.
    assert "fragment" in kinds("Tomas Berg, chair of the association, facing calls for a hearing", ctx)
    assert "fragment" not in kinds("Nothing stops the toll", ctx)
    assert "fragment" in kinds("Opening the bridge less than three months before the Alder elections.", ctx)
    assert "fragment" not in kinds("The Alder council votes on the toll today.", ctx)
    assert "fragment" not in kinds("The Senate passes the budget bill.", ctx)
    assert "fragment" not in kinds("iPhone owners in Port Alder pay the toll.", ctx)  # a name's small letter
    # A word in -ed or -en is no verb when it is a name, a number or "even", "when", "women".
    assert "fragment" in kinds("Tomas Berg, Lena Ortiz, Karen Allen and even the ferry crew.", ctx)
    assert "fragment" in kinds("Seven hundred residents of Los Palmas, women and children.", ctx)
    assert "fragment" not in kinds("Seven hundred residents of Los Palmas opened the bridge.", ctx)
    # A contraction holds a verb, a question may open with one, a past tense with its object
    # is whole without a full stop; a headline's "How to ..." or "Why ..." is not a sentence.
    for whole in ("It’s important to finish the bridge before 2029.", "Don't drive on the old road.",
                  "Was it wise to vote before the hearing?", "Lena Ortiz opened the bridge"):
        assert "fragment" not in kinds(whole, ctx), whole
    assert "fragment" in kinds("How to pay the toll on the new bridge", ctx)
    assert "fragment" in kinds("Why the bridge is important for Port Alder", ctx)
    assert "fragment" not in kinds("How the council will pay for it, it did not say.", ctx)
    assert "fragment" not in kinds("How the council will pay for the bridge remains unclear.", ctx)
    assert "fragment" in kinds("Why doctors are leaving Port Alder", ctx)
    # A headline's passive before a time is no past tense with its object.
    assert "fragment" in kinds("Hiker rescued a day after falling into the harbor", ctx)
    assert "fragment" in kinds("Hiker stranded Tuesday at the pier", ctx)
    assert "fragment" not in kinds("Port Alder defeated Bayside 70-44", ctx)
    # A headline's passive without its "were": no whole sentence.
    assert "fragment" in kinds("Ten new cases of toll evasion reported.", ctx)
    assert "fragment" not in kinds("Ten new cases of toll evasion were reported.", ctx)
    assert "fragment" not in kinds("The council said ten cases have been confirmed.", ctx)
    assert "fragment" not in kinds("Mayor Lena Ortiz resigned.", ctx)
    # ... also when a place or a time follows it and no object; an "-ing" word after a name
    # is no verb.
    assert "fragment" in kinds("A ferry found near the pier after missing in Los Palmas.", ctx)
    assert "fragment" in kinds("Two fishermen arrested after a protest at the harbor.", ctx)
    assert "fragment" in kinds("Tomas Berg attacking the council at the expense of the fishermen.", ctx)
    for whole in ("Police arrested two fishermen after a protest at the harbor.",
                  "The ferry found near the pier was towed to Los Palmas.",
                  "Tomas Berg is attacking the council.", "The council met, adding a hearing to its plan.",
                  "The court found in favor of the fishermen.", "Voters rejected in November a plan to build it.",
                  "The finance office reported in a statement 12 new cases of toll evasion."):
        assert "fragment" not in kinds(whole, ctx), whole
    # A verb that tells someone needs whom: "told that" alone is no whole sentence.
    assert "fragment" in kinds("Tomas Berg privately told that the council vote on Thursday.", ctx)
    for whole in ("Tomas Berg was told that the vote was on Thursday.",
                  "Tomas Berg had told that story many times before the vote.",
                  "Lena Ortiz, told that the vote was delayed, left the hall.",
                  "Tomas Berg told reporters that the vote was on Thursday.",
                  "Residents were also informed that the toll doubles."):
        assert "fragment" not in kinds(whole, ctx), whole
    assert "fragment" in kinds("The council will give three reasons for the toll:", ctx)
    assert "fragment" in kinds("Lena Ortiz's plan for the harbor bridge", ctx)  # "Ortiz's" is no verb


def test_a_subject_or_pronoun_that_names_nothing_is_dangling(ctx):
    assert problem("The company struggled to finish the bridge by Tuesday.", ctx, "dangling").text == "The company"
    assert "dangling" not in kinds("The company behind Alder Steel will build the bridge.", ctx)
    # The subject's name may come after words that describe it, or beside it; not after its verb.
    assert "dangling" not in kinds("The new 40-ton Alder Steel crane will build the bridge.", ctx)
    assert "dangling" not in kinds("The two companies — Alder Steel and Berg Works — will build the bridge.", ctx)
    assert problem("The company told Port Alder it would build the bridge.", ctx, "dangling").text == "The company"
    assert problem("The company began work last November.", ctx, "dangling").text == "The company"
    # A bare "this" as the subject of what someone said; "this week", or "it", may stand there.
    assert problem("Mayor Lena Ortiz said that this would cut the drive.", ctx, "dangling").text == "this"
    assert "dangling" not in kinds("Mayor Lena Ortiz said this week that the bridge would cut the drive.", ctx)
    for kept in ("Mayor Lena Ortiz said this is the first bridge across the harbor.",
                 "Port Alder voted for the bridge, and Mayor Lena Ortiz said this would cut the drive."):
        assert "dangling" not in kinds(kept, ctx), kept
    assert problem("The company cut Alder Steel's budget.", ctx, "dangling").text == "The company"
    # The title, read just before the summary, names what its first sentence's subject points at.
    title = "Steel company wins the harbor bridge contract"
    assert "dangling" not in kinds("The company will build the bridge.", ctx, "summary", title=title)
    assert "dangling" in kinds("The crane was built to lift the bridge.", ctx, "summary", title=title)
    assert "dangling" in kinds("The company will build the bridge.", ctx, "summary")
    assert "dangling" not in kinds("The missing crane was found.", ctx, "summary", title="Missing crane found near pier")
    # A time that follows something not told.
    for opening in ("A short time later", "Finally", "The next day", "Later"):
        assert problem(f"{opening}, the council approved the bridge.", ctx, "dangling").text == opening
    for told in ("Two years after the flood, the council approved the bridge.",
                 "Shortly after the flood, the council approved the bridge.",
                 "Council members spoke later, saying the toll was too high."):
        assert "dangling" not in kinds(told, ctx), told
    assert problem("The women were told the toll would double.", ctx, "dangling").text == "The women"
    assert "dangling" not in kinds("The new harbor ferry service called Alder Star, carries 60 people.", ctx)
    # A key point under a title that names the toll may speak of "the toll".
    assert "dangling" not in kinds("The toll will be 2 dollars.", ctx, title="Los Palmas residents to pay a toll")
    assert "dangling" in kinds("The toll will be 2 dollars.", ctx, title="Port Alder approves harbor bridge")
    assert "dangling" not in kinds("Residents of Los Palmas will pay 2 dollars for this toll.", ctx,
                                   title="Los Palmas residents to pay a toll")
    assert "dangling" in kinds("Residents of Los Palmas will pay 2 dollars for this toll.", ctx,
                               title="Port Alder approves harbor bridge")
    assert "dangling" not in kinds("A company will build the bridge for the council.", ctx)
    # A study's authors are someone's once the study is named above; "the author" is the piece's.
    assert problem("The authors wrote that traffic doubled.", ctx, "dangling", "summary").text == "The authors"
    assert "dangling" not in kinds("The authors wrote that traffic doubled.", ctx,
                                   before=("According to a study, traffic on the old road doubled.",))
    assert "dangling" not in kinds("The author argues that the toll is too high.", ctx, "summary")
    # A noun that stands for something told before ("the plan", "the move") names nothing
    # unless the words after it, the title or the sentence's own first clause say what it is.
    assert problem("Tomas Berg defended the plan and said it would help.", ctx, "dangling").text == "the plan"
    assert problem("Ortiz said the situation can worsen.", ctx, "dangling").text == "the situation"
    for named in ("Tomas Berg defended the plan to build the bridge.",
                  "Council approves the bridge, ending the dispute, and the move pleases Ortiz.",
                  "Tomas Berg opposed the bridge before rains delayed it, calling the decision hasty."):
        assert "dangling" not in kinds(named, ctx), named
    assert "dangling" not in kinds("Tomas Berg defended the plan.", ctx, title="Council plans a harbor bridge")
    assert "dangling" not in kinds("Tomas Berg criticized the move.", ctx, title="Council moves to build a bridge")
    assert problem("Tomas Berg criticized the plans.", ctx, "dangling").text == "the plans"
    for named in ("Tomas Berg criticized the plan unveiled by the council on Thursday.",
                  "Tomas Berg criticized the plan Ortiz announced on Thursday.",
                  "Ortiz announced the plan, a bridge across the harbor, on Thursday.",
                  "Port Alder voted 6 to 3 for a toll bridge and Tomas Berg criticized the plan.",
                  "“The decision is a mistake,” Tomas Berg said."):
        assert "dangling" not in kinds(named, ctx), named
    assert "dangling" not in kinds("Fishermen fight the plan", ctx, part="title")  # a headline's own words
    assert problem("In an interview on Thursday, he said the bridge would open in 2029.", ctx,
                   "dangling").text == "he"
    assert problem("To open the bridge by 2029, she asked the council for a loan.", ctx, "dangling").text == "she"
    assert "dangling" not in kinds("Residents this year pay no toll.", ctx)
    assert "dangling" not in kinds("When the council met, they said the bridge would open in 2029.", ctx)
    assert "dangling" not in kinds("After Lena Ortiz spoke, she said the bridge would open in 2029.", ctx)
    assert "dangling" in kinds("So-called experts said this plan would fail.", ctx)
    column = checker.Context(Article("The bridge is a waste. It will never pay for itself.",
                                     Genre("opinion column", "Rita Haas"), "A waste"))
    assert problem("Haas argues that it will never pay for itself.", column, "dangling").text == "it"
    assert "dangling" not in kinds("Haas argues that the bridge will never pay for itself.", column)
    assert "dangling" not in kinds("Haas argues that it is time to stop the bridge.", column)
    # A company that issues a release is an "it" of its own.
    release = checker.Context(Article("Alder Ferries will add a route in May. It will buy two boats.",
                                      Genre("press release", "Alder Ferries"), "A new route"))
    assert "dangling" not in kinds("Alder Ferries says that it will buy two boats.", release)


def test_the_writers_own_voice_is_dangling_but_a_count_or_the_article_is_not(ctx):
    assert problem("The 52-year-old said the bridge would open in 2029.", ctx, "dangling").text == "The 52-year-old"
    assert problem("Today, we are going to look at the bridge.", ctx, "dangling").text == "we"
    assert problem("Next week, I will write about the toll.", ctx, "dangling").text == "I"
    # after the summary's first sentence too: no one before it is the writer's "I"
    named = ("Lena Ortiz said the bridge would open in 2029.",)
    assert problem("Next week, I will write about the toll.", ctx, "dangling", part="summary",
                   before=named).text == "I"
    assert problem("We will write about the toll next week.", ctx, "dangling", part="summary",
                   before=named).text == "We"
    # an "our" after the summary's first sentence may be the people it names
    assert "dangling" not in kinds("The toll hurts our town, Ortiz said.", ctx, part="summary", before=named)
    assert "dangling" not in kinds("Port Alder first planned a bridge after World War I ended.", ctx)
    assert "dangling" not in kinds('Lena Ortiz said: "I want the bridge built.', ctx)
    assert "dangling" not in kinds("Lena Ortiz says that we all pay for the old road.", ctx)
    assert "dangling" not in kinds("Lena Ortiz: we will build the bridge by 2029.", ctx)
    assert "dangling" not in kinds("Port Alder approved ‘our bridge’ plan on Thursday.", ctx)
    assert "dangling" not in kinds("Patients with type I diabetes will pay no toll.", ctx)
    assert "dangling" not in kinds("Backers of Sen. Lena Ortiz (I–Alder) paid the toll.", ctx)
    assert problem("Today I will look at the bridge.", ctx, "dangling").text == "I"
    assert "dangling" not in kinds("It's important to finish the bridge by 2029.", ctx)
    assert "dangling" not in kinds("The number of drivers on the old road has doubled since 2015.", ctx)
    # The article itself is page clutter, and is said to be, not a "which one?".
    assert kinds("The article discusses the harbor bridge.", ctx).count("dangling") == 0
    assert "clutter" in kinds("The article discusses the harbor bridge.", ctx)
    assert problem("He said the article was wrong about the bridge.", ctx, "dangling").text == "He"


def test_a_name_cut_short_is_found_with_the_whole_name(ctx):
    found = problem("Residents of Palmas will pay a toll of 2 dollars.", ctx, "partial_name")
    assert found.fix == "Los Palmas"
    assert "partial_name" not in kinds("Residents of Los Palmas will pay a toll of 2 dollars.", ctx)


def test_the_writers_judgement_given_to_a_speaker_is_found():
    ctx = checker.Context(Article.build(
        "Ferry results\n\nAnalysts predicted 2 million riders. The results look good, but fares fell. "
        "Ortiz said the results look good for the harbor."))
    assert problem("Analysts predicted 2 million riders, but the results look good.", ctx,
                   "opinion").text == "look good"
    # The speaker's own words may judge so.
    assert "opinion" not in kinds("Ortiz said the results look good for the harbor.", ctx)


def test_a_speakers_words_given_to_the_writer_are_found():
    ctx = checker.Context(Article(
        "Ferry growth\n\nThe ferry line carried 2 million riders last year. Harbor Ferries chief Ana "
        "Ruiz, meanwhile, told reporters that the line will add two routes in 2027, after a year of "
        "repairs. The pier reopened on Monday.", Genre("news report", "Tomas Holm")))
    given = problem("Holm writes that the line will add two routes in 2027, after a year of repairs.",
                    ctx, "attribution")
    assert "Harbor Ferries chief Ana Ruiz says this" in given.reason
    assert given.fix == "Harbor Ferries chief Ana Ruiz said that"
    # What the writer tells in their own voice is theirs to be given.
    assert "attribution" not in kinds("Holm writes that the ferry line carried 2 million riders last year.", ctx)
    column = checker.Context(Article(
        "Ferry growth\n\nHarbor Ferries chief Ana Ruiz told reporters that the line will add two routes "
        "in 2027. I agree: the line will add two routes in 2027, and it should.", Genre("opinion column", "Tomas Holm")))
    assert "attribution" not in kinds("Holm argues that the line will add two routes in 2027.", column)


def test_a_number_told_as_another_of_its_kind_is_found():
    ctx = checker.Context(Article.build(
        "Ferries\n\nThe council will buy a new 40-seat ferry next year. The 60-seat ferry it bought in "
        "2020 has a covered deck and a cafe. Residents asked for 12 more sailings and 3 new piers."))
    # The article's sentence says the 60-seat ferry has the deck; the 40-seat one is elsewhere.
    assert problem("The new 40-seat ferry has a covered deck and a cafe.", ctx, "number").reason == \
        "The article's sentence here says 60-seat, not 40-seat."
    for told in ("The 60-seat ferry has a covered deck and a cafe.",
                 "Residents asked for 12 more sailings and 3 new piers."):
        assert "number" not in kinds(told, ctx), told


def test_a_name_made_the_owner_of_what_it_is_is_unsupported():
    ctx = checker.Context(Article.build("Pier opens\n\nPort Alder's harbor master, Ruiz, opened the new "
                                        "pier on Monday. Ruiz's office said the pier cost 3 million dollars."))
    assert problem("Ruiz's harbor master opened the new pier on Monday.", ctx,
                   "unsupported").reason == "The article has “Alder's harbor master, Ruiz”: the sentence makes Ruiz the owner."
    # A relation both ways, and words after the name that are no noun of it.
    rivals = checker.Context(Article.build("Ferries\n\nAlder Ferries' rival Tugco cut its fares. "
                                           "Tugco's rival Berg's Boats raised them. Ortiz said it's up to Berg."))
    for told in ("Berg's rival Tugco raised its fares.", "Ortiz's office said it's up to Berg."):
        assert "the owner" not in " ".join(p.reason for p in checker.check(told, "point", rivals)), told
    for told in ("Port Alder's harbor master opened the new pier on Monday.",
                 "Ruiz's office said the pier cost 3 million dollars."):  # the article has both so
        assert "unsupported" not in kinds(told, ctx), told


def test_page_clutter_repeats_and_unsupported_claims(ctx):
    assert "clutter" in kinds("Anna Lee contributed to this report.", ctx)
    # What the writer will tell in another piece is about the page, not the news.
    assert "clutter" in kinds("In the next article, Ortiz will share her tips for the harbor fair.", ctx)
    assert "clutter" in kinds("Shares of Alder Steel (NYSE: ALD) rose after the vote.", ctx)
    assert "repeat" in kinds("The council voted 6 to 3 for the bridge.", ctx,
                             before=("The town council voted 6 to 3 on Thursday to build a bridge.",))
    assert "repeat" in kinds("Port Alder approves a harbor bridge.", ctx, title="Port Alder approves harbor bridge")
    # A title that tells what a piece is about: a point that says what is no repeat.
    assert "repeat" not in kinds("Ortiz's favorite harbor crossing is the ferry.", ctx,
                                 title="Ortiz writes about her favorite harbor crossing")
    # Told again by someone is no new fact; a longer sentence that adds facts is, and so is a
    # judgement on what was told.
    assert "repeat" in kinds("Officials said the council voted for the bridge.", ctx,
                             before=("The town council voted 6 to 3 on Thursday to build a bridge.",))
    assert "repeat" not in kinds("The council voted for the bridge.", ctx, before=("The council voted against the ferry.",))
    assert "repeat" not in kinds("The bridge will cost 92 million dollars and could open in 2029.", ctx,
                                 before=("The bridge will cost 92 million dollars.",))
    # Told again with a detail: a repeat; with a clause of its own, a new fact (above).
    assert "repeat" in kinds("Tomas Berg said that in 20 years he has never seen a plan this costly.",
                             ctx, before=("Tomas Berg said he has never seen a plan this costly.",))
    for added in (", and he will vote against it.", "; Ortiz praised it.", ", and residents pay a toll."):
        assert "repeat" not in kinds("Tomas Berg said he has never seen a plan this costly" + added,
                                     ctx, before=("Tomas Berg said he has never seen a plan this costly.",)), added
    assert "repeat" not in kinds("Tomas Berg criticized the plan.", ctx,
                                 before=("The council approved the plan on Thursday.",))
    assert "repeat" in kinds("The bridge, as the council very recently explained, is a toll bridge.", ctx,
                             before=("The bridge is a toll bridge that the council will build by 2029.",))
    # The summary's later sentences tell no key point again; its first may tell the main event a
    # point tells too, and a sentence that sums up two points says more than either.
    points = ("The town council voted 6 to 3 on Thursday to build a bridge.",
              "Mayor Lena Ortiz said the bridge would cut the drive to the hospital by 25 minutes.")
    assert "repeat" in kinds("Mayor Lena Ortiz said the bridge would cut the drive to the hospital by 25 "
                             "minutes.", ctx, "summary", before=("The council voted for a bridge.",), points=points)
    assert "repeat" not in kinds("The town council voted 6 to 3 on Thursday to build a bridge.", ctx, "summary",
                                 points=points)
    assert "repeat" not in kinds("The council voted for a bridge that, the mayor said, would cut the drive to "
                                 "the hospital by 25 minutes.", ctx, "summary", before=("Port Alder will have a "
                                 "bridge.",), points=points)
    # A summary that says only what its title says tells the reader nothing more.
    assert "repeat" in kinds("Port Alder approves a harbor bridge.", ctx, "summary",
                             title="Port Alder approves harbor bridge")
    assert "repeat" not in kinds("The town council of Port Alder voted 6 to 3 on Thursday to build a bridge "
                                 "over the harbor.", ctx, "summary", title="Port Alder approves harbor bridge")
    assert "repeat" not in kinds("Port Alder approves a harbor bridge.", ctx, "summary",
                                 title="Does Port Alder approve a harbor bridge?")  # an answer
    column = checker.Context(Article(ARTICLE, Genre("opinion column", "Rita Haas"), "Port Alder needs its bridge"))
    assert "repeat" not in kinds("In an opinion column, Rita Haas argues that Port Alder needs a harbor bridge.",
                                 column, "summary", title="Haas argues Port Alder needs a harbor bridge")
    assert "unsupported" in kinds("The council will build an airport next to the school.", ctx)
    assert "unsupported" not in kinds("The council voted 6 to 3 to build a road bridge.", ctx)


def test_words_the_article_keeps_apart_joined_in_a_sentence_are_asked_about_and_flagged_when_doubted(ctx):
    # Who pays the toll has changed: every word is the article's, but never together.
    swapped = "The fishermen's association will pay a toll of 2 dollars."
    assert checker.untold_pairs(swapped, ctx) == [("association", "pay")]
    assert checker.worth_asking(swapped, "point", ctx)
    assert "unsupported" not in kinds(swapped, ctx)  # the words alone find it supported
    flagged = problem(swapped, ctx, "unsupported", doubted=True)
    assert "“association” and “pay”" in flagged.reason and flagged.text == swapped
    # What the article says together, or in clauses of its own, is not asked about.
    for told in ("Residents of Los Palmas will pay a toll of 2 dollars.",
                 "The council voted 6 to 3, and residents of Los Palmas will pay a toll."):
        assert checker.untold_pairs(told, ctx) == [] and not checker.worth_asking(told, "point", ctx), told
        assert "unsupported" not in kinds(told, ctx, doubted=True), told
    # Nor a title, nor a sentence the words already find unsupported.
    assert not checker.worth_asking(swapped, "title", ctx)
    assert not checker.worth_asking("The fishermen's association will pay 7 dollars.", "point", ctx)
    # The model is asked whether the article says what an opinion piece's writer argues, not
    # whether they argue it; a named speaker's words are asked with the speaker.
    column = checker.Context(Article(ARTICLE, Genre("opinion column", "Rita Haas"), "Port Alder needs its bridge"))
    for framed in ("Haas argues that the fishermen's association will pay a toll of 2 dollars.",
                   "In an opinion column, Rita Haas argues that the fishermen's association will pay a toll of 2 dollars."):
        assert checker.asked_of(framed, column) == "the fishermen's association will pay a toll of 2 dollars.", framed
    said = "Mayor Lena Ortiz said the fishermen's association will pay a toll."
    assert checker.asked_of(said, column) == said and checker.asked_of(said, ctx) == said


def test_a_question_is_no_summary_sentence_or_key_point_in_any_language(ctx):
    assert problem("Should the council build the bridge before the state approves a loan?", ctx,
                   "question").reason.startswith("A question")
    assert "question" in kinds("¿Abrirá el puente en 2029?", ctx, part="summary", compare=False)
    assert "question" in kinds("橋は2029年に開通するのか？", ctx, compare=False)
    assert "question" in kinds("هل سيفتح الجسر في 2029؟", ctx, compare=False)
    # A question the article quotes is the statement's that quotes it.
    assert "question" not in kinds('Mayor Lena Ortiz asked "why wait?" before the council voted 6 to 3.', ctx)
    assert "question" not in kinds('Mayor Lena Ortiz asked: "Why should the town wait?"', ctx)
    assert "question" not in kinds("¿Por qué esperar?, preguntó la alcaldesa.", ctx, compare=False)


def test_judgements_no_one_owns_and_shouted_titles(ctx):
    judged = problem("The reckless plan divided the town.", ctx, "opinion")
    assert judged.text == "reckless"
    # A speaker's judgement is theirs when the article gives it to them; Berg never said "reckless".
    assert "opinion" in kinds("Tomas Berg said the plan was reckless.", ctx)
    critic = checker.Context(Article.build("Harbor plan\n\nTomas Berg said the harbor plan was reckless. "
                                           "The council voted on Thursday."))
    assert "opinion" not in kinds("Tomas Berg said the plan was reckless.", critic)
    assert "opinion" in kinds("Council Approves Reckless Harbor Bridge Plan", ctx, part="title")
    # A question that asks whether asserts no judgement; one that asks why still does.
    assert "opinion" not in kinds("Was the plan as reckless as its critics thought it would be?", ctx)
    assert "opinion" in kinds("Why was the plan so reckless?", ctx)
    # A quote cut off before it closes is still a quote.
    assert "opinion" not in kinds('Tomas Berg said: "The plan is reckless and', ctx)
    # Its words are checked as a quote's, to its last one.
    assert "quote" not in kinds('Mayor Lena Ortiz said: "the bridge would cut the drive', ctx)
    assert not claims.read("Members of the Popular Party met Super Tuesday voters in Great Falls.").judgements
    assert not claims.read("Tariffs on imported goods rose in May.").judgements  # goods: wares
    assert not claims.read("The harbor doctor recommended a new ferry timetable.").judgements  # a verb
    assert [p.text for p in checker.check("Port Alder approves BRIDGE!", "title", ctx)
            if p.kind == "sensational"] == ["BRIDGE", "!"]
    # A shouted word is mended in lower case, or as the article writes it as a name.
    from desktop.core.pipeline import _mend
    assert _mend("Port Alder approves BRIDGE", "title", ctx) == "Port Alder approves bridge"
    named = checker.Context(Article.build("HARBORWATCH checks the toll\n\nThe toll rose on Monday, "
                                          "Harborwatch found. The council voted on the toll."))
    assert _mend("HARBORWATCH checks the toll rise", "title", named) == "Harborwatch checks the toll rise"
    opening = checker.Context(Article.build("Toll rise\n\nShocking footage shows the pier. Residents were shocked."))
    assert _mend("Footage shows SHOCKING toll queues", "title", opening) == "Footage shows shocking toll queues"


def test_a_news_report_s_own_judgement_is_told_as_its_reporter_s():
    report = checker.Context(Article(
        "The council's harbor plan is reckless. It voted 6 to 3 on Thursday to build the bridge.",
        Genre("news report", "Rita Haas"), "Harbor plan"))
    assert problem("The council's harbor plan is reckless.", report, "opinion", part="summary").fix == \
        "Rita Haas writes that"
    assert problem("The harbor plan is reckless.", report, "opinion").fix == "Haas writes that"
    # Her name is the page's, not the text's: with it the sentence is as well supported.
    spliced = problem("The council's harbor plan is reckless.", report, "opinion", part="summary").mended
    assert spliced == "Rita Haas writes that the council's harbor plan is reckless."
    assert kinds(spliced, report, part="summary") == []
    # A headline is written anew without the judging word, not as "Haas writes that …".
    assert problem("Council's Reckless Harbor Plan", report, "opinion", part="title").fix == ""
    quoted = checker.Context(Article('The pier, called "reckless" on signs, fell on Monday.',
                                     Genre("news report", "Rita Haas"), "Pier"))
    assert problem("The reckless pier fell on Monday.", quoted, "opinion").fix == ""  # a quote's word
    assert "opinion" not in kinds("Haas writes that the council's harbor plan is reckless.", report)
    # A judgement the report does not make, or a writer the page does not name, has no one to own it.
    assert problem("The council's vote was reckless.", checker.Context(Article(
        "The council voted 6 to 3 on Thursday to build the bridge.", Genre("news report", "Rita Haas"),
        "Vote")), "opinion").fix == ""
    for desk in ("Staff Reports", "Coast Herald Sport"):  # a desk's byline names no one
        assert problem("The harbor plan is reckless.", checker.Context(Article(
            "The council's harbor plan is reckless.", Genre("news report", desk), "Plan")),
            "opinion").fix == ""


def test_an_opinion_piece_view_must_be_told_as_its_writer_s():
    column = ("Why Port Alder needs its bridge\n\nThe harbor bridge is the best thing the council has "
              "done in years. The town has waited too long for it. Critics who call it a waste have "
              "not driven to the hospital at night. The council should build it now.")
    ctx = checker.Context(Article(column, Genre("opinion column", "Rita Haas"), "Why Port Alder needs its bridge"))
    found = problem("The town has waited too long for the bridge.", ctx, "opinion", part="summary")
    assert found.fix == "In an opinion column, Rita Haas argues that"
    assert problem("The town has waited too long.", ctx, "opinion").fix == "Haas argues that"
    assert "opinion" not in kinds("Rita Haas argues that the town has waited too long for it.", ctx)
    # In an argument, what someone thinks is the writer's reading of them; what they said is theirs.
    minds = checker.Context(Article(
        "The bridge\n\nThe mayor never expected the council to vote for the bridge. The mayor said "
        "the vote was a surprise to her.", Genre("opinion column", "Rita Haas"), "The bridge"))
    assert problem("The mayor never expected the council to vote for the bridge.", minds,
                   "opinion").fix == "Haas argues that"
    assert "opinion" not in kinds("The mayor said the vote was a surprise to her.", minds)
    assert "opinion" not in kinds("Rita Haas believes the mayor never expected the vote.", minds)
    # Words the column quotes from someone else are not its writer's; its own scare quotes are.
    quoting = checker.Context(Article(
        "The bridge\n\n“A faster road to the hospital for every family on the north shore,” Mayor "
        "Lena Ortiz said of the bridge. The toll is a “bargain” for no one. Mayor Lena Ortiz said on "
        "Monday that the toll would rise in June. The plan is “a gift to the ferry company and its owners.”",
        Genre("opinion column", "Rita Haas"), "The bridge"))
    given = problem("Haas argues that the bridge brings “a faster road to the hospital for every "
                    "family on the north shore.”", quoting, "attribution")
    assert "Mayor Lena Ortiz" in given.reason and given.text.startswith("“a faster road")
    assert given.fix == "Mayor Lena Ortiz said that"  # a key point is begun anew with its speaker
    # Quoted words whose speaker the next sentence names ("That's the view of …"), and a
    # speaker who shares the writer's first name.
    owned = checker.Context(Article(
        "The bridge\n\nThe bridge will be “a faster road to the hospital.” That’s the hopeful view of "
        "Rita Ortiz, the mayor. The toll is too high.", Genre("opinion column", "Rita Haas"), "The bridge"))
    assert "Rita Ortiz" in problem("Haas argues that the bridge will be “a faster road to the hospital.”",
                                   owned, "attribution").reason
    assert problem("The bridge will be “a faster road to the hospital.”", owned,
                   "attribution").fix == "Rita Ortiz said that"
    assert "attribution" not in kinds("Rita Ortiz said that the bridge will be “a faster road to the hospital.”", owned)
    assert "attribution" not in kinds("Haas argues that the toll is a “bargain” for no one.", quoting)
    unnamed = problem("Haas argues that the plan is “a gift to the ferry company and its owners.”",
                      quoting, "attribution")
    assert "someone else’s" in unnamed.reason
    assert "attribution" not in kinds("Haas argues that Mayor Lena Ortiz said the bridge brings “a "
                                      "faster road to the hospital for every family on the north shore.”", quoting)
    assert "opinion" not in kinds("Has the town waited too long for the bridge?", ctx)  # it tells nothing
    # A title needs no verb to judge; words without one elsewhere are a fragment, taken back.
    assert "opinion" in kinds("The Long Wait for the Harbor Bridge", ctx, part="title")
    assert kinds("How to wait for a harbor bridge", ctx) == ["fragment"]  # nor a headline's words
    assert "opinion" in kinds("The Town Has Waited Too Long", ctx, part="title")
    assert "opinion" in kinds("The Town Cannot Wait for the Bridge", ctx, part="title")  # a verb in title case
    # A title may word the argument anew, but not give the writer a verdict the column never uses.
    assert "bargain" in [p.text for p in checker.check("Haas argues that the town's bridge is a bargain", "title", ctx)]
    assert "unsupported" not in kinds("Haas argues that the town has waited too long for its bridge", ctx, part="title")
    assert "opinion" not in kinds("“Has the town waited too long for the bridge?”", ctx)
    # A fact an analysis gives, far from the judgement its sentence ends with, is no view of the writer's.
    analysis = checker.Context(Article(
        "The council voted on the bridge last spring after a long debate about the ferry pier, the "
        "shellfish beds and the toll for residents of the north shore, a shameful way to decide.",
        Genre("analysis", "Rita Haas"), "Bridge"))
    assert "opinion" not in kinds("The council voted on the bridge last spring.", analysis)
    assert "opinion" in kinds("The council decided the toll for residents of the north shore in a shameful way.", analysis)
    title = problem("Why Port Alder needs its bridge", ctx, "sensational", part="title")
    assert title.fix == "Haas argues"
    # Without a writer's name or a site, "the writer" writes it (not "Writer writes").
    blog = checker.Context(Article(column, Genre("blog post"), "Why Port Alder needs its bridge"))
    best = "The harbor bridge is the best thing the council has done in years."
    assert problem(best, blog, "opinion").fix == "The writer writes that"
    assert problem(best, blog, "opinion", part="summary").fix == \
        "In a blog post, the writer writes that"
    # Two writers argue; a desk or a site writes under its whole name ("Sport writes that").
    pair = checker.Context(Article(column, Genre("opinion column", "Rita Haas and Tom Li"), "Why"))
    assert problem(best, pair, "opinion").fix == "Haas and Li argue that"
    assert problem(best, pair, "opinion", part="summary").fix == \
        "In an opinion column, Rita Haas and Tom Li argue that"
    desk = checker.Context(Article(column, Genre("review", "Coast Herald Sport"), "Why Port Alder needs its bridge"))
    assert problem(best, desk, "opinion").fix == "Coast Herald Sport writes that"
    # A sentence of the summary in the writer's own voice is whose "we" is unsaid, not also an
    # opinion told as fact; a speaker's view with "our" before it is still the writer's reading.
    walk = checker.Context(Article("The bridge\n\nNext week we will look at the ferry. To our surprise, "
                                   "Ortiz never expected the vote.", Genre("opinion column", "Rita Haas"), "The bridge"))
    assert kinds("Next week we will look at the ferry.", walk) == ["dangling"]
    assert "opinion" in kinds("To our surprise, Ortiz never expected the vote.", walk)
    # A fact check begins with the claim it rates, which is not its writer's word.
    rated = checker.Context(Article(column, Genre("fact check", "Ferry Facts"), "Why Port Alder needs its bridge"))
    assert checker.frame(rated) == "In a fact check, Ferry Facts checks the claim that"
    # Its headline is the claim it checks, not its writer's word.
    assert problem("Why Port Alder needs its bridge", rated, "sensational",
                   part="title").fix.endswith(" checks the claim that")
    # Its verdict on what it checks is its writer's.
    assert problem("The claim appears to have been made up.", rated, "opinion").fix.endswith(" writes that")
    assert "opinion" not in kinds("Ferry Facts writes that the claim appears to have been made up.", rated)
    # Its own verdict is its writer's word.
    assert problem(best, rated, "opinion", part="summary").fix == "In a fact check, Ferry Facts writes that"


def test_a_reviews_verdict_is_its_writers_and_the_same_words_in_news_describe():
    text = ("Lumo X2 review\n\nThe Lumo X2 is a sturdy, capable phone with a screen of 6.1 inches. "
            "Its camera takes 48-megapixel photos. The battery lasted two days in our tests.")
    reviewed = checker.Context(Article(text, Genre("review", "Nora Vik"), "Lumo X2 review"))
    verdict = problem("The Lumo X2 is a sturdy, capable phone.", reviewed, "opinion")
    assert verdict.fix == "Vik writes that"
    assert "opinion" in kinds("A sturdy, capable phone", reviewed, part="title")
    assert "opinion" not in kinds("Vik writes that the Lumo X2 is a sturdy, capable phone.", reviewed)
    assert "opinion" not in kinds("The Lumo X2 has a screen of 6.1 inches.", reviewed)
    # In a news report the same words describe: "a powerful storm", "a solid majority".
    news = checker.Context(Article(
        "Storm reaches coast\n\nA powerful storm reached the coast on Monday. The council, which "
        "holds a solid majority, met on Tuesday. A solid-state radar tracked it.",
        Genre("news report", "Tomas Holm"), "Storm reaches coast"))
    assert "powerful" not in lexicon.avoidable_words()  # the model may write it: the check tells whose it is
    for sentence in ("A powerful storm reached the coast on Monday.",
                     "The council holds a solid majority.", "A solid-state radar tracked the storm."):
        assert "opinion" not in kinds(sentence, news), sentence


def test_the_review_counts_every_kind_and_links_key_points_to_evidence(ctx):
    result = review("Port Alder approves harbor bridge",
                    "The council voted 6 to 3 to build a bridge. The bridge will open in 2029.",
                    ["Mayor Lena Ortiz said the bridge would cut the drive by 25 minutes.",
                     "Guatemala will close its airport for the winter."], ctx)
    counts = result.counts()
    assert counts["possibilities_as_fact"] == 1
    assert counts["unsupported_names"] == 1 and counts["unsupported_claims"] == 1
    assert counts["key_points_with_evidence"] == 1 and counts["key_points_without_evidence"] == 1
    assert not result.clean
    (a, b), = result.evidence[0].spans
    assert ARTICLE[a:b].startswith("Mayor Lena Ortiz said")
    # A key point that tells again a sentence of the summary, which the note shows above it,
    # is flagged once, as the later telling; and it may name "the bridge" the summary named.
    told_twice = review("Port Alder approves harbor bridge",
                        "The council voted 6 to 3 to build a bridge. Mayor Lena Ortiz said the bridge would cut "
                        "the drive by 25 minutes.", ["Mayor Lena Ortiz said the bridge would cut the drive by 25 minutes."],
                        ctx)
    repeats = [f for f in told_twice.flags if f.kind == "repeat"]
    assert len(repeats) == 1 and repeats[0].part == "point" and repeats[0].text.startswith("Mayor Lena Ortiz")
    named_above = review("Port Alder approves harbor bridge", "The town council of Port Alder voted 6 to 3 "
                         "to build a bridge across the harbor.", ["The council did not set a date for a public hearing."], ctx)
    assert not [f for f in named_above.flags if f.kind == "dangling" and f.part == "point"]


def test_the_writer_made_the_doer_of_what_the_article_tells_no_one_doing_is_flagged():
    guide = checker.Context(replace(Article.build(
        "5 Ways to Enjoy the Harbor Fair\n\nVisit the ferry museum on Saturday morning. Order the smoked fish at "
        "the north pier. My son learned to sail at the fair last year. I tested the new rental kayaks "
        "in June. The kayaks cost 12 dollars an hour."), genre=Genre("blog post", "Rita Haas")))
    for invented in ("Haas will visit the ferry museum on Saturday morning.",  # the reader is told to
                     "Haas will order the smoked fish at the north pier.",  # "order" may report, not here
                     "Haas learned to sail at the fair last year."):  # her son did
        assert problem(invented, guide, "unsupported").reason.startswith("The article does not say that Rita Haas"), invented
    for right in ("Haas tested the new rental kayaks in June.",  # "I tested"
                  "Haas recommends visiting the ferry museum on Saturday morning.",
                  "Haas writes that the kayaks cost 12 dollars an hour.",
                  "Haas lists the smoked fish at the north pier."):  # what she writes
        assert "unsupported" not in kinds(right, guide), right
    # Nor is the name the article gives once told twice, as the doer of its own deed.
    doubled = "Tomas Berg will judge the kayak race with sailor Tomas Berg in June."
    sailing = checker.Context(Article.build("Kayak race\n\nJudge the kayak race with sailor Tomas Berg in June. "
                                            "Tomas Berg won it in 2019, and Tomas Berg says it is the best race."))
    assert problem(doubled, sailing, "unsupported").reason.startswith("The sentence names Tomas Berg twice")
    assert "unsupported" not in kinds("Tomas Berg won the race in 2019, and Tomas Berg says it is the best race.", sailing)
    # In a news report the writer is no doer to check.
    report = checker.Context(replace(Article.build(
        "Harbor fair opens\n\nVisitors can sail at the fair on Saturday. Tickets cost 5 dollars."),
        genre=Genre("news report", "Rita Haas")))
    assert "unsupported" not in kinds("Visitors can sail at the fair on Saturday.", report)


def test_advice_to_the_reader_told_as_what_someone_does_is_flagged_and_mended_as_advice():
    listing = checker.Context(Article.build(
        "Five things to do in the valley this spring\n\nThe valley has a busy spring. VISIT the orchard "
        "festival in Millbrook, April 4-6, with cider tastings. Spend an afternoon at the lake, where the "
        "rowing club races on Sundays. The rowing club spent 2 million dollars on a boathouse. Book a "
        "table early: the inns fill up by March. Last year 5,000 people booked rooms in the valley. "
        "GET OUT screens Friday at the Rialto cinema."))
    for invented, verb in (("Visitors will visit the orchard festival in Millbrook, April 4-6.", "visit"),
                           ("Families spent an afternoon at the lake.", "spend"),
                           ("The rowing club races on Sundays, and guests will spend an afternoon at the lake.", "spend")):
        found = problem(invented, listing, "modality")
        assert f"advice (“{verb} …”)" in found.reason and found.fix == f"Readers are advised to {verb}", invented
    for right in ("Readers can visit the orchard festival in Millbrook, April 4-6.",
                  "The guide recommends spending an afternoon at the lake.",
                  "Visit the orchard festival in Millbrook, April 4-6.",  # advice told as advice
                  "A visit to the orchard festival in Millbrook includes cider tastings.",
                  "Weekend visits to the orchard festival in Millbrook include cider tastings.",
                  "Highlights include visiting the orchard festival in Millbrook.",
                  "The rowing club spent 2 million dollars on a boathouse.",  # the article tells it done
                  "Last year 5,000 people booked rooms in the valley.",
                  "The Rialto cinema screens Get Out on Friday."):  # a title in capitals, no advice
        assert "modality" not in kinds(right, listing), right
    # An opinion piece's or a guide's writer gives the advice: the mend says so.
    guide = checker.Context(replace(Article.build(
        "Three walks for the weekend\n\nMy favourite walk starts at the old mill. Take the ridge path to the "
        "lighthouse and back, about 6 kilometres."), genre=Genre("blog post", "Rita Haas")))
    mended = problem("Hikers take the ridge path to the lighthouse and back.", guide, "modality")
    assert mended.fix == "Rita Haas advises readers to take"


def test_what_the_article_tells_of_the_thing_its_sentence_before_names_told_of_another_is_flagged():
    fairs = checker.Context(Article.build(
        "Autumn fairs\n\nThe Millbrook Apple Fair opens on October 3 in Millbrook. The Harbor Kite Festival "
        "runs October 10-12 on the north beach. The free festival celebrates its 25th year with a night "
        "parade. Tickets for the apple fair cost 8 dollars."))
    swapped = "The Millbrook Apple Fair, which opens on October 3, is a free festival that celebrates its 25th year."
    found = problem(swapped, fairs, "unsupported", part="summary", before=("Two fairs open in October.",))
    assert "“The free festival” points back to “The Harbor Kite Festival”" in found.reason
    for right in ("The Harbor Kite Festival, which runs October 10-12, celebrates its 25th year with a night parade.",
                  "The Millbrook Apple Fair opens on October 3, and tickets for the apple fair cost 8 dollars."):
        assert "unsupported" not in kinds(right, fairs, part="summary", before=("Two fairs open in October.",)), right
