"""Rendering of every post block, equation numbering, references, footnotes and errata notices."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.factories import ErrataPageFactory, PostPageFactory, ReferenceFactory, publish
from tests.unit.blog.body_data import EVERY_BLOCK_BODY

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(site_tree):
    ReferenceFactory(key="sk1975", title="Solvable model of a spin-glass", doi="10.1103/PhysRevLett.35.1792")
    return publish(PostPageFactory(parent=site_tree, title="SK", slug="sk", body=EVERY_BLOCK_BODY))


@pytest.fixture
def soup(client, post):
    response = client.get(post.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_every_block_type_renders(soup):
    body = soup.select_one(".post__body")
    assert body.select("h2#the-model") and body.select("h3#stability")
    assert len(body.select(".equation")) == 4
    assert body.select_one(".highlight") and "numpy" in body.select_one(".highlight").text
    assert body.select_one("details.derivation summary").text == "Deriving the AT line"
    assert body.select_one(".callout--theorem") is not None
    assert "More is different." in body.select_one("blockquote.quote").text


def test_numbered_equations_get_consecutive_tags_in_reading_order(soup):
    tex = [el.text for el in soup.select(".equation .math")]
    assert r"\tag{1}" in tex[0] and r"\tag{2}" in tex[1]
    assert r"\tag" not in tex[2], "an unnumbered equation carries no tag"
    assert r"\tag{3}" in tex[3], "equations inside a derivation continue the numbering"


def test_labels_become_anchors_and_are_stripped_from_the_latex(soup):
    assert soup.select_one("#eq-eq\\:free") is not None
    q_equation = soup.select_one("#eq-eq\\:q")
    assert q_equation is not None and r"\label" not in q_equation.text


def test_eqref_in_prose_links_to_the_numbered_equation(soup):
    links = {a.text: a["href"] for a in soup.select("a.eqref")}
    assert links["(1)"] == "#eq-eq:free"
    assert links["(2)"] == "#eq-eq:q"
    assert links["(3)"] == "#eq-eq:at"


def test_citation_is_numbered_and_listed_in_the_bibliography(soup):
    cite = soup.select_one(".cite a")
    assert cite.text == "1" and cite["href"] == "#ref-sk1975"
    entry = soup.select_one(".bibliography li#ref-sk1975")
    assert "Solvable model of a spin-glass" in entry.text
    assert entry.select_one("a[href='https://doi.org/10.1103/PhysRevLett.35.1792']")


def test_footnote_mark_links_to_the_note_and_back(soup):
    mark = soup.select_one("sup.fn-ref a")
    assert mark.text == "1" and mark["href"] == "#fn-fn1"
    assert soup.select_one("#fn-fn1 a.fn-back")["href"] == "#fnref-fn1"


def test_table_of_contents_lists_headings(soup):
    toc = [(a.text, a["href"]) for a in soup.select(".toc a")]
    assert toc == [("The model", "#the-model"), ("Stability", "#stability")]


def test_inline_math_is_left_for_the_browser_renderer(soup):
    assert re.search(r"\$H = -\\sum_\{i<j\}", soup.select_one(".block-paragraph").text)


def test_post_targeted_by_errata_shows_a_notice(client, post, site_tree):
    errata = ErrataPageFactory(parent=site_tree, title="Errata for SK", target_post=post, external_title="")
    publish(errata)
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    notice = soup.select_one(".notice--errata a")
    assert notice is not None and notice["href"] == errata.url


def test_unpublished_errata_show_no_notice(client, post, site_tree):
    ErrataPageFactory(parent=site_tree, title="Draft errata", target_post=post, external_title="", live=False)
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    assert soup.select_one(".notice--errata") is None


def test_html_in_titles_is_escaped(client, site_tree):
    post = publish(PostPageFactory(parent=site_tree, title="<script>alert(1)</script>Title", slug="t"))
    content = client.get(post.url).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Title" in content


@pytest.mark.parametrize(
    "payload",
    [
        '<p>x<script>alert("rt")</script></p>',
        '<p><a href="javascript:alert(1)">click</a></p>',
        '<p><img src="x" onerror="alert(1)"></p>',
        '<p onclick="alert(1)">y</p>',
        '<p><iframe src="https://evil.example"></iframe></p>',
        '<p><a href="JaVaScRiPt:alert(1)">c</a></p>',
    ],
)
def test_rich_text_payloads_are_stripped(client, site_tree, payload):
    post = publish(PostPageFactory(parent=site_tree, slug="xss", body=[{"type": "paragraph", "value": payload}]))
    soup = BeautifulSoup(client.get(post.url).content, "html.parser")
    body = soup.select_one(".post__body")
    assert not body.select("script, iframe")
    for element in body.find_all(True):
        assert not any(attribute.startswith("on") for attribute in element.attrs)
        assert "javascript:" not in element.get("href", "").lower()
