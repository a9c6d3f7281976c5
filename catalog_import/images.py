"""The product photos sent beside a sheet: a folder (at the console) or a ZIP archive.

Photos are found by file name, ignoring case and folders inside the archive; a name written
without its extension matches when only one file has that stem. The archive is never unpacked to
disk, and an archive with an absolute path or a `..` in any entry is refused as a whole: it was
made to write outside the folder it would be unpacked in.
"""

import os
import unicodedata
import zipfile
from abc import ABC, abstractmethod
from collections import defaultdict
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from django.utils.translation import gettext as _

from catalog_import.errors import CatalogImportErrorCode as Code
from catalog_import.errors import ImportRejected
from catalog_import.readers import file_size
from marketplace.privacy.images import MAX_UPLOAD_BYTES

MAX_ARCHIVE_ENTRIES = 20_000
_UTF8_NAMES_FLAG = 0x800


class ImageTooLarge(ValueError):
    pass


class ImageSource(ABC):
    """Files by name; `find` answers the key to `read`, or None."""

    def __init__(self) -> None:
        self._by_name: dict[str, str] = {}
        self._by_stem: dict[str, list[str]] = defaultdict(list)

    def _add(self, key: str, file_name: str) -> None:
        name = _normal_name(file_name)
        if not name or name.startswith("."):
            return  # folders, and files such as .DS_Store
        self._by_name.setdefault(name, key)
        self._by_stem[PurePosixPath(name).stem].append(key)

    def find(self, name: str) -> str | None:
        wanted = _normal_name(name)
        if wanted in self._by_name:
            return self._by_name[wanted]
        if not PurePosixPath(wanted).suffix:
            candidates = self._by_stem.get(wanted, [])
            if len(candidates) == 1:
                return candidates[0]
        return None

    @abstractmethod
    def read(self, key: str) -> bytes:
        """The file's bytes; raises `ImageTooLarge` without reading a file over the limit."""

    def close(self) -> None:  # noqa: B027 - folders hold nothing open
        pass

    def __enter__(self) -> "ImageSource":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class FolderImages(ImageSource):
    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root
        for path in sorted(root.rglob("*")):
            if path.is_file():
                self._add(str(path), path.name)

    def read(self, key: str) -> bytes:
        path = Path(key)
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise ImageTooLarge(key)
        return path.read_bytes()


class ZipImages(ImageSource):
    def __init__(self, file: BinaryIO, *, max_bytes: int, owns_file: bool = False) -> None:
        super().__init__()
        self.file = file
        self.owns_file = owns_file
        if file_size(file) > max_bytes:
            raise ImportRejected(
                _("The images ZIP is larger than %(limit)s MB.")
                % {"limit": max_bytes // (1024 * 1024)},
                code=Code.FILE_TOO_LARGE,
                field="images",
            )
        try:
            self.archive = zipfile.ZipFile(file)
        except (zipfile.BadZipFile, OSError) as error:
            raise ImportRejected(
                _("The images file is not a ZIP archive."),
                code=Code.UNSUPPORTED_FILE,
                field="images",
            ) from error
        entries = self.archive.infolist()
        if len(entries) > MAX_ARCHIVE_ENTRIES:
            self.archive.close()
            raise ImportRejected(
                _("The images ZIP holds more than %(limit)s files.")
                % {"limit": f"{MAX_ARCHIVE_ENTRIES:,}"},
                code=Code.FILE_TOO_LARGE,
                field="images",
            )
        self._entries: dict[str, zipfile.ZipInfo] = {}
        for entry in entries:
            name = _entry_name(entry)
            if _is_unsafe(name):
                self.archive.close()
                raise ImportRejected(
                    _(
                        "The images ZIP was refused: the entry “%(name)s” points outside the "
                        "archive. Make the ZIP again from the folder of photos."
                    )
                    % {"name": name},
                    code=Code.UNSAFE_ARCHIVE,
                    field="images",
                )
            if entry.is_dir():
                continue
            self._entries[entry.filename] = entry
            self._add(entry.filename, name.replace("\\", "/").rsplit("/", 1)[-1])

    def read(self, key: str) -> bytes:
        entry = self._entries[key]
        if entry.file_size > MAX_UPLOAD_BYTES:
            raise ImageTooLarge(key)
        with self.archive.open(entry) as member:
            # The size in the directory can lie: never read more than the limit.
            data = member.read(MAX_UPLOAD_BYTES + 1)
        if len(data) > MAX_UPLOAD_BYTES:
            raise ImageTooLarge(key)
        return data

    def close(self) -> None:
        self.archive.close()
        if self.owns_file:
            self.file.close()


def open_images(
    source: str | os.PathLike | BinaryIO | None, *, max_bytes: int
) -> ImageSource | None:
    """A folder path, a ZIP path or an opened ZIP file as an `ImageSource`; None for None."""
    if source is None:
        return None
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if path.is_dir():
            return FolderImages(path)
        if not path.is_file():
            raise ImportRejected(
                _("There is no images folder or ZIP at “%(path)s”.") % {"path": path},
                code=Code.NOT_FOUND,
                field="images",
            )
        file = open(path, "rb")  # noqa: SIM115 - the source closes it
        try:
            return ZipImages(file, max_bytes=max_bytes, owns_file=True)
        except BaseException:
            file.close()
            raise
    return ZipImages(source, max_bytes=max_bytes)


def _normal_name(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return unicodedata.normalize("NFC", base).strip().casefold()


def _entry_name(entry: zipfile.ZipInfo) -> str:
    """The entry's name as written: many archivers store UTF-8 names without saying so, which
    Python then reads as code page 437."""
    if entry.flag_bits & _UTF8_NAMES_FLAG:
        return entry.filename
    try:
        return entry.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return entry.filename


def _is_unsafe(name: str) -> bool:
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return True  # absolute, or a Windows drive such as C:
    return ".." in normal.split("/")
