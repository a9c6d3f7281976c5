"""A small, fresh marketplace for one call of the matrix: booth A with its owner, manager and
member, booth B with its owner, the acting persona, and, built only when an operation asks for
them, booth A's products, photos, producers, certificates, slots, campaigns and import jobs.

Everything is made through the application's services (as the operator's own tools, `SYSTEM`),
so the objects are in the states the API expects. `fingerprint()` reads every table of the
project's apps, to tell whether a call changed anything at all.
"""

from datetime import timedelta
from functools import cache, cached_property

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from catalog_import import services as import_services
from marketplace.accounts import services as account_services
from marketplace.accounts.models import User
from marketplace.catalog.models import Collection, ProductVariant
from marketplace.catalog.services import add_product_media
from marketplace.certifications import services as certificate_services
from marketplace.checkout import services as checkout_services
from marketplace.core.ids import to_global_id
from marketplace.core.permissions import SYSTEM
from marketplace.curation import services as curation_services
from marketplace.privacy import services as privacy_services
from tests import factories
from tests.permissions.personas import (
    MANAGER_OF_A,
    MEMBER_OF_A,
    OWNER_OF_A,
    OWNER_OF_B,
    PASSWORD,
    SHOPPER,
    email_of,
    make_persona,
)
from vendors import services as vendor_services
from vendors.models import BoothMember, BoothStatus

ADDRESS = {
    "first_name": "Lan",
    "last_name": "Nguyễn",
    "street_address_1": "12 Hàng Bạc",
    "city": "hoan kiem",
    "country_area": "Ha Noi",
    "country": "VN",
    "phone": "0912 345 678",
}
IMPORT_HEADERS = [
    "SKU",
    "Name (Vietnamese)",
    "Category",
    "Price (VND)",
    "Stock",
    "Publish (yes/no)",
]
LEGAL_NAME = "Hồ Thị Hoa"
BANK_ACCOUNT = "Agribank 5100 2055 88"


def gid(obj) -> str:
    type_name = {
        "Booth": "Vendor",
        "BoothMember": "VendorMember",
        "ImportJob": "CatalogImport",
    }.get(type(obj).__name__, type(obj).__name__)
    # Checkouts are named by their token, not their primary key.
    return to_global_id(type_name, obj.token if type_name == "Checkout" else obj.pk)


def shipping_method_id(code: str) -> str:
    """The ID of a delivery method: `standard` post or `pickup` at the booth."""
    return to_global_id("ShippingMethod", code)


def sheet(*rows: list[str]) -> bytes:
    lines = [IMPORT_HEADERS, *rows]
    return "\n".join(",".join(f'"{cell}"' for cell in line) for line in lines).encode()


