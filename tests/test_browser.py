"""The rendered report as a reader sees it: opened in headless Chromium (Debian's, driven by Playwright),
offline, with working links, drawn charts, and an article's markup shown as text, never run."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from newsdossier.run.runner import html_exporter, run_article
from newsdossier.run.webpdf import BROWSER_ARGS, chromium_path

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.slow

VIEWPORT = {"width": 1200, "height": 900}
HOSTILE_TITLE = "Harbour <script>window.__pwned=3</script> deal **agreed**"
HOSTILE_QUOTE = "<script>window.__pwned=1</script> We will not be stopped"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">'
HOSTILE_ARTICLE = f"""{HOSTILE_TITLE}

Mayor Linda Okafor said on March 3 that the city would sign the harbour deal with the port authority.

"{HOSTILE_QUOTE}," Okafor said. "{HOSTILE_IMG} is what they sent us, **in bold**, with a [link](javascript:alert(1))."

Transport Minister Daniel Reyes said on Tuesday that the plan was =HYPERLINK("http://evil.example","click") and nothing more.

<b>Opposition leader</b> Maria Chen criticised the plan on Wednesday. "@SUM(1+1) is not a budget," Chen said.
"""
LITERALS = (
    "<script>window.__pwned=1</script>",
    'onerror="window.__pwned=2"',
    "**in bold**",
    '=HYPERLINK("http://evil.example","click")',
    "<b>Opposition leader</b>",
)
INJECTED = """() => ({
    pwned: typeof window.__pwned,
    scripts: [...document.scripts].filter(s => /^\\s*window\\.__pwned/.test(s.textContent)).length,
    handlers: document.querySelectorAll('[onerror], [onload]:not(body)').length,
    images: [...document.images].filter(i => i.getAttribute('src') === 'x').length,
    bold: [...document.querySelectorAll('b, strong')].filter(b => /Opposition leader|in bold|agreed/.test(b.textContent)).length,
    jslinks: [...document.querySelectorAll('a[href]')].filter(a => !a.getAttribute('href').startsWith('#')).length,
})"""
NOTHING_INJECTED = {"pwned": "undefined", "scripts": 0, "handlers": 0, "images": 0, "bold": 0, "jslinks": 0}


@pytest.fixture(scope="module")
def browser():
    if not Path(chromium_path()).exists():
        pytest.skip(f"no Chromium at {chromium_path()} (make system-deps)")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
        yield browser
        browser.close()


class Visit:
    """A page opened offline: every request that is not file:// is recorded and aborted."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page = browser.new_page(viewport=VIEWPORT)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri(), wait_until="load")

    def _route(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def wait_for_charts(self, at_least: int) -> int:
        self.page.wait_for_function(
            """n => { const charts = [...document.querySelectorAll('.plotly-graph-div')];
                      return charts.length >= n && charts.every(c => c.querySelector('svg.main-svg')); }""",
            arg=at_least,
            timeout=30_000,
        )
        return self.page.locator(".plotly-graph-div").count()

    def in_view(self, selector: str) -> bool:
        box = self.page.locator(selector).bounding_box()
        return box is not None and 0 <= box["y"] and box["y"] + min(box["height"], 40) <= VIEWPORT["height"]


@pytest.fixture(scope="module")
def report_visit(browser, run_dir):
    visit = Visit(browser, run_dir / "report.html")
    yield visit
    visit.page.close()


def test_report_opens_offline_without_errors_and_draws_every_chart(report_visit, tmp_path):
    drawn = report_visit.wait_for_charts(at_least=4)
    assert drawn >= 4  # actors, claims per speaker, who speaks about whom, timeline
    assert report_visit.outside == []
    assert report_visit.errors == []
    assert report_visit.page.title().startswith("Dossier: ")
    report_visit.page.screenshot(path=str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_clicking_a_claim_row_brings_its_span_into_view(report_visit):
    page = report_visit.page
    last_claim = page.locator("table.nd-claims-table tbody tr").last.get_attribute("id")
    claim_id = last_claim.removeprefix("row-")
    link = page.locator(f'#row-{claim_id} a[href="#span-{claim_id}"]')
    link.scroll_into_view_if_needed()
    assert not report_visit.in_view(f"#span-{claim_id}")
    link.click()
    page.wait_for_function("id => location.hash === '#span-' + id", arg=claim_id)
    assert report_visit.in_view(f"#span-{claim_id}")


def test_clicking_a_highlighted_mention_brings_its_actor_row_into_view(report_visit):
    page = report_visit.page
    mention = page.locator(".nd-article .nd-mention a.nd-run").first
    row = mention.get_attribute("href")
    mention.scroll_into_view_if_needed()
    assert not report_visit.in_view(row)
    mention.click()
    page.wait_for_function("row => location.hash === row", arg=row)
    assert report_visit.in_view(row)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """The whole pipeline on an article whose text carries script, HTML, markdown and spreadsheet formulas."""
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "hostile.txt"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    out = folder / "run"
    run_article(article, out, published="2024-03-05", formats=("html", "pdf"), progress=lambda m: None)
    return out


def test_hostile_article_renders_as_text_in_the_report(browser, hostile_run, tmp_path):
    visit = Visit(browser, hostile_run / "report.html")
    visit.wait_for_charts(at_least=4)
    page = visit.page
    assert page.evaluate(INJECTED) == NOTHING_INJECTED
    assert visit.errors == [] and visit.outside == []
    assert page.locator("h1.nd-title").inner_text() == HOSTILE_TITLE
    article = page.locator(".nd-article").inner_text()
    for literal in LITERALS:
        assert literal in article, literal
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    pdf = subprocess.run(
        ["pdftotext", str(hostile_run / "report.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "<script>window.__pwned=1</script>" in " ".join(pdf.split())


def test_hostile_article_renders_as_text_in_the_executed_notebooks(browser, hostile_run, tmp_path):
    import nbformat

    shown = ""
    for notebook in sorted(hostile_run.glob("0*.ipynb")):
        body, _ = html_exporter().from_notebook_node(nbformat.read(notebook, as_version=4))
        page_path = tmp_path / f"{notebook.stem}.html"
        page_path.write_text(body, encoding="utf-8")
        visit = Visit(browser, page_path)
        assert visit.page.evaluate(INJECTED) == NOTHING_INJECTED, notebook.name
        assert visit.errors == [] and visit.outside == [], notebook.name
        shown += visit.page.locator("body").inner_text()
        visit.page.close()
    assert "<script>window.__pwned=1</script>" in shown  # pandas tables show the text, escaped
