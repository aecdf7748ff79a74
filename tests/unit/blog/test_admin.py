"""Page-type rules, creation through the admin, and validation messages editors see."""

from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import BlogIndexPage, ErrataPage, PostPage, Reference
from tests.factories import PostPageFactory, make_site


class PageRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_site()
        cls.user = get_user_model().objects.create_superuser("editor", "e@example.com", "pw")

    def setUp(self):
        self.client.force_login(self.user)

    def test_posts_and_errata_live_only_under_the_index(self):
        self.assertAllowedParentPageTypes(PostPage, {BlogIndexPage})
        self.assertAllowedParentPageTypes(ErrataPage, {BlogIndexPage})
        self.assertCanCreateAt(BlogIndexPage, PostPage)
        self.assertCanCreateAt(BlogIndexPage, ErrataPage)
        self.assertCanNotCreateAt(PostPage, PostPage)
        self.assertCanNotCreateAt(Page, PostPage)

    def test_only_one_index_page_may_exist(self):
        self.assertFalse(BlogIndexPage.can_create_at(Page.get_first_root_node()))

    def test_editor_creates_a_post_with_math_through_the_admin(self):
        data = nested_form_data(
            {
                "title": "Replica trick",
                "slug": "replica-trick",
                "date": "2025-01-02",
                "summary": "How to average a logarithm.",
                "subtitle": "",
                "tags": "replica",
                "post_authors": inline_formset([]),
                "body": streamfield(
                    [
                        ("paragraph", rich_text(r"<p>We use $\log Z = \lim_{n\to 0} (Z^n - 1)/n$, see \eqref{eq:trick}.</p>")),
                        ("equation", {"latex": r"\overline{\log Z} = \lim_{n \to 0} \partial_n \overline{Z^n}", "numbered": "on", "label": "eq:trick"}),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.index, PostPage, data)
        post = PostPage.objects.get(slug="replica-trick")
        self.assertEqual([block.block_type for block in post.body], ["paragraph", "equation"])

    def _post_form(self, body_blocks, slug="bad"):
        return nested_form_data(
            {
                "title": "Bad",
                "slug": slug,
                "date": "2025-01-02",
                "summary": "",
                "subtitle": "",
                "tags": "",
                "post_authors": inline_formset([]),
                "body": streamfield(body_blocks),
            }
        )

    def _submit(self, data):
        url = f"/admin/pages/add/blog/postpage/{self.index.pk}/"
        return self.client.post(url, data)

    def assertRejected(self, response, *fragments):
        self.assertEqual(response.status_code, 200, "the form is shown again, not a redirect")
        content = response.content.decode()
        for fragment in fragments:
            self.assertIn(fragment, content)
        self.assertFalse(PostPage.objects.filter(slug="bad").exists(), "nothing was saved")

    def test_unknown_eqref_is_a_validation_error_naming_the_label(self):
        response = self._submit(self._post_form([("paragraph", rich_text(r"<p>See \eqref{eq:nowhere}.</p>"))]))
        self.assertRejected(response, "eq:nowhere", "refers to no labelled equation")

    def test_duplicate_equation_label_is_rejected(self):
        response = self._submit(
            self._post_form(
                [
                    ("equation", {"latex": "a", "numbered": "on", "label": "eq:x"}),
                    ("equation", {"latex": "b", "numbered": "on", "label": "eq:x"}),
                ]
            )
        )
        self.assertRejected(response, "is used by an earlier equation")

    def test_unbalanced_braces_in_an_equation_are_rejected(self):
        response = self._submit(self._post_form([("equation", {"latex": r"\frac{1}{2", "numbered": "on", "label": ""})]))
        self.assertRejected(response, "unclosed")

    def test_mismatched_environment_is_rejected(self):
        response = self._submit(
            self._post_form([("equation", {"latex": r"\begin{aligned} a \end{align}", "numbered": "on", "label": ""})])
        )
        self.assertRejected(response, "is closed by")

    def test_unclosed_inline_math_is_rejected(self):
        response = self._submit(self._post_form([("paragraph", rich_text("<p>Energy $E = 1 and more.</p>"))]))
        self.assertRejected(response, "not closed")

    def test_unknown_citation_key_is_rejected(self):
        response = self._submit(self._post_form([("paragraph", rich_text(r"<p>As shown \cite{nobody2000}.</p>"))]))
        self.assertRejected(response, "nobody2000")

    def test_rejected_form_keeps_what_the_editor_typed(self):
        response = self._submit(self._post_form([("paragraph", rich_text(r"<p>Keep this sentence \eqref{missing}.</p>"))]))
        self.assertIn("Keep this sentence", response.content.decode())


class ReferenceSnippetTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("editor", "e@example.com", "pw")

    def setUp(self):
        self.client.force_login(self.user)

    def test_bibtex_is_parsed_into_the_reference_fields(self):
        bibtex = (
            "@article{sk1975,\n author = {Sherrington, David and Kirkpatrick, Scott},\n"
            " title = {Solvable Model of a Spin-Glass},\n journal = {Phys. Rev. Lett.},\n"
            " volume = {35}, pages = {1792--1796}, year = {1975},\n doi = {10.1103/PhysRevLett.35.1792}\n}"
        )
        response = self.client.post("/admin/snippets/blog/reference/add/", {"bibtex": bibtex})
        self.assertEqual(response.status_code, 302)
        reference = Reference.objects.get(key="sk1975")
        self.assertEqual(reference.authors, "David Sherrington, Scott Kirkpatrick")
        self.assertEqual(reference.pages, "1792–1796")
        self.assertEqual(reference.doi, "10.1103/PhysRevLett.35.1792")

    def test_bibtex_that_does_not_parse_is_a_form_error_naming_the_line(self):
        bibtex = "@article{ok, title={Fine}}\n\n@article{broken,\n author = {Unclosed,\n title = {x}\n"
        response = self.client.post("/admin/snippets/blog/reference/add/", {"bibtex": bibtex})
        self.assertEqual(response.status_code, 200)
        self.assertIn("line 3", response.content.decode())
        self.assertFalse(Reference.objects.exists())


class NotFoundTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_site()
        PostPageFactory(parent=cls.index)

    def test_bad_listing_page_numbers_are_404(self):
        for query in ("?page=0", "?page=999", "?page=abc", "?page=-1"):
            self.assertEqual(self.client.get("/" + query).status_code, 404, query)

    def test_unknown_url_and_tag_are_404_with_our_template(self):
        response = self.client.get("/no-such-post/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page not found", status_code=404)
        self.assertEqual(self.client.get("/tags/no-such-tag/").status_code, 404)


class BibtexImportTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("librarian", "l@example.com", "pw")

    def setUp(self):
        self.client.force_login(self.user)

    def test_bib_file_creates_and_updates_references(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        Reference.objects.create(key="gardner1988", bibtex="@article{gardner1988, title={Old}}", title="Old")
        source = (
            "@article{gardner1988,\n title = {The space of interactions in neural network models},\n"
            " author = {Gardner, Elizabeth}, journal = {J. Phys. A}, volume = {21}, pages = {257--270}, year = {1988}\n}\n"
            "@article{amit1985,\n title = {Spin-glass models of neural networks},\n"
            " author = {Amit, Daniel J. and Gutfreund, Hanoch and Sompolinsky, Haim}, journal = {Phys. Rev. A}, year = {1985}\n}\n"
        )
        upload = SimpleUploadedFile("refs.bib", source.encode(), content_type="text/x-bibtex")
        response = self.client.post("/admin/bibtex-import/", {"file": upload})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Reference.objects.count(), 2)
        self.assertEqual(Reference.objects.get(key="gardner1988").title, "The space of interactions in neural network models")
        self.assertEqual(Reference.objects.get(key="amit1985").authors, "Daniel J. Amit, Hanoch Gutfreund, Haim Sompolinsky")

    def test_bib_file_that_does_not_parse_names_the_line_and_saves_nothing(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        source = "@article{fine, title={Fine}}\n\n@article{broken,\n title = {Unclosed\n"
        upload = SimpleUploadedFile("bad.bib", source.encode(), content_type="text/x-bibtex")
        response = self.client.post("/admin/bibtex-import/", {"file": upload})
        self.assertEqual(response.status_code, 200)
        self.assertIn("line 3", response.content.decode())
        self.assertFalse(Reference.objects.exists())
