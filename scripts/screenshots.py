"""Screenshots of each page kind, for a reviewer to look at: home, search, a country dashboard,
the coverage matrix, a programme, a law, a body, an ILO result, an event, a stored query as a
form and the SPARQL page.

Serves the built graph (or the seeds' graphs) on 127.0.0.1 at a free port, drives Debian's
headless Chromium (packages chromium and chromium-driver; nothing is downloaded), writes one
full-length PNG per page into the folder, then stops the server and the browser:

    .venv/bin/python scripts/screenshots.py                  # → test-artifacts/screenshots/
    .venv/bin/python scripts/screenshots.py --out /tmp/shots --width 1280
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

PAGES = (  # name, path
    ("home", "/"),
    ("search", "/search?q=MKE"),
    ("country-pakistan", "/id/place/pakistan"),
    ("coverage", "/coverage"),
    ("programme-mazdoor-ka-ehsaas", "/id/programme/mazdoor-ka-ehsaas"),
    ("law-kp-employees-social-security-act", "/id/law/kp-employees-social-security-act-2021"),
    ("body-sscf", "/id/organisation/social-security-coordination-forum"),
    ("result-mke", "/id/outcome/001-0844c7bbfea795f9"),
    ("event-mke-adoption", "/id/event/mazdoor-ka-ehsaas-adoption-2021-03"),
    ("stored-query-form", "/queries/c102-gaps?run=1&country="
     "https%3A%2F%2Fw3id.org%2Fspkg%2Fid%2Fplace%2Fpakistan"),
    ("query", "/sparql"),
)
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
MAX_HEIGHT = 6000  # pixels: a very long page is cut rather than making a huge image
START_TIMEOUT = 60.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _name(path: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in path).strip("-") or "home"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("test-artifacts/screenshots"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--page", action="append", default=[], metavar="PATH",
                        help="shoot this path instead of every page kind (repeatable); "
                             "'/id/place/pakistan#events' shows that part")
    parser.add_argument("--first-screen", action="store_true",
                        help="only what a reader sees first (1000 px high), not the whole page")
    args = parser.parse_args(argv)
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        print(f"screenshots: needs {CHROMIUM} and {CHROMEDRIVER} (apt install chromium "
              "chromium-driver)", file=sys.stderr)
        return 2
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from spkg.server.app import ServerConfig, build_state, create_app
    from spkg.server.load import load_quads

    state = build_state(load_quads(None), ServerConfig(timeout=30.0))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(state), host="127.0.0.1", port=port,
                                           access_log=False, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    profile = tempfile.mkdtemp(prefix="spkg-chromium-")
    driver = None
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                print("screenshots: the server did not start", file=sys.stderr)
                return 1
            time.sleep(0.05)
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-background-networking", "--disable-sync",
                     "--disable-component-update", f"--window-size={args.width},1000",
                     f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)),
                                  options=options)
        driver.set_page_load_timeout(60)
        args.out.mkdir(parents=True, exist_ok=True)
        chosen = [(_name(p), p) for p in args.page] or list(PAGES)
        for name, path in chosen:
            driver.set_window_size(args.width, 1000)
            driver.get(f"http://127.0.0.1:{port}{path}")
            if not args.first_screen:
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(args.width, min(int(height) + 40, MAX_HEIGHT))
            target = args.out / f"{name}.png"
            partial = target.with_name(f".{name}.part.png")
            if not driver.save_screenshot(str(partial)):
                print(f"screenshots: {path}: Chromium wrote no image", file=sys.stderr)
                return 1
            partial.replace(target)
            print(target)
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
        server.should_exit = True
        thread.join(timeout=15)
        state.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
