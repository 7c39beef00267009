"""Settings of the server that the browser tests start: the test settings, plus media.

Each process of `portal.settings.test` makes its own temporary MEDIA_ROOT, so the images that
`load_demo_data` saves would be gone for the server. The browser tests share one MEDIA_ROOT
between the commands and the server, which serves it under /media/ as production does
(`portal.media.views`), so that a page shows its real images, as a resident would see them.
"""

import os

from portal.settings.test import *  # noqa: F403

MEDIA_ROOT = os.environ["BROWSER_TEST_MEDIA_ROOT"]
# A programme type with date, time and date-and-time fields (tests.browser.dated_plugin).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.browser.dated_plugin"]  # noqa: F405
