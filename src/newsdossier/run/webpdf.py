"""A webpdf exporter that prints with the system's Chromium (Debian's /usr/bin/chromium).

nbconvert's WebPDFExporter launches Playwright's own Chromium build, which cannot be downloaded
on machines that reach only package registries; Playwright can drive the distribution's
browser instead when given its path.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import shutil
import tempfile
from pathlib import Path

from nbconvert.exporters.webpdf import WebPDFExporter
from traitlets import Int, Unicode, default

from newsdossier.paths import PACKAGE_DIR

log = logging.getLogger(__name__)
CHROMIUM_ENV = "NEWSDOSSIER_CHROMIUM"
CHARTS_DRAWN = (
    "() => [...document.querySelectorAll('.plotly-graph-div')].every(c => c.querySelector('svg.main-svg'))"
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

    def run_playwright(self, html: str) -> bytes:
        """Print the HTML page to PDF in the system Chromium."""
        if not Path(self.executable_path).exists():
            raise RuntimeError(
                f"Chromium not found at {self.executable_path}; install it (apt-get install chromium) "
                f"or set {CHROMIUM_ENV}"
            )

        async def render(page_path: str) -> bytes:
            from playwright.async_api import TimeoutError as PlaywrightTimeoutError
            from playwright.async_api import async_playwright

            async with async_playwright() as pw:
                browser = await pw.chromium.launch(
                    executable_path=self.executable_path,
                    args=BROWSER_ARGS,
                    handle_sigint=False,
                    handle_sigterm=False,
                    handle_sighup=False,
                )
                try:
                    page = await browser.new_page()
                    await page.emulate_media(media="print")
                    await page.goto(f"file://{page_path}", wait_until="load")
                    # every plotly chart has drawn its SVG (a fixed wait misses charts on a busy machine)
                    try:
                        await page.wait_for_function(CHARTS_DRAWN, timeout=self.chart_timeout)
                    except PlaywrightTimeoutError:
                        log.warning(
                            "not every chart was drawn after %d ms; printing the PDF anyway",
                            self.chart_timeout,
                        )
                    await page.wait_for_timeout(self.page_render_timeout)
                    return await page.pdf(print_background=True, prefer_css_page_size=True)
                finally:
                    await browser.close()

        with tempfile.TemporaryDirectory(prefix="newsdossier-pdf-") as tmp:
            page_path = str(Path(tmp) / "report.html")
            Path(page_path).write_text(html, encoding="utf-8")
            # nbconvert may be called from a running event loop (a notebook): use a worker thread.
            with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
                return pool.submit(asyncio.run, render(page_path)).result()
