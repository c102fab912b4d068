"""Library versions in report signatures agree with the packaging metadata."""

from importlib.metadata import version

import pytest

from audit.versions import installed_version


@pytest.mark.parametrize("name", ["langdetect", "lingua-language-detector", "sentencex", "selectolax", "click"])
def test_matches_importlib_metadata(name):
    assert installed_version(name) == version(name)


def test_absent_distribution():
    assert installed_version("no-such-distribution-mtaudit") == "absent"
