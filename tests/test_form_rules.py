"""The writer's rules that need no model: sentence ends, loops, what a problem calls for,
slice sizes."""

import re

import pytest

from desktop.core.checks.sentence import Problem
from desktop.core.model.session import slice_tokens
from desktop.core.language import text
from desktop.core.writing import prompts
from desktop.core.writing.form import LOOP_CHARS, SENTENCE_END, _loops, _verdict


@pytest.mark.parametrize("text, ends", [
    ("He left.", True), ('She said "yes."', True), ("Why?", True), ("(see above).", True),
    ("the U.S.", False), ("Mr.", False), ("Dr.", False), ("Sen.", False), ("Sens.", False), ("Gov.", False),
    ("cost 3", False), ("", False),
])
def test_sentence_end(text, ends):
    assert bool(SENTENCE_END.search(text)) is ends


def test_a_model_going_round_in_circles_is_noticed():
    once = "The council voted to build a bridge across the harbor on Thursday."
    assert not _loops("Summary: " + once, 0)
    assert _loops("Summary: " + once + " " + once[:LOOP_CHARS + 5], 0)


def _problem(kind, fix="", text="x"):
    return Problem(kind, 0, 1, text, "reason", fix)


def test_each_problem_calls_for_its_repair():
    assert _verdict([], 0)[0] == "keep"
    assert _verdict([_problem("loaded")], 0)[0] == "keep"  # kept out while writing, else flagged
    assert _verdict([_problem("attribution", "Mayor Ruiz said")], 0) == ("mend", "Mayor Ruiz said")
    # An opening that takes the whole sentence: the sentence's own words follow it, no model.
    spliced = Problem("attribution", 0, 1, "x", "reason", "Ruiz said that", mended="Ruiz said that the toll rose.")
    assert _verdict([spliced], 0) == ("splice", "Ruiz said that the toll rose.")
    # A possibility told as a fact in those words too: the model writes the sentence on.
    assert _verdict([spliced, _problem("modality", "The toll could")], 0) == ("mend", "Ruiz said that")
    assert _verdict([_problem("unsupported")], 0)[0] == "drop"
    assert _verdict([_problem("opinion", text="reckless")], 0)[0] == "drop"  # no one owns it
    assert _verdict([_problem("dangling", text="He")], 0) == ("again", "")
    # Begun otherwise, the model would not name "the deal" either: it stays, flagged.
    assert _verdict([_problem("dangling", text="The deal")], 0) == ("keep", "")
    assert _verdict([_problem("sensational", text="BRIDGE")], 0) == ("again", "")
    # Mended once and still attributed to no one: it goes; a dangling word stays flagged.
    assert _verdict([_problem("attribution", "Mayor Ruiz said")], 2)[0] == "drop"
    assert _verdict([_problem("dangling", text="He")], 2)[0] == "keep"


def test_slices_depend_on_the_model_only():
    assert slice_tokens(1_500_000_000) == 256
    assert slice_tokens(135_000_000) == 512  # capped at the batch size
    assert slice_tokens(70_000_000_000) == 32


class _SameSentence:
    """A session whose model writes one sentence whatever it is asked: what a small model does
    when the word it should begin otherwise starts with a one-letter token."""

    def __init__(self, sentence: str):
        self.text, self.sentence, self.written = "", sentence, 0
        self._piece = None

    def propose(self, avoid_start=frozenset()):
        line = self.text[self.text.rfind("\n") + 1:]
        if line.startswith("Title:") and line.strip() != "Title:" or self._value_done(line):
            return "\n"
        self._piece = " " + self.sentence
        return self._piece

    def _value_done(self, line):
        return line.rstrip().endswith(".") and line.strip() not in ("-",)

    def take(self):
        self.text += self._piece
        self.written += 1

    def feed(self, text):
        self.text += text

    def cut(self, length):
        self.text = self.text[:length]

    def logprob(self, start, end=None):
        return None


