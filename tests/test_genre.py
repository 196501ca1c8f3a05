"""What kind of text an article is, from the page's word or from the writing itself; and the
article's voices, read once."""

from desktop.core.input import genre
from desktop.core.input.article import Article, missing_voices
from desktop.core.input.clean import clean

NEWS = ("Port Alder approves bridge\n\nThe town council voted 6 to 3 on Thursday to build a bridge. "
        "Mayor Lena Ortiz said it would cut the drive to the hospital by 25 minutes. The bridge will "
        "be 480 metres long. Construction starts in May. Fishermen said the works would disturb the "
        "shellfish beds. The council meets again on Monday. A hearing is set for June. The state "
        "must still approve a loan, officials said. Tolls will be 2 dollars.")
COLUMN = ("The bridge we deserve\n\nI have lived in Port Alder for thirty years, and I have never seen "
          "the council so timid. We should stop pretending the old ferry is enough. You would not "
          "accept a two-hour wait for a doctor, so why accept it for a crossing? The plan is good, but "
          "it is late. I want my neighbours to see that delay has a price. We must build it now. "
          "The critics are wrong. Our town deserves better than another decade of studies. "
          "Let us stop waiting.")


def test_a_news_report_is_a_news_report():
    found = genre.detect(NEWS, byline="By Jonas Field")
    assert (found.kind, found.author, found.is_opinion) == ("news report", "Jonas Field", False)


def test_the_page_word_tells_the_genre():
    assert genre.detect(NEWS, label="Opinion").kind == "opinion column"
    assert genre.detect(NEWS, section="News Analysis").kind == "analysis"
    assert genre.detect(NEWS, url="https://example.org/opinion/2026/05/bridge").kind == "opinion column"
    assert genre.detect(NEWS, declared="NewsArticle ReviewNewsArticle").kind == "review"
    assert genre.detect(NEWS, url="https://example.org/reviews/phone-x").kind == "review"
    # A blog is its writer's, whatever it tells: a new chief introduced on a company's blog is no
    # argument; one under the opinion pages is.
    assert genre.detect(NEWS, url="https://harborferries.com/blog/meet-our-new-chief").kind == "blog post"
    assert genre.detect(NEWS, url="https://example.org/opinion/blogs/bridge").kind == "opinion column"
    assert genre.detect("Review: the Phone X is fast\n\n" + NEWS).kind == "review"
    assert genre.detect(NEWS, byline="By Rita Haas, columnist").kind == "opinion column"
    board = genre.detect(NEWS, label="Editorial", site="The Harbor Times")
    assert (board.kind, board.author) == ("editorial", "the editorial board of The Harbor Times")
    # A site named in other capitals than the article's is named as the article writes it.
    checked = genre.detect(NEWS + " Harborcheck.org asked the council.", section="Fact Check", site="HARBORCHECK.ORG")
    assert (checked.kind, checked.author) == ("fact check", "Harborcheck.org")
    # A name the page writes well stays as it is, whatever a dateline or a lower-case mention does.
    wire = genre.detect("LONDON (REUTERS) - " + NEWS + " as the harbor times reported.", label="Editorial",
                        site="The Harbor Times", byline="By Ana Ruiz")
    assert wire.author == "the editorial board of The Harbor Times"
    assert genre.detect(NEWS + " By ANA RUIZ.", byline="By Ana Ruiz").author == "Ana Ruiz"
    ending = NEWS + "\n\nRita Haas is a columnist for The Harbor Times. The views expressed are her own."
    assert genre.detect(ending).kind == "opinion column"


RELEASE = ("Harbor Ferries adds two electric boats\n\nHarbor Ferries today announced two electric "
           "boats for its Alder line. The boats cut fuel costs by 40 percent, the company says. "
           "\u201cOur riders deserve the cleanest crossing in the country,\u201d said Ana Ruiz, its chief "
           "executive. The boats enter service in May.\n\nAbout Harbor Ferries\n\nHarbor Ferries is "
           "the leading ferry operator of the north coast, with 12 routes.\n\nMedia contact: Tom Li")


def test_a_press_release_is_its_issuer_s_word():
    found = genre.detect(RELEASE, url="https://news.example.com/2026/harbor-ferries-boats")
    assert (found.kind, found.author) == ("press release", "Harbor Ferries")
    assert "Media contact" in found.reason
    # On the issuer's own site, no contact line is needed.
    own = RELEASE.replace("\n\nMedia contact: Tom Li", "")
    assert genre.detect(own, url="https://www.harborferries.com/news/boats").kind == "press release"
    # A news report on a company, which says what the company is, is no release.
    assert genre.detect(own, url="https://news.example.com/2026/boats").kind == "news report"
    assert genre.detect(own.replace("The boats enter", "Harbor Ferries did not answer media inquiries. The boats enter"),
                        url="https://news.example.com/2026/boats").kind == "news report"
    assert genre.detect(own, url="https://www.myharborferriesblog.com/boats").kind == "news report"
    # Its claims, told plainly, are the issuer's to make.
    from desktop.core.checks import sentence as checker
    ctx = checker.Context(Article.build(RELEASE))
    assert checker.frame(ctx) == "In a press release, Harbor Ferries says that"
    for told, whose in (("The two boats enter service on the Alder line in May.", "Harbor Ferries says that"),
                        ("The new boats cut fuel costs by 40 percent.", "The company says that")):
        found = [p for p in checker.check(told, "point", ctx) if p.kind == "attribution"]
        assert found and found[0].fix == whose, told