class World:
    """Booth A and booth B with their people; the rest on first use."""

    def __init__(self) -> None:
        self.channel = factories.channel()
        self.booth_a = factories.booth(
            "Tổ hợp tác dệt thổ cẩm Ia Mơ Nông", bank_account=BANK_ACCOUNT
        )
        self.booth_b = factories.booth("Hợp tác xã mật ong Krông Pa")
        self.booths = {"a": self.booth_a, "b": self.booth_b}
        self.people: dict[str, User | None] = {}
        for persona in (OWNER_OF_A, MANAGER_OF_A, MEMBER_OF_A, OWNER_OF_B):
            self.person(persona)

    def person(self, persona: str) -> User | None:
        """The account of `persona` in this world (made on first use)."""
        if persona not in self.people:
            self.people[persona] = make_persona(persona, self.booths)
        return self.people[persona]

    def membership(self, persona: str) -> BoothMember:
        return BoothMember.objects.get(user=self.person(persona), booth=self.booth_a)

    def change_status_of_a(self, to_status: str) -> None:
        self.booth_a = vendor_services.change_booth_status(
            actor=SYSTEM, booth=self.booth_a, to_status=to_status, reason="Chuẩn bị kiểm thử"
        )
        self.booths["a"] = self.booth_a

    def suspend_a(self) -> None:
        self.change_status_of_a(BoothStatus.SUSPENDED)

    # --- booth A's things --------------------------------------------------------------------

    @cached_property
    def category(self):
        return factories.category("Thổ cẩm")

    @cached_property
    def product_type(self):
        return factories.product_type()

    @cached_property
    def product(self):
        return factories.product("Khăn thổ cẩm", vendor=self.booth_a, sales_channel=self.channel)

    @cached_property
    def product_of_b(self):
        return factories.product("Mật ong rừng", vendor=self.booth_b, sales_channel=self.channel)

    @cached_property
    def variant(self) -> ProductVariant:
        return self.product.variants.get()

    @cached_property
    def media(self):
        return add_product_media(product=self.product, image=factories.jpeg_with_gps())

    @cached_property
    def producer(self):
        return privacy_services.create_profile(
            actor=SYSTEM, booth=self.booth_a, pseudonym="Chị Hoa", craft="Dệt thổ cẩm"
        )

    @cached_property
    def consent(self):
        return privacy_services.grant_consent(actor=SYSTEM, profile=self.producer, scope="story")

    @cached_property
    def identity(self):
        return privacy_services.update_identity(
            actor=SYSTEM, profile=self.producer, legal_name=LEGAL_NAME, phone="0912 345 678"
        )

    def _certificate(self, code: str, **fields):
        return certificate_services.submit_certificate(
            actor=SYSTEM,
            vendor=self.booth_a,
            kind="vietgap",
            code=code,
            issuer="Trung tâm Chứng nhận Phù hợp",
            issued_at=timezone.now() - timedelta(days=30),
            **fields,
        )

    @cached_property
    def submitted_certificate(self):
        return self._certificate("VietGAP-TT-13-09-64-0001")

    @cached_property
    def verified_certificate(self):
        return certificate_services.verify_certificate(
            actor=SYSTEM, certification=self._certificate("VietGAP-TT-13-09-64-0002")
        )

    @cached_property
    def scanned_certificate(self):
        """A submitted certificate with the scan of the paper, which only verifying staff read."""
        return self._certificate("VietGAP-TT-13-09-64-0003", document=factories.jpeg_with_gps())

    @cached_property
    def collection(self):
        return Collection.objects.create(name="Quà Tết", slug="qua-tet")

    @cached_property
    def featured_slot(self):
        return curation_services.create_featured_booth(
            actor=SYSTEM,
            vendor=self.booth_a,
            channel=self.channel,
            starts_at=timezone.now() - timedelta(days=1),
            headline="Thổ cẩm Ia Mơ Nông",
        )

    @cached_property
    def campaign(self):
        now = timezone.now()
        return curation_services.create_campaign(
            actor=SYSTEM,
            name="Tuần lễ Gia Lai",
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=6),
            channels=[self.channel],
            booths=[self.booth_a],
        )

    @cached_property
    def import_job(self):
        self.category  # noqa: B018 - the sheet names it
        return import_services.create_import_job(
            user=self.person(OWNER_OF_A),
            booth=self.booth_a,
            file=SimpleUploadedFile("san-pham.csv", self.import_sheet()),
        )

    def import_sheet(self) -> bytes:
        self.category  # noqa: B018 - the sheet names it
        return sheet(["TC-1", "Túi thổ cẩm", "Thổ cẩm", "250.000 ₫", "5", "có"])

    @cached_property
    def invitation(self):
        """An invitation to booth A addressed to the shopper."""
        return vendor_services.invite_member(
            actor=SYSTEM, booth=self.booth_a, email=email_of(SHOPPER), role="member"
        )

    @cached_property
    def shoppers_checkout(self):
        """The shopper's own checkout of booth A's scarf, ready to complete (cash on delivery)."""
        checkout = checkout_services.create_checkout(
            user=self.person(SHOPPER),
            channel_slug=self.channel.slug,
            lines=[checkout_services.LineRequest(gid(self.variant), 1)],
            shipping_address=ADDRESS,
            billing_address=ADDRESS,
        )
        return checkout_services.update_delivery_method(
            checkout=checkout, delivery_method_id=shipping_method_id("standard")
        )

    @cached_property
    def newcomer(self) -> User:
        """An account that belongs to no booth and acts in no test: someone to add."""
        return User.objects.create_user("newcomer@example.org", PASSWORD)

    @cached_property
    def address(self):
        """An address in the address book of booth A's owner."""
        return account_services.create_address(user=self.person(OWNER_OF_A), data=ADDRESS)


def _project_models():
    for config in apps.get_app_configs():
        if config.name.startswith(("django.", "graphene_django", "whitenoise")):
            continue
        for model in config.get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy:
                yield model


@cache
def _select_statements() -> list[tuple[str, str]]:
    quote = connection.ops.quote_name
    statements = []
    for model in _project_models():
        meta = model._meta
        columns = ", ".join(quote(field.column) for field in meta.concrete_fields)
        table, pk = quote(meta.db_table), quote(meta.pk.column)
        # Names from the models' own metadata, quoted: nothing a request could influence.
        statements.append((meta.label, f"SELECT {columns} FROM {table} ORDER BY {pk}"))  # noqa: S608
    return statements


def fingerprint() -> dict[str, list[tuple]]:
    """Every row of every table of the project's apps, in primary key order (read with plain
    SQL: the matrix takes this picture twice per call)."""
    rows = {}
    with connection.cursor() as cursor:
        for label, statement in _select_statements():
            cursor.execute(statement)
            rows[label] = cursor.fetchall()
    return rows


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(label for label in before if before[label] != after[label])