def test_a_sentence_taken_back_is_not_asked_for_again_and_again():
    from desktop.core.checks.sentence import Problem
    from desktop.core.writing.form import Writer

    session = _SameSentence("The council met.")
    judged = []

    def judge(text, part, before, title, logprob, points=()):
        judged.append((part, text))
        if part == "title":
            return []
        return [Problem("unsupported", 0, len(text), text, "No sentence of the article says this.")]

    summary = Writer(session, judge, lambda *a: None).run()
    assert summary.key_points == []
    # Each kind of sentence is judged once: the same words written again are not judged again.
    assert judged.count(("point", "The council met.")) == 1
    assert judged.count(("summary", "The council met.")) == 1
    # Each key point is written at most twice (begun otherwise once, even without "The"),
    # until three in a row are taken back; the title once, the summary twice.
    assert session.written <= 1 + 3 * 2 + 2


def test_a_lost_attribution_is_mended_with_the_words_the_model_wrote():
    from desktop.core.checks.sentence import Problem
    from desktop.core.writing.form import Writer

    session = _SameSentence("The toll rose.")
    mended = "Ruiz said that the toll rose."

    def judge(text, part, before, title, logprob, points=()):
        if part == "title" or text == mended:
            return []
        return [Problem("attribution", 0, len(text), text, "Ruiz said it.", "Ruiz said that", mended=mended)]

    summary = Writer(session, judge, lambda *a: None).run()
    # The mended words are in the answer the model goes on from, and in the note.
    assert summary.key_points[0] == mended and mended in session.text
    assert summary.sentences[0] == mended


class _Sentences(_SameSentence):
    """A session whose model writes the next of its sentences each time a value begins."""

    def __init__(self, sentences: list[str]):
        super().__init__(sentences[0])
        self.rest = sentences[1:]

    def propose(self, avoid_start=frozenset()):
        line = self.text[self.text.rfind("\n") + 1:]
        if line.strip() in ("-", "Title:", "Summary:") and self.rest:
            self.sentence = self.rest.pop(0)
        return super().propose(avoid_start)


class _Summarizes(_Sentences):
    """A session whose model writes its summary's sentences one after another."""

    def __init__(self, sentences: list[str], summary: list[str]):
        super().__init__(sentences)
        self.summary = list(summary)

    def propose(self, avoid_start=frozenset()):
        line = self.text[self.text.rfind("\n") + 1:]
        if line.startswith("Summary:") and self.summary and (line.strip() == "Summary:" or self._value_done(line)):
            self._piece = " " + self.summary[0]  # (a look ahead that is not taken writes nothing)
            return self._piece
        return super().propose(avoid_start)

    def take(self):
        if self.summary and self._piece == " " + self.summary[0]:
            self.summary.pop(0)
        super().take()


def test_the_summary_ends_before_a_sentence_that_tells_a_key_point_again():
    from desktop.core.writing.form import Writer

    points = ["The council voted 6 to 3.", "The mayor praised the vote.", "The bridge opens in 2029."]
    session = _Summarizes(["Council backs bridge.", *points, "Done."],
                          ["The council backed a bridge that opens in 2029.", "The mayor praised the vote.",
                           "Fishermen oppose it."])

    def judge(text, part, before, title, logprob, points=()):  # the checker's rule, on the points it is given
        return [Problem("repeat", 0, len(text), text, "Says again a key point.")] \
            if part == "summary" and before and text in points else []

    summary = Writer(session, judge, lambda *a: None).run()
    assert summary.key_points == points
    assert summary.sentences == ["The council backed a bridge that opens in 2029."]


class _GoesOn(_Summarizes):
    """A session whose model begins another key point while it has one to write."""

    def propose(self, avoid_start=frozenset()):
        if self.text.endswith("\n") and len(self.rest) > 1:
            return "-"
        return super().propose(avoid_start)


