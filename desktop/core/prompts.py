"""What the model is asked, and the plain-text answer form it fills in.

The answer is a form with three fields. The worker writes each field's label itself and lets
the model write only the values (see `desktop.core.generate`), so even a tiny model's output
parses, at no cost to generation speed (unlike a JSON grammar).
"""

from __future__ import annotations

# Bump when the wording or the form changes: it is recorded in every saved note.
PROMPT_VERSION = "summary-v4"

TITLE_LABEL = "Title:"
SUMMARY_LABEL = "Summary:"
POINTS_LABEL = "Key points:"
MIN_POINTS = 3
MAX_POINTS = 7

SYSTEM = """You summarize news articles for readers who want only the facts.
Rules:
- Report what happened and who said what. Attribute every claim, opinion, offer, thanks and \
criticism to whoever expressed it: "X said ...", "X offered ...", "X criticized ...".
- Use plain, neutral words. Leave out the article's loaded adjectives and labels (such as \
"deadly", "scathing", "mega", "massive", "corporate media", "blowout") and add none of your own.
- Do not state the writer's opinions as facts.
- Give no opinion and add nothing that the article does not say: no names, numbers or dates \
of your own.
- Keep the conditions and the criticism that the article reports.
- Ignore page clutter: ads, image captions, links and teasers for other stories."""

# A worked example: small models follow an example more closely than rules.
EXAMPLE_ARTICLE = """The city's disastrous new parking plan sparked fury among shop owners on Monday. \
Mayor Ana Ruiz, a radical reformer, defended the scheme, saying it would "free our streets". \
Parking fees will double to $4 an hour from March. The shop owners' association called the \
plan "a death sentence for small business". Read more: Ten best cafes in town"""

EXAMPLE_ANSWER = """Title: City to double parking fees from March
Summary: The city will double parking fees to $4 an hour from March. Mayor Ana Ruiz \
defended the plan and said it would "free our streets". The shop owners' association \
criticized it and called it "a death sentence for small business".
Key points:
- Parking fees will double to $4 an hour from March.
- Mayor Ana Ruiz defended the plan.
- The shop owners' association criticized the plan."""

FORM = (f"{TITLE_LABEL} <a plain title>\n{SUMMARY_LABEL} <three to five sentences>\n"
        f"{POINTS_LABEL}\n- <fact>\n(three to seven key points, one line each)")


def _example() -> str:
    return f"Example.\nARTICLE:\n{EXAMPLE_ARTICLE}\nANSWER:\n{EXAMPLE_ANSWER}\n\n"


def _language_rule(language: str | None) -> str:
    return f"Write in {language}." if language else "Write in the language of the article."


def messages(article: str, language: str | None = None) -> list[dict[str, str]]:
    """The chat for a whole article: the rules, an example, the form and the article."""
    ask = (f"{_example()}Summarize the article below in this form:\n{FORM}\n"
           f"{_language_rule(language)} Say who did and said what.")
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"{ask}\n\nARTICLE:\n{article.strip()}"}]


def part_messages(part: str, number: int, parts: int, language: str | None = None) -> list[dict[str, str]]:
    """The chat for one part of an article too long to read at once (the map step)."""
    ask = (f"{_example()}This is part {number} of {parts} of a long article. Summarize this "
           f"part in this form:\n{FORM}\n{_language_rule(language)} Say who did and said what.")
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"{ask}\n\nPART {number} OF {parts}:\n{part.strip()}"}]


def combine_messages(part_answers: list[str], language: str | None = None) -> list[dict[str, str]]:
    """The chat that joins the summaries of an article's parts into one (the reduce step)."""
    joined = "\n\n".join(f"PART {i} OF {len(part_answers)}:\n{answer.strip()}"
                          for i, answer in enumerate(part_answers, 1))
    ask = ("Below are summaries of the consecutive parts of one long article. Write one summary "
           f"of the whole article in this form:\n{FORM}\n{_language_rule(language)}")
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": f"{ask}\n\n{joined}"}]


def rewrite_messages(sentence: str, problems: list[str], source: str) -> list[dict[str, str]]:
    """The chat that asks for one flagged sentence again, in neutral words (second pass).
    `source` is what the article says there, so that the model can tell who said it."""
    listed = "\n".join(f"- {p}" for p in problems)
    ask = ("Rewrite this sentence from a news summary in plain, neutral words. Keep every fact, "
           "name, number and quote. Say who holds an opinion or said the words (\"X said ...\"),"
           " as the article tells. Do not add anything. Answer with the sentence only.\n"
           f"Problems:\n{listed}\n\nTHE ARTICLE SAYS:\n{source}\n\nSENTENCE:\n{sentence}")
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": ask}]


def voice_messages(sentence: str, speaker: str, unquoted: bool = False) -> list[dict[str, str]]:
    """The chat that asks for a key point reporting a voice the summary left out (criticism,
    a condition, thanks); the answer is begun with the speaker's name, so that it says who."""
    ask = ("Write one short key point for a news summary that reports what the speaker says, "
           "criticizes or thanks for in this sentence of the article, and any condition it "
           "sets (\"in exchange for ...\"). Begin with the speaker's name. Keep quoted words "
           "exact. Use plain, neutral words and add nothing. Answer with the key point only."
           f"\n\nSPEAKER: {speaker}\nSENTENCE:\n{sentence}")
    if unquoted:  # its quote has a loaded word
        ask += "\n\nDo not quote the sentence: say it in plain words of your own."
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": ask}]
