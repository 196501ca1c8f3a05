"""Long articles for tests, written here: varied paragraphs of plausible council news."""

import random

PEOPLE = ["Mayor Lena Ortiz", "Councillor Rita Haas", "Tomas Berg", "Ana Ruiz", "Deputy mayor Ken Oduya",
          "Planner Mia Lund", "Auditor Paul Grey", "Judge Sara Kim", "Engineer Li Wei", "Nurse Omar Said"]
PLACES = ["Port Alder", "the harbor district", "North Bay", "the old town", "Cedar Hill", "the river port",
          "Lake Ferry", "the industrial zone", "South Quay", "the airport road"]
VERBS = ["said", "told reporters", "wrote in a statement", "argued at the hearing", "confirmed",
         "warned", "estimated", "noted in a report", "claimed", "explained"]
TOPICS = ["the bridge budget", "the new ferry line", "the school repairs", "water prices", "the bus depot",
          "flood defences", "the hospital wing", "parking fees", "the fishing quota", "the tram study"]
OUTCOMES = ["would cost {n} million dollars", "would be delayed by {n} months", "had {n} objections",
            "needed {n} more workers", "could open in {y}", "was backed by {n} percent of residents",
            "would save {n} thousand dollars a year", "was reviewed {n} times", "covers {n} kilometres",
            "was approved in {y}"]


def long_article(words: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    paragraphs = ["Port Alder council: a year of decisions"]
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            outcome = rng.choice(OUTCOMES).format(n=rng.randint(2, 480), y=rng.randint(2024, 2031))
            sentences.append(f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} that {rng.choice(TOPICS)} in "
                             f"{rng.choice(PLACES)} {outcome}.")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)