@pytest.mark.parametrize("summary_sound", [True, False])
def test_a_key_point_the_summary_tells_again_goes_while_another_stays(summary_sound):
    from desktop.core.writing.form import Writer

    points = ["The council voted 6 to 3 for a bridge.", "The mayor praised the vote.",
              "The bridge opens in 2029.", "Fishermen oppose the bridge."]
    told = "The council voted 6 to 3 for a bridge on Thursday."

    def judge(text, part, before, title, logprob, points=()):  # the checker's rules, in short
        if part == "point" and any(text.rstrip(".") in b for b in before):
            return [Problem("repeat", 0, len(text), text, "Says again what the summary says.")]
        if part == "summary" and not summary_sound:
            return [Problem("unsupported", 0, len(text), text, "No sentence of the article says this.")]
        return []

    writer = Writer(_GoesOn(["Council backs bridge.", *points, "Done."], [told]), judge, lambda *a: None)
    summary = writer.run()
    assert summary.sentences == [told]
    if summary_sound:  # the reader has it just above; the other points stay
        assert summary.key_points == points[1:]
        assert {"part": "point", "text": points[0], "verdict": "drop", "problems": ["repeat"],
                "logprob": None} in writer.trace
    else:  # a summary kept with what the article does not say: the point is the sound one
        assert summary.key_points == points
    # Below the form's number too (a short article has no more facts), but never none: where
    # the summary tells every point, the last stays.
    few = Writer(_GoesOn(["Council backs bridge.", *points[:3], "Done."], [told]), judge, lambda *a: None).run()
    assert few.key_points == (points[1:3] if summary_sound else points[:3])
    assert not any("key point" in note for note in few.notes)
    # A point that gives a number the summary does not stays: it is more than a repeat.
    def told_above(text, part, before, *rest):  # each point is told by the summary
        return [Problem("repeat", 0, len(text), text, "Says again what the summary says.")] \
            if part == "point" and before == ("The council voted.",) else []
    counted = Writer(_GoesOn(["Council backs bridge.", "The council voted 8 to 1.", "The council voted.",
                              points[1], "The council voted."], ["The council voted."]), told_above,
                     lambda *a: None).run()
    assert counted.sentences == ["The council voted."]
    assert counted.key_points == ["The council voted 8 to 1."]
    all_told = ["The council voted.", "6 to 3 for a bridge.", "A bridge on Thursday."]
    one = Writer(_GoesOn(["Council backs bridge.", *all_told, "Done."], [told]), judge, lambda *a: None).run()
    assert one.key_points == (all_told[-1:] if summary_sound else all_told)


class _Titles(_SameSentence):
    """A session whose model writes the next of its titles each time the title begins, then
    one sentence for every other value."""

    def __init__(self, titles: list[str], sentence: str):
        super().__init__(sentence)
        self.titles = titles

    def propose(self, avoid_start=frozenset()):
        if "\n" not in self.text:  # the title's line
            if self.text.strip():
                return "\n"
            self._piece = " " + self.titles.pop(0)
            return self._piece
        return super().propose(avoid_start)


def test_a_title_tried_again_keeps_the_try_with_fewest_problems():
    from desktop.core.writing.form import Writer

    session = _Titles(["'We Won!': Council Backs Bridge", "'Won!': Council Backs Bridge",
                       "'We Won!': Council Backs Bridge"], "The council voted.")

    def judge(text, part, before, title, logprob, points=()):
        if part != "title":
            return []
        found = [Problem("sensational", text.index("!"), text.index("!") + 1, "!", "An exclamation.")]
        if "We" in text:
            found.append(Problem("dangling", 1, 3, "We", "Whose?"))
        return found

    summary = Writer(session, judge, lambda *a: None).run()
    assert summary.title == "'Won!': Council Backs Bridge"
    assert session.text.startswith(" 'Won!': Council Backs Bridge\n")  # what the model goes on from

    # One word the article lacks is worse than two flagged ones.
    session = _Titles(["'We Won!': Council Backs Bridge", "Council backs a scam", "'We Won!': Council Backs Bridge"],
                      "The council voted.")

    def judge_words(text, part, before, title, logprob, points=()):
        if "scam" in text:
            return [Problem("unsupported", 0, len(text), text, "“scam” is no word of the article.")]
        return judge(text, part, before, title, logprob)

    assert Writer(session, judge_words, lambda *a: None).run().title == "'We Won!': Council Backs Bridge"


