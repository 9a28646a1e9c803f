"""``matrix serve`` in a real browser: Debian's Chromium driven by Playwright, the clerk's eight steps.

Playwright cannot download its own browser here, so it is told to use the installed Chromium
(``.ci/run`` installs Debian's ``chromium``); the test skips only when no Chromium is installed.
"""

from __future__ import annotations

import io
import shutil
import socket
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
import uvicorn
from conftest import DEFAULT_PLAN

from matrix.web.app import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
)

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TASK = "三.四"
"""The task corrected: 加强财政科技投入, led by 市财政局; 市统计局 is added as a participant."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """``matrix serve``'s application under uvicorn on a free port, for the length of a test."""
    port = free_port()
    config = uvicorn.Config(
        create_app(tmp_path / "work", port=port), host="127.0.0.1", port=port, log_level="warning"
    )
    served = uvicorn.Server(config)
    thread = threading.Thread(target=served.run, daemon=True)
    thread.start()
    for _ in range(200):
        if served.started:
            break
        time.sleep(0.05)
    assert served.started
    yield f"http://127.0.0.1:{port}"
    served.should_exit = True
    thread.join(timeout=30)


def letter_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_clerks_loop_in_chromium(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    assert CHROMIUM is not None
    with sync_playwright() as p, tempfile.TemporaryDirectory(prefix="matrix-chromium-") as profile:
        browser = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=ARGS, accept_downloads=True
        )
        try:
            page = browser.new_page()
            # 1. open the page
            page.goto(server + "/")
            expect(page.locator("h1")).to_have_text("打开计划")
            # 2. upload the default plan
            page.set_input_files("#plan-file", str(DEFAULT_PLAN))
            page.click("#upload-form button[type=submit]")
            page.wait_for_url("**/plans/*")
            # 3. see 25 tasks
            expect(page.locator("tr[id^='task-']")).to_have_count(25)
            expect(page.locator("#task-count")).to_have_text("25")
            page.locator(f"tr[id='task-{TASK}'] .toggle").click()
            expect(page.locator(f"tr[id='source-{TASK}'] mark.role").first).to_be_visible()
            # 4. filter by 市财政局 and see 11
            page.select_option("#dept-filter", "市财政局")
            page.wait_for_url("**dept=*")
            expect(page.locator("tr[id^='task-']")).to_have_count(11)
            expect(page.locator("#task-count")).to_have_text("11")
            # 5. correct one task
            page.locator(f"tr[id='task-{TASK}'] a.button").click()
            page.wait_for_url("**/tasks/**")
            page.fill("textarea[name=participants]", "市科技局\n市统计局")
            page.fill("input[name=reason]", "按市政府办公室意见增加市统计局")
            page.click("#correct-form button[type=submit]")
            page.wait_for_url("**/plans/*")
            expect(page.locator(f"tr[id='task-{TASK}']")).to_have_class("task corrected")
            # 6. build
            page.click("nav.steps >> text=生成")
            page.click("#build-button")
            expect(page.locator("#build-status")).to_contain_text("已完成", timeout=120_000)
            expect(page.locator("#file-list")).to_contain_text("交办通知")
            expect(page.locator("#file-list li")).to_have_count(39 + 2 + 1 + 39)  # letters, workbook, forms
            # 7. download the zip
            with page.expect_download() as info:
                page.click("#zip-link")
            archive = tmp_path / "outputs.zip"
            info.value.save_as(archive)
        finally:
            browser.close()
    # 8. open one letter from it with python-docx and find the correction
    with zipfile.ZipFile(archive) as zf:
        (name,) = [n for n in zf.namelist() if n.startswith("letters/") and n.endswith("-市统计局.docx")]
        text = letter_text(zf.read(name))
    assert "加强财政科技投入" in text


@pytest.mark.parametrize("width", [1280, 800])
def test_the_guide_page_never_scrolls_sideways(server: str, width: int) -> None:
    # a terminal table wider than the page scrolls inside its own box, not the whole guide
    from playwright.sync_api import sync_playwright

    assert CHROMIUM is not None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(server + "/guide")
            scroll, client = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert scroll <= client
            overflows = "Array.from(document.querySelectorAll('pre')).map(e => e.scrollWidth - e.clientWidth)"
            widest = page.evaluate(f"Math.max(...{overflows})")
            assert widest > 0  # the guide does hold a table wider than the page: the test proves something
        finally:
            browser.close()
