"""What the model is asked, and the plain-text answer form it fills in.

The answer is a form with three fields. The worker writes each field's label itself and lets
the model write only the values (see `desktop.core.generate`), so even a tiny model's output
parses, at no cost to generation speed (unlike a JSON grammar).
"""

from __future__ import annotations

# Bump when the wording or the form changes: it is recorded in every saved note.
PROMPT_VERSION = "summary-v2"

TITLE_LABEL = "Title:"
SUMMARY_LABEL = "Summary:"
POINTS_LABEL = "Key points:"
MIN_POINTS = 3
MAX_POINTS = 7

SYSTEM = """You summarize news articles for readers who want only the facts.
Rules:
- Report what happened and who said what. Attribute every claim, opinion and criticism to \
whoever made it ("X said ...").
- Use plain, neutral words. Leave out the article's loaded adjectives and labels (such as \
"deadly", "scathing", "mega", "corporate media") and do not add any of your own.
- Give no opinion and add nothing that the article does not say: no names, numbers or dates \
of your own.
- Ignore page clutter: ads, image captions, links and teasers for other stories."""

FORM = (f"{TITLE_LABEL} <a plain title>\n{SUMMARY_LABEL} <three to five sentences>\n"
        f"{POINTS_LABEL}\n- <fact>\n(three to seven key points, one line each)")


def _language_rule(language: str | None) -> str:
    return f"Write in {language}." if language else "Write in the language of the article."


def messages(article: str, language: str | None = None) -> list[dict[str, str]]:
    """The chat for a whole article: the rules, then the form to fill in and the article."""
    ask = f"Summarize the article below in this form:\n{FORM}\n{_language_rule(language)}"
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"{ask}\n\nARTICLE:\n{article.strip()}"}]


def part_messages(part: str, number: int, parts: int, language: str | None = None) -> list[dict[str, str]]:
    """The chat for one part of an article too long to read at once (the map step)."""
    ask = (f"This is part {number} of {parts} of a long article. Summarize this part in this "
           f"form:\n{FORM}\n{_language_rule(language)}")
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"{ask}\n\nPART {number} OF {parts}:\n{part.strip()}"}]


def combine_messages(part_answers: list[str], language: str | None = None) -> list[dict[str, str]]:
    """The chat that joins the summaries of an article's parts into one (the reduce step)."""
    joined = "\n\n".join(f"PART {i} OF {len(part_answers)}:\n{answer.strip()}"
                          for i, answer in enumerate(part_answers, 1))
    ask = ("Below are summaries of the consecutive parts of one long article. Write one summary "
           f"of the whole article in this form:\n{FORM}\n{_language_rule(language)}")
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": f"{ask}\n\n{joined}"}]