def test_a_headline_every_try_copies_is_kept_told_as_its_writer_s():
    from desktop.core.writing.form import Writer

    session = _Titles(["The Reckless Bridge Plan", "Haas argues the bridge is a scam", "The Reckless Bridge Plan"],
                      "The council voted.")

    def judge(text, part, before, title, logprob, points=()):
        if part != "title" or text.startswith("Haas argues the Reckless"):
            return []
        if "scam" in text:
            return [Problem("unsupported", 0, len(text), text, "“scam” is no word of the article.")]
        return [Problem("opinion", 4, 12, "Reckless", "Whose judgement?", "Haas argues")]

    assert Writer(session, judge, lambda *a: None).run().title == "Haas argues the Reckless Bridge Plan"

    # A headline that already says who says it takes no second speaker before it.
    said = ["Judge rules the bridge must close", "Judge says bridge must close", "Judge rules the bridge must close"]

    def judge_said(text, part, before, title, logprob, points=()):
        if part != "title" or text.startswith("Mayor Ana Ruiz said Judge"):
            return []  # (as a check may pass it)
        return [Problem("attribution", 0, len(text), text, "The mayor said so.", "Mayor Ana Ruiz said")]

    title = Writer(_Titles(said, "The council voted."), judge_said, lambda *a: None).run().title
    assert title in said


def test_a_title_taken_back_is_not_begun_again_with_its_first_word_or_quote_mark():
    from desktop.core.writing.form import Writer

    class Asked(_Titles):
        def __init__(self, *args):
            super().__init__(*args)
            self.avoided = []

        def propose(self, avoid_start=frozenset()):
            if "\n" not in self.text and not self.text.strip():
                self.avoided.append(set(avoid_start))
            return super().propose(avoid_start)

    session = Asked(["'We Won!': Council Backs Bridge", "'Won!': Council Backs Bridge",
                     "Council backs the bridge"], "The council voted.")

    def judge(text, part, before, title, logprob, points=()):
        return [Problem("sensational", 0, 1, "!", "An exclamation.")] if "!" in text else []

    assert Writer(session, judge, lambda *a: None).run().title == "Council backs the bridge"
    assert session.avoided == [set(), {"we", "'"}, {"we", "won", "'"}]


def test_a_sentence_tried_again_is_begun_with_none_of_the_words_tried_before():
    from desktop.core.writing.form import Writer

    class Asked(_Sentences):
        avoided = []

        def propose(self, avoid_start=frozenset()):
            if self.text[self.text.rfind("\n") + 1:].strip() == "Summary:":
                self.avoided.append(set(avoid_start))
            return super().propose(avoid_start)

    session = Asked(["Council backs bridge.", "The council voted.", "The mayor spoke.", "The plan passed.",
                     "Harbor Bridge Wins Vote.", "Council Backs Harbor Bridge.", "Harbor Bridge Wins Vote."])

    def judge(text, part, before, title, logprob, points=()):
        return [Problem("fragment", 0, len(text), text, "A headline.")] if text.istitle() else []

    Writer(session, judge, lambda *a: None).run()
    assert session.avoided == [set(), {"harbor"}, {"harbor", "council"}]


def test_key_points_are_asked_for_until_three_in_a_row_are_taken_back():
    from desktop.core.writing.form import TRIES, Writer

    # Two points all of whose drafts are taken back (the model gave up after two), then good ones.
    drafts = [f"Invented thing {n}." for n in range(2 * TRIES)]
    session = _Sentences(["Council votes.", *drafts, "The council voted.", "The mayor spoke.",
                          "The plan passed.", "Done."])

    def judge(text, part, before, title, logprob, points=()):
        if text.startswith("Invented"):
            return [Problem("unsupported", 0, len(text), text, "No sentence of the article says this.")]
        return []

    summary = Writer(session, judge, lambda *a: None).run()
    assert summary.key_points[:3] == ["The council voted.", "The mayor spoke.", "The plan passed."]


