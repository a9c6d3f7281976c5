"""Small builders for test data, going through the same services the application uses."""

import io
from itertools import count

from PIL import Image

from marketplace.catalog import services
from marketplace.catalog.models import (
    Attribute,
    AttributeInputType,
    CategoryTranslation,
    ProductType,
)
from marketplace.channels.models import Channel
from marketplace.core.permissions import SYSTEM
from vendors import services as vendor_services
from vendors.models import Booth, BoothStatus

_sequence = count(1)


def channel(slug: str = "default-channel") -> Channel:
    found, _ = Channel.objects.get_or_create(
        slug=slug, defaults={"name": "Việt Nam", "currency_code": "VND", "countries": ["VN"]}
    )
    return found


def booth(
    name: str | None = None, *, province: str = "gia_lai", status=BoothStatus.APPROVED, **fields
) -> Booth:
    """A booth created and taken to `status` through the booth services."""
    number = next(_sequence)
    name = name or f"Tổ hợp tác số {number}"
    created = vendor_services.create_booth(
        actor=SYSTEM, name=name, slug=f"booth-{number}", province=province, **fields
    )
    path = {
        BoothStatus.APPLIED: [],
        BoothStatus.APPROVED: [BoothStatus.APPROVED],
        BoothStatus.SUSPENDED: [BoothStatus.APPROVED, BoothStatus.SUSPENDED],
        BoothStatus.CLOSED: [BoothStatus.CLOSED],
    }[status]
    for step in path:
        created = vendor_services.change_booth_status(
            actor=SYSTEM, booth=created, to_status=step, reason="Test set-up"
        )
    return created


def product_type(slug: str = "food") -> ProductType:
    found, _ = ProductType.objects.get_or_create(slug=slug, defaults={"name": "Thực phẩm"})
    return found


def category(name: str = "Mật ong", *, parent=None, english: str | None = None):
    created = services.create_category(name=name, slug=f"cat-{next(_sequence)}", parent=parent)
    if english:
        CategoryTranslation.objects.create(
            category=created, language_code="en", name=english, slug=f"{created.slug}-en"
        )
    return created


def product(
    name: str = "Mật ong rừng",
    *,
    vendor=None,
    price: int = 125000,
    prices: list[int] | None = None,
    quantity: int = 10,
    sales_channel=None,
    category=None,
    publish: bool = True,
    english: str | None = None,
    attribute_values=(),
    **publish_options,
):
    """A product with one variant per price, stock `quantity` each, published in the channel."""
    sales_channel = sales_channel or channel()
    vendor = vendor or booth()
    number = next(_sequence)
    translations = {"en": {"name": english, "slug": f"p-{number}-en"}} if english else None
    created = services.create_product(
        vendor=vendor,
        product_type=product_type(),
        name=name,
        slug=f"p-{number}",
        category=category,
        description=f"{name}: mô tả sản phẩm.",
        translations=translations,
        attribute_values=attribute_values,
    )
    for i, amount in enumerate(prices or [price]):
        services.create_variant(
            product=created,
            sku=f"SKU-{number}-{i}",
            name=f"Loại {i + 1}",
            prices={sales_channel: amount},
            quantity=quantity,
        )
    if publish:
        services.publish_product(product=created, channel=sales_channel, **publish_options)
    return created


def attribute(slug: str, input_type=AttributeInputType.BOOLEAN, **fields) -> Attribute:
    found, _ = Attribute.objects.get_or_create(
        slug=slug, defaults={"name": slug.title(), "input_type": input_type, **fields}
    )
    return found


def jpeg_with_gps() -> bytes:
    """A small JPEG carrying EXIF with a GPS position, as a phone camera writes it."""
    image = Image.new("RGB", (64, 48), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 12.0)}
    exif[0x8825] = gps
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()
