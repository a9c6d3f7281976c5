"""Product photos from a folder or a ZIP beside the sheet: matched by name, stored without EXIF,
added once; unsafe archives refused."""

import io
import zipfile

import pytest
from PIL import Image

from catalog_import.errors import CatalogImportErrorCode, ImportRejected, Severity
from marketplace.catalog.models import ProductMedia
from tests import factories

HEADERS = ["SKU", "Name", "Category", "Price", "Image file names"]


def row(sku: str, images: str) -> list[str]:
    return [sku, f"Mật ong {sku}", "Mật ong", "125000", images]


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def has_exif(media: ProductMedia) -> bool:
    with media.image.open("rb") as file, Image.open(file) as image:
        return bool(image.getexif()) or "exif" in image.info


def test_images_from_a_folder_are_stored_without_exif(booth, honey, import_rows, tmp_path):
    folder = tmp_path / "anh"
    folder.mkdir()
    (folder / "mat-ong-1.jpg").write_bytes(factories.jpeg_with_gps())
    (folder / "Mat-Ong-2.JPG").write_bytes(_jpeg_with_gps((10, 20, 30)))

    result = import_rows(
        booth, [row("MO-1", "mat-ong-1.jpg; mat-ong-2.jpg")], headers=HEADERS, images=folder
    )

    assert result.created == 1 and not result.problems
    media = list(ProductMedia.objects.filter(product__vendor=booth))
    assert len(media) == 2
    with (folder / "Mat-Ong-2.JPG").open("rb") as file, Image.open(file) as original:
        assert original.getexif()
    assert not any(has_exif(item) for item in media)
    assert media[0].alt == "Mật ong MO-1"


def test_images_from_a_zip_are_matched_by_file_name_in_any_folder(
    booth, honey, import_rows, tmp_path
):
    archive = tmp_path / "anh.zip"
    archive.write_bytes(
        zip_of({"photos/mật-ong.jpg": factories.jpeg_with_gps(), "__MACOSX/._x": b""})
    )

    result = import_rows(booth, [row("MO-1", "mật-ong.jpg")], headers=HEADERS, images=archive)

    assert result.created == 1 and not result.problems
    [media] = ProductMedia.objects.all()
    assert not has_exif(media)


def test_importing_the_same_images_again_adds_nothing(booth, honey, import_rows, tmp_path):
    archive = tmp_path / "anh.zip"
    archive.write_bytes(zip_of({"a.jpg": factories.jpeg_with_gps()}))
    import_rows(booth, [row("MO-1", "a.jpg")], headers=HEADERS, images=archive)

    again = import_rows(booth, [row("MO-1", "a.jpg")], headers=HEADERS, images=archive)
    assert again.unchanged == 1
    assert ProductMedia.objects.count() == 1

    archive.write_bytes(zip_of({"a.jpg": factories.jpeg_with_gps(), "b.png": _png()}))
    added = import_rows(booth, [row("MO-1", "a.jpg; b")], headers=HEADERS, images=archive)
    assert added.updated == 1
    assert ProductMedia.objects.count() == 2


def _jpeg_with_gps(colour) -> bytes:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (10.0, 1.0, 2.0), 3: "E", 4: (106.0, 1.0, 2.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), colour).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 90, 0)).save(buffer, "PNG")
    return buffer.getvalue()


def test_missing_and_broken_images_are_reported_per_row_and_the_product_imported(
    booth, honey, import_rows, tmp_path
):
    archive = tmp_path / "anh.zip"
    archive.write_bytes(zip_of({"hong.jpg": b"not an image"}))

    result = import_rows(
        booth,
        [row("MO-1", "khong-co.jpg"), row("MO-2", "hong.jpg")],
        headers=HEADERS,
        images=archive,
    )

    assert result.created == 2 and result.ok
    problems = {(p.row, p.code, p.severity) for p in result.problems}
    assert problems == {
        (2, CatalogImportErrorCode.IMAGE_NOT_FOUND, Severity.WARNING),
        (3, CatalogImportErrorCode.IMAGE_INVALID, Severity.WARNING),
    }
    assert not ProductMedia.objects.exists()


def test_without_an_images_source_the_names_are_ignored_with_a_note(booth, honey, import_rows):
    result = import_rows(booth, [row("MO-1", "a.jpg")], headers=HEADERS)
    assert result.created == 1
    [note] = result.problems
    assert (note.row, note.severity) == (None, Severity.INFO)


@pytest.mark.parametrize(
    "entry",
    ["../../etc/cron.d/x.jpg", "/etc/passwd", "anh/../../x.jpg", "C:\\Windows\\x.jpg", "..\\x.jpg"],
)
def test_zip_entries_that_escape_the_archive_are_refused(
    booth, honey, import_rows, tmp_path, entry
):
    archive = tmp_path / "anh.zip"
    archive.write_bytes(
        zip_of({"ok.jpg": factories.jpeg_with_gps(), entry: factories.jpeg_with_gps()})
    )

    with pytest.raises(ImportRejected) as caught:
        import_rows(booth, [row("MO-1", "ok.jpg")], headers=HEADERS, images=archive)

    assert caught.value.code == CatalogImportErrorCode.UNSAFE_ARCHIVE
    assert caught.value.field == "images"
    assert not booth.products.exists()


def test_an_images_file_that_is_not_a_zip_is_refused(booth, honey, import_rows, tmp_path):
    fake = tmp_path / "anh.zip"
    fake.write_bytes(b"nope")
    with pytest.raises(ImportRejected) as caught:
        import_rows(booth, [row("MO-1", "a.jpg")], headers=HEADERS, images=fake)
    assert caught.value.code == CatalogImportErrorCode.UNSUPPORTED_FILE


def test_dry_run_checks_images_without_storing_them(booth, honey, import_rows, tmp_path):
    archive = tmp_path / "anh.zip"
    archive.write_bytes(zip_of({"a.jpg": factories.jpeg_with_gps(), "b.jpg": b"broken"}))
    result = import_rows(
        booth, [row("MO-1", "a.jpg; b.jpg")], headers=HEADERS, images=archive, dry_run=True
    )
    assert [p.code for p in result.problems] == [CatalogImportErrorCode.IMAGE_INVALID]
    assert not ProductMedia.objects.exists()