class _TheFirst(_SameSentence):
    """A session whose model begins every key point with the same sentence, and only when its
    first word is refused writes the next of its other sentences."""

    def __init__(self, first: str, others: list[str]):
        super().__init__(first)
        self.first, self.others = first, list(others)

    def propose(self, avoid_start=frozenset()):
        line = self.text[self.text.rfind("\n") + 1:]
        if line.strip() == "-":  # a key point begins
            refused = self.first.split()[0].lower() in avoid_start
            self.sentence = self.others.pop(0) if refused and self.others else self.first
        return super().propose(avoid_start)


def test_a_point_written_again_as_it_was_taken_back_is_begun_with_another_word():
    from desktop.core.writing.form import Writer

    refused = "The public fears an outbreak."
    session = _TheFirst(refused, ["Officials reported three cases.", "Officials closed the village.",
                                  "A hospital treats the patients."])

    def judge(text, part, before, title, logprob, points=()):
        if part == "point" and text == refused:
            return [Problem("unsupported", 0, len(text), text, "No sentence of the article says this.")]
        return []

    points = Writer(session, judge, lambda *a: None).run().key_points
    assert refused not in points
    assert points[:3] == ["Officials reported three cases.", "Officials closed the village.",
                          "A hospital treats the patients."]


def test_each_length_asks_for_its_own_number_of_points_and_sentences():
    from desktop.core.writing.form import answer_tokens

    asked = {name: prompts.summary_prompt("An article.", length=length).task
             for name, length in prompts.LENGTHS.items()}
    assert "three key points" in asked["short"] and "one short sentence" in asked["short"]
    assert "three to seven key points" in asked["standard"]
    assert "five to ten key points" in asked["detailed"] and "three to five sentences" in asked["detailed"]
    # The rules and the example before the article are the same: what was read ahead serves any length.
    assert len({prompts.summary_prompt("An article.", length=l).system for l in prompts.LENGTHS.values()}) == 1
    assert answer_tokens(prompts.LENGTHS["short"]) < answer_tokens(prompts.STANDARD) < \
        answer_tokens(prompts.LENGTHS["detailed"])


def test_the_worked_example_s_words_are_kept_out_unless_the_article_uses_them():
    words = prompts.example_words("The council met on Monday to discuss the harbor.")
    assert {"parking", "ruiz", "streets"} <= words  # a summary writing them copies the example
    assert "council" not in words  # the article's own word stays free
    assert "march" not in prompts.example_words("Residents marched to the pier.")  # in any form
    assert not {"said", "title", "summary"} & words  # reporting verbs and the form's labels too


