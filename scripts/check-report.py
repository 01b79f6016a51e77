#!/usr/bin/env python3
"""Checks that an infolens report.html renders in headless Chromium with every figure visible.

1. Every <img> of the page decodes: a copy of the page with a load handler that counts decoded
   images is loaded with --dump-dom (the report itself has no script).
2. A screenshot of the whole page is not blank and shows the figures: enough non-white pixels,
   many distinct colours (anti-aliased charts), and at least half as many saturated (markers,
   lines, colour bars) pixels as the embedded figures hold at the size the page shows them.

Usage: check-report.py REPORT.html SCREENSHOT.png
"""
import base64
import io
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--hide-scrollbars"]
COUNT_DECODED = """<script>window.addEventListener("load", function () {
  var decoded = Array.prototype.filter.call(document.images, function (i) { return i.complete && i.naturalWidth > 0; }).length;
  document.body.setAttribute("data-check", "decoded=" + decoded + " images=" + document.images.length
      + " height=" + document.documentElement.scrollHeight);
});</script>
"""


def chromium(*args):
    return subprocess.run(CHROMIUM + list(args), capture_output=True, text=True, timeout=180)


def saturated(rgb):
    """Pixels of clearly coloured ink: what the figures draw in, not text, grids or white."""
    rgb = rgb.astype(np.int16)
    return int(((rgb.max(axis=2) - rgb.min(axis=2)) > 60).sum())


def expected_saturated(html, page_width):
    """Saturated pixels of the embedded PNGs, scaled to the width they are shown at (at most the page's content width)."""
    total = 0.0
    for data in re.findall(r'<img class="figure"[^>]*src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html):
        img = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
        scale = min(1.0, page_width / img.width)
        total += saturated(np.asarray(img)) * scale * scale
    return total


def fail(message):
    print("check-report: FAILED: " + message)
    sys.exit(1)


def main(report, screenshot):
    report = os.path.abspath(report)
    html = open(report, encoding="utf-8").read()
    figures = html.count('<img class="figure"')
    if figures == 0:
        fail(f"{report} has no figures")

    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, "probe.html")
        with open(probe, "w", encoding="utf-8") as f:
            f.write(html.replace("</body>", COUNT_DECODED + "</body>"))
        dom = chromium("--virtual-time-budget=20000", "--dump-dom", "file://" + probe).stdout
    m = re.search(r'data-check="decoded=(\d+) images=(\d+) height=(\d+)"', dom)
    if not m:
        fail("Chromium did not load the page (no load event seen)")
    decoded, images, height = map(int, m.groups())
    print(f"check-report: {decoded} of {images} images decoded ({figures} figures); page height {height} px")
    if decoded != images or images != figures:
        fail(f"{images - decoded} images did not decode")

    chromium(f"--screenshot={screenshot}", f"--window-size=1400,{min(height, 16000)}", "file://" + report)
    shot = np.asarray(Image.open(screenshot).convert("RGB"))
    h, w = shot.shape[:2]
    non_white = float((shot.min(axis=2) < 245).mean())
    colours = len(np.unique(shot.reshape(-1, 3), axis=0))
    shown = saturated(shot)
    expected = expected_saturated(html, w - 2 * 24 - 2)  # the page's side padding and the figures' border
    print(f"check-report: screenshot {w} x {h}: {non_white:.1%} non-white, {colours} distinct colours,"
          f" {shown} saturated pixels where the figures hold {expected:.0f}")
    if non_white < 0.05:
        fail("the screenshot is (nearly) blank")
    if colours < 1000 or shown < 0.5 * expected:
        fail("the screenshot does not show the figures")
    print(f"check-report: ok: {report} renders with its {figures} figures")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
