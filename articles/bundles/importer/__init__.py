"""
Importing a release bundle: check everything first, then write everything in
one transaction.

The plan phase reads the bundle, the images and the matching rows, applies the
models' own field rules and clean() methods, and works out what would change;
it writes nothing, which is all --dry-run needs. The write phase uses bulk
queries (tens of thousands of rows are routine for an archive), so it does
by hand what Article.save() would do: sanitise the body, strip the lead, bump
the version and the update time of releases that changed. Records whose
values, children and image contents already match are not written at all,
which is what makes a second import of the same bundle a no-op.
"""

from articles.bundles.importer.report import ImportReport, Tally
from articles.bundles.importer.run import releases_import

__all__ = ["ImportReport", "Tally", "releases_import"]