def test_every_sentence_and_key_point_of_a_note_ends_as_a_sentence_does():
    from desktop.core.pipeline import _finish
    from desktop.core.writing.form import Summary

    article = ("Viera beats Rockledge\n\nSPRINGFIELD, Ill. (AP) — Viera beat Rockledge 70-44 on Friday.\n"
               "Quincy, MA – The league met on Monday. NATO — Russia talks resumed. Former coach Ana Ruiz "
               "said the former champions had lost to Viera before.")
    finished = _finish(Summary("Viera beats Rockledge", [
        "SPRINGFIELD, Ill. (AP) — Viera beat Rockledge 70-44 on Friday",
        'The coach called it "a good night. "',
    ], [
        "Viera beat Rockledge 70-44 in girls' basketball",
        'Ana Ruiz said: "We played as a team.',
        "Fans asked “what comes next",
        "Quincy, MA – The league met on Monday.",
        "Lena Ortiz, Coach – The league met on Monday.",  # no dateline the article has: a speaker
        "NATO — Russia talks resumed on Monday.",
        "Did the league act?",  # an end mark is kept as it is
        "Ticket sales rose 5% (Reuters)",
        "The coach said:",
        '“We are ready," the coach said',
        "The 6'2\" guard scored 20 points",
        "比赛在周五举行",
        "ผลการแข่งขันวันนี้",  # Thai ends sentences without a mark
        "Tickets for the final are on sale now!",
        'The coach shouted "Go!"',
        'The league says that " the final is sold out',  # a stray mark, not a quote to close
        "Ana Ruiz said that Former champions lost to Viera.",  # the article writes it small
        "Ana Ruiz said that Viera won.",  # a name
        "A 8-year-old fan saw a 11% rise, a 18,000-seat arena and a 110-year-old pier.",
    ]), english=True, article=article)
    assert finished.title == "Viera beats Rockledge"  # a title has no full stop
    assert finished.sentences == ["Viera beat Rockledge 70-44 on Friday.", 'The coach called it "a good night."']
    assert finished.key_points == [
        "Viera beat Rockledge 70-44 in girls' basketball.",
        'Ana Ruiz said: "We played as a team."',
        "Fans asked “what comes next.”",
        "The league met on Monday.",
        "Lena Ortiz, Coach – The league met on Monday.",
        "NATO — Russia talks resumed on Monday.",
        "Did the league act?",
        "Ticket sales rose 5% (Reuters).",
        "The coach said.",
        '“We are ready," the coach said.',
        "The 6'2\" guard scored 20 points.",
        "比赛在周五举行。",
        "ผลการแข่งขันวันนี้",
        "Tickets for the final are on sale now.",  # an exclamation is the page's tone
        'The coach shouted "Go!"',
        'The league says that " the final is sold out.',
        "Ana Ruiz said that former champions lost to Viera.",
        "Ana Ruiz said that Viera won.",
        "An 8-year-old fan saw an 11% rise, an 18,000-seat arena and a 110-year-old pier.",
    ]


def test_a_label_the_page_puts_before_its_headlines_goes_from_the_key_points():
    from desktop.core.pipeline import _finish
    from desktop.core.writing.form import Summary

    article = ("Ferry deals\n\nFerry Deals: Ten rides for $20. Ferry Deals: A year pass for $300. "
               "Mayor Ana Ruiz said: the pier opens in May.")
    finished = _finish(Summary("Ferry deals", ["Ferry passes are cheaper this week."], [
        "Ferry Deals: Ten rides for $20.", "Ferry Deals: A year pass for $300.",
        "Mayor Ana Ruiz said: the pier opens in May."]), english=True, article=article)
    assert finished.key_points == ["Ten rides for $20.", "A year pass for $300.",
                                   "Mayor Ana Ruiz said: the pier opens in May."]
    # A speaker's words stay theirs; a label the article does not give its lines stays.
    said = ["Ruiz said: the pier opens in May.", "Ruiz said: fares rise in June.", "Pros: fast.", "Pros: light."]
    assert _finish(Summary("Ferry", ["Fares rise."], said), english=True,
                   article="Ruiz said: the pier opens in May. Ruiz said: fares rise in June. Pros: fast.").key_points == said


def test_a_summary_begun_as_a_list_item_loses_its_bullet():
    from desktop.core.pipeline import _finish
    from desktop.core.writing.form import Summary

    finished = _finish(Summary("- Ferry fares rise", ["- Ferry fares rise in June.", "* The pier opens in May."],
                               ["- Ten rides cost $20.", "– The pier opens."]), english=True, article="Ferry fares rise in June.")
    assert finished.title == "Ferry fares rise"
    assert finished.sentences == ["Ferry fares rise in June.", "The pier opens in May."]
    assert finished.key_points == ["Ten rides cost $20.", "The pier opens."]
    kept = ["Fares rise - by 8 percent.", "-5 degrees froze the pier.", "*Ferry* fares rise."]
    assert _finish(Summary("Fares", kept, []), english=True, article="").sentences == kept  # no list mark