def test_a_text_that_argues_in_the_first_person_is_its_writer_s_view():
    found = genre.detect(COLUMN, byline="By Rita Haas")
    assert (found.kind, found.author, found.is_opinion) == ("blog post", "Rita Haas", True)
    assert "first person" in found.reason
    assert genre.detect(NEWS).kind == "news report"


def test_a_list_of_the_writer_s_picks_or_advice_is_its_writer_s():
    body = NEWS.split("\n\n", 1)[1]
    for title in ("7 Tips to Cross the Harbor Faster", "The 10 Best Bridge Walks This Spring",
                  "How to Pay the New Bridge Toll", "5 Easy Ways to Skip the Ferry Queue"):
        found = genre.detect(f"{title}\n\n{body}", byline="By Jonas Field")
        assert (found.kind, found.author, found.is_opinion) == ("blog post", "Jonas Field", True), title
        assert "its title" in found.reason
    # A count of people or things in the news is no list of picks, nor is an explainer of it.
    for title in ("3 Dead as Storm Hits Port Alder", "10 Firms Bid to Build Harbor Bridge",
                  "3 Best Friends Hurt in Ferry Crash", "The 2 Best Teams Meet in Final",
                  "2 Best-Selling Authors Back the Bridge", "4 Warning Signs Ignored Before Collapse",
                  "3 Officials Broke Rules, Inquiry Finds", "5 things to know about the bridge vote"):
        assert genre.detect(f"{title}\n\n{body}").kind == "news report", title
    # A first line that is a sentence of the report is no title.
    assert genre.detect(f"How to pay for the bridge split the council on Thursday.\n{body}").kind == "news report"


def test_where_nothing_tells_the_model_s_measured_reading_decides():
    unmarked = genre.detect(NEWS, byline="By Jonas Field")
    assert genre.worth_reading(unmarked, 9)
    assert not genre.worth_reading(unmarked, genre.STYLE_SENTENCES - 1)  # too short to tell
    assert not genre.worth_reading(genre.detect(NEWS, label="Opinion"), 9)  # the page told
    # Read as its writer's views from the odds where the model is right: a person's column;
    # a desk's or no one's text is a blog post. Below them it stays a news report.
    column = genre.from_reading(unmarked, -1.0, -1.5)
    assert (column.kind, column.author, column.is_opinion) == ("opinion column", "Jonas Field", True)
    assert "model" in column.reason
    assert genre.from_reading(genre.Genre(genre.NEWS, "Harbor Sport"), 0.5, -1.5).kind == genre.BLOG
    assert genre.from_reading(genre.Genre(genre.NEWS), 0.5, -1.5).kind == genre.BLOG
    assert genre.from_reading(unmarked, -2.0, -1.5) == unmarked
    review = genre.detect(NEWS, section="Reviews")
    assert genre.from_reading(review, 3.0, -1.5) == review


def test_a_section_label_above_the_article_is_kept_as_metadata():
    cleaned = clean("OPINION\n\n" + COLUMN)
    assert cleaned.label == "OPINION" and not cleaned.text.startswith("OPINION")
    assert Article.build(cleaned.text).genre.kind == "blog post"  # its writing alone
    assert Article.build(cleaned.text, cleaned=cleaned).genre.kind == "opinion column"


def test_voices_are_found_with_their_speaker_and_opening():
    article = Article.build(
        "The council approved the harbor bridge on Monday. Mayor Ana Ruiz thanked the engineers. "
        "Amnesty International has criticized the plan as \"a waste\". He said work starts in May. "
        "The Fishers' Union agreed to the route in exchange for a new pier.")
    found = {(v.speaker, v.kind, v.opening, v.asks) for v in article.voices}
    assert ("Amnesty International", "criticism", "Amnesty International has criticized", "") in found
    assert ("Mayor Ana Ruiz", "praise", "Mayor Ana Ruiz thanked", "") in found
    assert ("The Fishers' Union", "condition", "The Fishers' Union agreed", "a new pier") in found

    def evidence(sentence):
        return [span for span in article.spans if set(sentence.split()) & set(article.text[span[0]:span[1]].split()) >= {"Amnesty"}]

    written = ["Amnesty International criticized the plan."]
    left = [v.kind for v in missing_voices(article, written, evidence)]
    assert left == ["condition", "praise"]  # most important first; the criticism is kept
    assert [v.kind for v in missing_voices(article, written + ["The union wants a new pier."], evidence)] == ["praise"]


def test_a_he_is_the_speaker_named_before_it():
    article = Article.build("Mayor Ana Ruiz spoke on Monday. Ruiz said the bridge was needed. "
                            "He said work would start in May.")
    assert article.sentences[-1].speaker == "Ruiz"


def test_a_byline_gives_the_writer_s_name_without_the_job_after_it():
    assert genre.detect(NEWS, byline="By Tom Li News reporter").author == "Tom Li"
    assert genre.detect(NEWS, byline="By Rita Haas November 12, 2019").author == "Rita Haas"
    assert genre.detect(NEWS, byline="By Ana de la Cruz").author == "Ana de la Cruz"
    assert genre.detect(NEWS, byline="By Ana Ruiz and Tom Li").author == "Ana Ruiz and Tom Li"
    # Whose claim a fact check rates is no writer of it.
    assert genre.detect(NEWS, byline="By Syrian defense ministries").author == ""
    # A name that is also a word of a newspaper's is still a person's; a desk's byline is not.
    assert genre.detect(NEWS, byline="By Matt Daily", author="Matt Daily; Harbor Wire Service").author == "Matt Daily"
    assert genre.person("Matt Daily") and genre.person("Rita Haas")
    assert not genre.person("Coast Herald Sport") and not genre.person("The Harbor Times")
