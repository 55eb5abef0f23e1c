"""
Release bundles: speakers, events and releases in one versioned JSON document
with their images, for moving releases between sites and to and from archives.
docs/bundle-format.md describes the format; the read-only API serves the same
objects.
"""

from articles.bundles.errors import BundleError, Problem
from articles.bundles.exporter import (
    ExportError,
    ExportReport,
    bundle_bytes,
    releases_export,
    releases_for_export,
)
from articles.bundles.importer import ImportReport, Tally, releases_import
from articles.bundles.shapes import FORMAT_NAME, FORMAT_VERSION

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "BundleError",
    "ExportError",
    "ExportReport",
    "ImportReport",
    "Problem",
    "Tally",
    "bundle_bytes",
    "releases_export",
    "releases_for_export",
    "releases_import",
]
