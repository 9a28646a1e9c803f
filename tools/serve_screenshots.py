"""Screenshots of ``matrix serve`` for the README: the 核对 and 生成 pages of the default plan.

Runs the page on a free port with a scratch workspace, drives Debian's Chromium through Playwright
(as the browser test does), and writes ``docs/img/serve-review.png`` and ``docs/img/serve-generate.png``.

Usage: ``python tools/serve_screenshots.py [--out docs/img]``
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import expect, sync_playwright

from matrix.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plan_source" / "00_zizhu_chuangxin_2008.txt"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(argv: list[str] | None = None) -> int:
    """Take the two screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("需要 Chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory(prefix="matrix-shots-") as tmp:
        server = uvicorn.Server(
            uvicorn.Config(create_app(Path(tmp) / "work", port=port), port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch_persistent_context(
                    str(Path(tmp) / "profile"),
                    executable_path=chromium,
                    headless=True,
                    args=ARGS,
                    viewport={"width": 1280, "height": 900},
                    locale="zh-CN",
                )
                page = browser.new_page()
                page.goto(base + "/")
                page.set_input_files("#plan-file", str(PLAN))
                page.click("#upload-form button[type=submit]")
                page.wait_for_url("**/plans/*")
                page.locator("tr[id='task-二.一.2'] a.button").click()
                page.fill("textarea[name=participants]", "市农办\n市林业局\n市水利局\n市气象局")
                page.fill("input[name=reason]", "按市政府办公室意见增加市气象局")
                page.click("#correct-form button[type=submit]")
                page.wait_for_url("**/plans/*")
                page.locator("tr[id='task-二.一.1'] .toggle").click()
                args.out.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.out / "serve-review.png"))
                page.click("nav.steps >> text=生成")
                page.fill("input[name=doc_number]", "**政办发〔2026〕12号")
                page.fill("input[name=date]", "2026-12-01")
                page.fill("input[name=feedback_deadline]", "2026年12月31日")
                page.click("#letter button[type=submit]")
                page.click("#build-button")
                expect(page.locator("#build-status")).to_contain_text("已完成", timeout=120_000)
                top = {"x": 0, "y": 0, "width": 1280, "height": 1250}
                page.screenshot(path=str(args.out / "serve-generate.png"), full_page=True, clip=top)
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=30)
    print(f"{args.out / 'serve-review.png'}, {args.out / 'serve-generate.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
