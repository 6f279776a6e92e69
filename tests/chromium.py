"""Debian's headless Chromium for the browser tests: whether it is there, the one rule for
a missing prerequisite (skip here, fail under CI, which installs it), and the driver."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALLED = CHROMIUM.exists() and CHROMEDRIVER.exists()
MISSING = (f"{CHROMIUM} and {CHROMEDRIVER} (Debian packages chromium and chromium-driver) "
           "are not installed here")


def unavailable(why: str, *, module: bool = False) -> NoReturn:
    """Skip for want of ``why``; under CI=true, where .ci/run installs everything, fail."""
    if os.environ.get("CI") == "true":
        pytest.fail(why, pytrace=False)
    pytest.skip(why, allow_module_level=module)


@contextmanager
def headless_chromium(wait: float) -> Iterator[WebDriver]:
    """A headless Chromium in a throw-away profile, page loads and scripts bounded by
    ``wait`` seconds; quit and its profile removed on leaving."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="spkg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # An explicit driver path: selenium-manager never runs, so nothing is downloaded.
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(wait)
    driver.set_script_timeout(wait)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