def test_a_parts_key_points_stand_in_where_the_joined_answer_has_too_few():
    from desktop.core.checks import sentence as checker
    from desktop.core.input.article import Article
    from desktop.core.writing.form import Summary, spare_points, too_few

    ctx = checker.Context(Article.build(
        "Harbor bridge\n\nThe town council of Port Alder voted 6 to 3 on Thursday to build a bridge. "
        "The bridge will cost 92 million dollars, according to the finance office. Residents of "
        "the north shore will pay a toll of 2 dollars. The ferry pier closes in May."))

    def judge(sentence, part, before, title, logprob, points=()):
        return checker.check(sentence, part, ctx, before, title, logprob=logprob)

    draft = Summary(title="Port Alder council votes to build a bridge")
    spare = ("The town council of Port Alder voted to build a bridge.",  # the title again
             "Likewise for the toll.",  # no whole sentence
             "Residents of the north shore will pay a toll of 2 dollars.",
             "The ferry pier closes in May.", "The council met again.")
    assert spare_points(draft, spare, judge, least=2) == [
        "Residents of the north shore will pay a toll of 2 dollars.", "The ferry pier closes in May."]
    # A part's point the answer already has is a repeat; enough points, and none is asked.
    one = Summary(title=draft.title, key_points=["Residents of the north shore will pay a toll of 2 dollars."])
    assert spare_points(one, spare, judge, least=2) == ["The ferry pier closes in May."]
    assert spare_points(Summary(title=draft.title, key_points=list(spare[2:4])), spare, judge, 2) == []
    assert too_few(0) == "The model found no key point that the article supports."
    assert too_few(1) == "The model found only one key point that the article supports."


class _WordByWord(_SameSentence):
    """A session whose model writes each value one word at a time: the title, then a summary
    that lists on and on without an end, then the same key point."""

    def __init__(self, title: str, listing: list[str], point: str):
        super().__init__(point)
        self.values = {"Title:": title.split(), "Summary:": listing}
        self.words: list[str] = []

    def propose(self, avoid_start=frozenset()):
        line = self.text[self.text.rfind("\n") + 1:]
        label = line.strip()
        if label in self.values or label == "-":
            self.words = list(self.values.pop(label, self.sentence.split() if label == "-" else []))
        self._piece = " " + self.words[0] if self.words else "\n"
        return self._piece

    def take(self):
        super().take()
        if self._piece != "\n":
            self.words.pop(0)  # a word proposed and not taken is proposed again


def test_a_sentence_cut_short_by_its_budget_keeps_its_whole_clauses():
    from desktop.core.writing.form import SENTENCE_TOKENS, Writer

    # Items of four words, so that the budget runs out inside one ("…, Item23 now.").
    listing = [w for n in range(1, SENTENCE_TOKENS) for w in f"Item{n} now costs ${n},".split()]
    session = _WordByWord("Prices fall.", listing, "Prices fell on Monday.")
    summary = Writer(session, lambda *a: [], lambda *a: None).run()
    first = summary.sentences[0]
    assert first.startswith("Item1 now costs $1, Item2")
    assert re.search(r", Item\d+ now costs \$\d+$", first), first  # whole to its last item (the note ends it)
    assert first in session.text  # the answer the model goes on from says the same


def test_a_sentence_that_goes_round_in_circles_keeps_its_whole_clauses_before_it():
    from desktop.core.writing.form import Writer

    told = "The council voted on Thursday to build a new bridge across the harbor"
    circling = f"{told}, and the mayor said the town {told[12:]} {told[12:]}".split()
    session = _Likely("Bridge approved.", circling, "The bridge will open in 2029.")
    judged = {}

    def judge(text, part, before, title, logprob, points=()):
        judged.setdefault(text, logprob)  # as written (the key points' repeats are looked for after)
        return []
    summary = Writer(session, judge, lambda *a: None).run()
    assert summary.sentences[0] == told  # not "…, and the mayor said the town voted on Thursday to …"
    assert told in session.text and "the town" not in session.text
    assert judged[told] == -0.5  # judged as likely as the model found the words it wrote


