"""
Where a bundle comes from: a JSON file, a folder holding bundle.json, or a zip
with bundle.json at its root. Images are named by paths relative to the JSON
file; a path may never leave the bundle, whatever its spelling.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.utils.translation import gettext as _

from articles.bundles.errors import BundleError, Problem
from articles.bundles.shapes import BUNDLE_JSON
from articles.images import file_size

# bundle.json of 10,000 releases is about 20 MB; this only stops a zip member
# that claims to be absurdly large from being inflated into memory.
MAX_JSON_BYTES = 512 * 1024 * 1024


class Unreadable(Exception):
    """An image path that names nothing usable; the message says why."""


def bundle_path_problem(path: str) -> str | None:
    """Why ``path`` cannot name a file inside a bundle, or None if it can."""
    if not path:
        return _("the path is empty")
    pure = PurePosixPath(path)
    if (
        "\\" in path
        or pure.is_absolute()
        or ".." in pure.parts
        or (pure.parts and ":" in pure.parts[0])
    ):
        return _("“%(path)s” leaves the bundle; use a relative path such as images/photo.jpg") % {
            "path": path
        }
    return None


def normalise(path: str) -> str:
    return posixpath.normpath(path)


class Source:
    name: str

    def json_bytes(self) -> bytes:
        raise NotImplementedError

    def image_bytes(self, path: str) -> bytes:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _check_size(self, path: str, size: int) -> None:
        if size > settings.NEWSROOM_MAX_UPLOAD_BYTES:
            raise Unreadable(
                _("“%(path)s” is %(size)s; the limit is %(limit)s.")
                % {
                    "path": path,
                    "size": file_size(size, up=True),
                    "limit": file_size(settings.NEWSROOM_MAX_UPLOAD_BYTES),
                }
            )


class FileSource(Source):
    def __init__(self, json_file: Path):
        self.json_file = json_file
        self.base = json_file.parent.resolve()
        self.name = str(json_file)

    def json_bytes(self) -> bytes:
        try:
            return self.json_file.read_bytes()
        except OSError as exc:
            raise BundleError(self.name, [Problem("", "", exc.strerror or str(exc))]) from exc

    def image_bytes(self, path: str) -> bytes:
        target = (self.base / normalise(path)).resolve()
        # A symbolic link inside the folder may still point outside it.
        if not target.is_relative_to(self.base):
            raise Unreadable(bundle_path_problem("../" + path) or path)
        if not target.is_file():
            raise Unreadable(_("“%(path)s”: no such file in the bundle") % {"path": path})
        self._check_size(path, target.stat().st_size)
        return target.read_bytes()


class ZipSource(Source):
    def __init__(self, path: Path):
        self.name = str(path)
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise BundleError(
                self.name, [Problem("", "", _("the file is not a valid zip archive"))]
            ) from exc
        escaping = [
            info.filename for info in self.zip.infolist() if bundle_path_problem(info.filename)
        ]
        if escaping:
            self.zip.close()
            raise BundleError(
                self.name,
                [
                    Problem(
                        "",
                        "",
                        _("the zip holds a path that leaves its folder: “%(path)s”")
                        % {"path": name},
                    )
                    for name in escaping
                ],
            )
        self.members = {normalise(info.filename): info for info in self.zip.infolist()}

    def json_bytes(self) -> bytes:
        info = self.members.get(BUNDLE_JSON)
        if info is None:
            raise BundleError(
                self.name,
                [Problem("", "", _("the zip has no bundle.json at its root"))],
            )
        if info.file_size > MAX_JSON_BYTES:
            raise BundleError(self.name, [Problem("", BUNDLE_JSON, _("the file is too large"))])
        try:
            return self._read(info)
        except Unreadable as exc:
            raise BundleError(self.name, [Problem("", "", str(exc))]) from exc

    def image_bytes(self, path: str) -> bytes:
        info = self.members.get(normalise(path))
        if info is None or info.is_dir():
            raise Unreadable(_("“%(path)s”: no such file in the bundle") % {"path": path})
        self._check_size(path, info.file_size)
        return self._read(info)

    def _read(self, info: zipfile.ZipInfo) -> bytes:
        try:
            return self.zip.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise Unreadable(
                _("“%(path)s” cannot be read from the zip: %(error)s")
                % {"path": info.filename, "error": exc}
            ) from exc

    def close(self) -> None:
        self.zip.close()


def open_source(path: Path) -> Source:
    if path.is_dir():
        json_file = path / BUNDLE_JSON
        if not json_file.is_file():
            raise BundleError(str(path), [Problem("", "", _("the folder has no bundle.json"))])
        return FileSource(json_file)
    if not path.exists():
        raise BundleError(str(path), [Problem("", "", _("no such file or folder"))])
    if path.suffix.lower() == ".zip":
        return ZipSource(path)
    return FileSource(path)
