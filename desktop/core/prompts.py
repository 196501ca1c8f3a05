"""What the model is asked, and the plain-text answer form it fills in.

The answer is a form with three fields. The worker writes each field's label itself and lets
the model write only the values (see `desktop.core.generate`), so even a tiny model's output
parses, at no cost to generation speed (unlike a JSON grammar).
"""

from __future__ import annotations

# Bump when the wording or the form changes: it is recorded in every saved note.
PROMPT_VERSION = "summary-v1"

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
- Ignore page clutter: ads, image captions, links and teasers for other stories.
- Write in the language of the article."""

def instruction(article: str) -> str:
    return (
        f"Summarize the article below in this form:\n{TITLE_LABEL} <a plain title>\n"
        f"{SUMMARY_LABEL} <three to five sentences>\n{POINTS_LABEL}\n- <fact>\n"
        f"(three to seven key points, one line each)\n\nARTICLE:\n{article.strip()}"
    )


def messages(article: str) -> list[dict[str, str]]:
    """The chat for one article: the rules, then the article and the form to fill in."""
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": instruction(article)}]