def test_what_a_loop_leaves_ends_with_a_whole_clause():
    from desktop.core.writing.form import _before_loop

    again = " and the bridge across the harbor will open in the spring of 2029"
    said = "Summary: The council of Port Alder, which voted 6 to 3 on Thursday, said the plan is final, and the mayor"
    assert _before_loop(said + again + again, 0, len("Summary:")) == \
        "The council of Port Alder, which voted 6 to 3 on Thursday, said the plan is final"
    which = "Summary: The town council of Port Alder, which voted 6 to 3 on Thursday, and the mayor"
    assert _before_loop(which + again + again, 0, len("Summary:")) == "The town council of Port Alder"
    assert _before_loop("Summary: The council, and the mayor" + again + again, 0, len("Summary:")) == ""


class _Likely(_WordByWord):
    """The same, with a log-probability for the pieces the model wrote (none for words fed)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.ends: list[int] = []

    def take(self):
        super().take()
        self.ends.append(len(self.text))

    def cut(self, length):
        super().cut(length)
        self.ends = [e for e in self.ends if e <= length]

    def logprob(self, start, end=None):
        return -0.5 if any(start < e and (end is None or e <= end) for e in self.ends) else None


def test_a_sentence_goes_on_past_an_abbreviation_before_a_small_letter():
    from desktop.core.writing.form import Writer

    said = "Fares rise for some riders, e.g. students and seniors, in May."
    session = _WordByWord("Fares rise.", said.split() + ["Ruiz", "voted", "no."], "Fares rose on Monday.")
    summary = Writer(session, lambda *a: [], lambda *a: None).run()
    assert summary.sentences[:2] == [said, "Ruiz voted no."]


def test_a_sentence_goes_on_past_a_name_the_article_writes_with_a_full_stop():
    from desktop.core.writing.form import Writer

    said = "The Lumo ZX. Prime is a concept car."
    words = said.split() + ["Ruiz", "drove", "it."]
    alone = Writer(_WordByWord("A car.", words, "It came out."), lambda *a: [], lambda *a: None).run()
    assert alone.sentences[0] == "The Lumo ZX."  # to a writer that knows no such name, a stop
    known = text.dotted_names("The ZX. Prime came out. Ruiz drove the ZX. Prime on Monday.")
    assert text.joined_at("The Lumo ZX.", " Pr", known)  # the model may write the word in pieces
    summary = Writer(_WordByWord("A car.", words, "It came out."), lambda *a: [], lambda *a: None,
                     dotted=known).run()
    assert summary.sentences[:2] == [said, "Ruiz drove it."]


class _OneFact(_SameSentence):
    """A session whose model tells one fact as every key point, and finishes a point the
    writer begins with " on Monday.": a small model stuck on its title's fact."""

    def propose(self, avoid_start=frozenset()):
        line = self.text[self.text.rfind("\n") + 1:]
        if line.startswith("- ") and not line.rstrip().endswith("."):
            self._piece = " on Monday."
            return self._piece
        return super().propose(avoid_start)


def test_a_model_telling_one_fact_again_is_begun_on_the_articles_other_facts():
    from desktop.core.writing.form import Writer

    def judge(text, part, before, title, logprob, points=()):
        repeat = part == "point" and text.startswith("The council votes")
        return [Problem("repeat", 0, len(text), text, "The title says this.")] if repeat else []

    openings = ["Ruiz voted no", "The ferry stopped", "The pier closed", "Berg resigned"]
    summary = Writer(_OneFact("The council votes."), judge, lambda *a: None,
                     untold=lambda written: openings).run()
    assert summary.key_points == ["Ruiz voted no on Monday.", "The ferry stopped on Monday.",
                                  "The pier closed on Monday."]  # the fewest asked for
    assert not summary.notes
    # Without such openings the note says how few it found.
    alone = Writer(_OneFact("The council votes."), judge, lambda *a: None).run()
    assert alone.key_points == [] and alone.notes == ["The model found no key point that the article supports."]
