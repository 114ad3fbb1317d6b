"""A webpdf exporter that prints with the system's Chromium (Debian's /usr/bin/chromium).

nbconvert's WebPDFExporter launches Playwright's own Chromium build, which cannot be downloaded
on machines that reach only package registries; Playwright can drive the distribution's
browser instead when given its path.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

from nbconvert.exporters.webpdf import WebPDFExporter
from traitlets import Int, Unicode, default

from newsdossier.paths import PACKAGE_DIR

log = logging.getLogger(__name__)
CHROMIUM_ENV = "NEWSDOSSIER_CHROMIUM"
CHARTS_DRAWN = (
    "() => [...document.querySelectorAll('.plotly-graph-div')].every(c => c.querySelector('svg.main-svg'))"
)
# The style rules plotly.js adds to its page when it loads (its charts' layers are placed by them).
PLOTLY_STYLES = (
    "() => [...document.querySelectorAll('style')].map(s => [...s.sheet.cssRules].map(r => r.cssText)"
    ".join('\\n')).join('\\n')"
)
TEMPLATES_DIR = PACKAGE_DIR / "templates"
# Flags for a headless browser on a closed network: no sandbox (we run as root in CI), no
# background connections that would be refused.
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str:
    """The Chromium to launch: $NEWSDOSSIER_CHROMIUM, else chromium on PATH, else /usr/bin/chromium."""
    return os.environ.get(CHROMIUM_ENV) or shutil.which("chromium") or "/usr/bin/chromium"


class ChromiumPDFExporter(WebPDFExporter):
    """Export a notebook to PDF through the system Chromium, waiting for plotly to draw."""

    export_from_notebook = "PDF via system Chromium"
    executable_path = Unicode(help="Chromium executable; default from $NEWSDOSSIER_CHROMIUM or PATH").tag(
        config=True
    )
    page_render_timeout = Int(500, help="ms to wait after the charts are drawn, before printing").tag(
        config=True
    )
    chart_timeout = Int(30_000, help="ms to wait at most for every plotly chart to draw its SVG").tag(
        config=True
    )

    @default("executable_path")
    def _executable_path_default(self) -> str:
        return chromium_path()

    @default("template_name")
    def _template_name_default(self) -> str:
        return "dossier"

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self) -> list[str]:
        return [str(TEMPLATES_DIR)]

    def printer(self) -> Printer:
        """A Chromium for this exporter's settings, launching in the background from now on."""
        return Printer(self.executable_path, self.chart_timeout, self.page_render_timeout)

    def run_playwright(self, html: str) -> bytes:
        """Print the HTML page to PDF in the system Chromium."""
        printer = self.printer()
        try:
            return printer.pdf(html)
        finally:
            printer.close()


def plotly_script() -> str:
    """plotly.js inline, as plotly writes it into the first chart of a page (include_plotlyjs=True)."""
    from plotly.offline import get_plotlyjs

    return f"<script>{get_plotlyjs()}</script>"


class Printer:
    """The system Chromium, driven by Playwright on its own thread, printing HTML pages to PDF.

    It launches as soon as it is made, so a caller can start it while other work goes on (the
    runner starts it while the extraction steps run) and pay only for the printing itself. It also
    opens its first page ahead and loads plotly.js into it: parsing and compiling plotly.js (~5 MB)
    is most of what Chromium spends on a report. A page that holds plotly.js inline is then written
    into that page's document (document.open keeps the page's scripts) with the script replaced by
    the style rules plotly.js added when it loaded, so it prints as the page itself would print,
    without loading plotly.js again. Any other page, or a second one, is loaded as it is.
    """

    def __init__(self, executable_path: str, chart_timeout: int, page_render_timeout: int) -> None:
        self.executable_path = executable_path
        self.chart_timeout = chart_timeout
        self.page_render_timeout = page_render_timeout
        # nbconvert may be called from a running event loop (a notebook): Playwright gets its own.
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="chromium", daemon=True)
        self._thread.start()
        self._playwright = None
        self._tmp = tempfile.TemporaryDirectory(prefix="newsdossier-pdf-")
        self._launched = asyncio.run_coroutine_threadsafe(self._launch(), self._loop)
        self._warm = asyncio.run_coroutine_threadsafe(self._warm_page(), self._loop)
        self._warm_used = False

    async def _launch(self):
        if not Path(self.executable_path).exists():
            raise RuntimeError(
                f"Chromium not found at {self.executable_path}; install it (apt-get install chromium) "
                f"or set {CHROMIUM_ENV}"
            )
        from playwright.async_api import async_playwright

        self._playwright = await async_playwright().start()
        return await self._playwright.chromium.launch(
            executable_path=self.executable_path,
            args=BROWSER_ARGS,
            handle_sigint=False,
            handle_sigterm=False,
            handle_sighup=False,
        )

    async def _new_page(self):
        browser = await asyncio.wrap_future(self._launched)
        page = await browser.new_page()
        await page.emulate_media(media="print")
        return page

    async def _warm_page(self):
        """A page with plotly.js loaded, its script tag and the style rules it added; None if it failed."""
        try:
            page = await self._new_page()
            script = plotly_script()
            warm = Path(self._tmp.name) / "plotly.html"
            head = '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
            warm.write_text(f"{head}<body>{script}</body></html>", encoding="utf-8")
            await page.goto(f"file://{warm}", wait_until="load")
            return page, script, await page.evaluate(PLOTLY_STYLES)
        except Exception as err:  # noqa: BLE001 - printing then loads every page as it is
            log.debug("no page with plotly.js ahead: %s", err)
            return None

    async def _print(self, html: str) -> bytes:
        from playwright.async_api import TimeoutError as PlaywrightTimeoutError

        warm = None if self._warm_used else await asyncio.wrap_future(self._warm)
        if warm is not None and warm[1] in html:
            self._warm_used = True  # its document is replaced: it serves one print
            page, script, styles = warm
        else:
            page, script, styles = await self._new_page(), "", ""
        with tempfile.TemporaryDirectory(prefix="newsdossier-pdf-") as tmp:
            try:
                if script:
                    light = html.replace(script, f"<style>{styles}</style>", 1)
                    await page.set_content(light, wait_until="load")
                else:
                    page_path = Path(tmp) / "report.html"
                    page_path.write_text(html, encoding="utf-8")
                    await page.goto(f"file://{page_path}", wait_until="load")
                # every plotly chart has drawn its SVG (a fixed wait misses charts on a busy machine)
                try:
                    await page.wait_for_function(CHARTS_DRAWN, timeout=self.chart_timeout)
                except PlaywrightTimeoutError:
                    log.warning(
                        "not every chart was drawn after %d ms; printing the PDF anyway", self.chart_timeout
                    )
                await page.wait_for_timeout(self.page_render_timeout)
                return await page.pdf(print_background=True, prefer_css_page_size=True)
            finally:
                await page.close()

    def pdf(self, html: str) -> bytes:
        """The HTML page printed to PDF (Chromium errors and a missing Chromium raise)."""
        return asyncio.run_coroutine_threadsafe(self._print(html), self._loop).result()

    async def _close(self) -> None:
        try:
            browser = await asyncio.wrap_future(self._launched)
            await browser.close()
        except Exception:  # it never launched: the error was raised to whoever printed
            pass
        if self._playwright is not None:
            await self._playwright.stop()

    def close(self) -> None:
        """Close the browser and Playwright, and stop the thread."""
        asyncio.run_coroutine_threadsafe(self._close(), self._loop).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
        self._tmp.cleanup()
