"""Every operation of the API, by who may run it against booth A.

`GUARDED_MUTATIONS` and `PRIVATE_READS` name, for each mutation and each non-public query, a
valid call on booth A's objects and the personas allowed to make it. `PUBLIC_MUTATIONS`,
`SELF_SERVICE_MUTATIONS` and `PUBLIC_QUERIES` name the rest, each with the reason it needs no
entry in the matrix. A field of the schema missing from all of them fails the completeness test.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from marketplace.core.ids import to_global_id
from marketplace.core.permissions import Permission
from tests.permissions.personas import (
    ANONYMOUS,
    MANAGER_OF_A,
    MEMBER_OF_A,
    OWNER_OF_A,
    PERSONAS,
    SHOPPER,
    staff_with,
)
from tests.permissions.world import BANK_ACCOUNT, LEGAL_NAME, World, gid, shipping_method_id

EVERYONE_OF_A = frozenset({MEMBER_OF_A, MANAGER_OF_A, OWNER_OF_A})
LEADERS_OF_A = frozenset({MANAGER_OF_A, OWNER_OF_A})
BOOTH_STAFF = staff_with(Permission.MANAGE_VENDORS)
CATALOG_STAFF = staff_with(Permission.MANAGE_PRODUCTS)
CERTIFICATE_STAFF = staff_with(Permission.VERIFY_CERTIFICATES)
CURATORS = staff_with(Permission.CURATE_CONTENT)
IDENTITY_STAFF = staff_with(Permission.VIEW_PRODUCER_IDENTITY)
SIGNED_IN = frozenset(PERSONAS) - {ANONYMOUS}


@dataclass(frozen=True)
class Call:
    """A mutation called with valid arguments on booth A's objects."""

    field: str
    arguments: dict[str, str]  # GraphQL variable name -> type
    variables: Callable[[World], dict[str, Any]]
    allowed: frozenset[str]
    case: str = ""
    prepare: Callable[[World], Any] | None = None
    # Variable path ("file", "input.image") -> (file name, content), sent as a multipart upload.
    files: Callable[[World], dict[str, tuple[str, bytes]]] | None = None

    @property
    def document(self) -> str:
        signature = ", ".join(f"${name}: {kind}" for name, kind in self.arguments.items())
        call = ", ".join(f"{name}: ${name}" for name in self.arguments)
        return (
            f"mutation Call({signature}) {{ {self.field}({call}) {{ errors {{ field code }} }} }}"
        )

    def __str__(self) -> str:
        return f"{self.field}[{self.case}]" if self.case else self.field


@dataclass(frozen=True)
class Read:
    """A query of booth A's private data. `shows(data, world, user)` tells whether the answer
    holds it; a refused persona must not see it, and with `refused_with_error` must get an
    error too (otherwise an empty answer is the refusal), as must the anonymous visitor with
    `needs_sign_in`."""

    field: str
    document: str
    variables: Callable[[World], dict[str, Any]]
    allowed: frozenset[str]
    shows: Callable[[dict, World, Any], bool]
    case: str = ""
    refused_with_error: bool = False
    needs_sign_in: bool = False  # the anonymous visitor gets an error
    prepare: Callable[[World], Any] | None = None

    def __str__(self) -> str:
        return f"{self.field}[{self.case}]" if self.case else self.field


def _later(days: int) -> str:
    return (timezone.now() + timedelta(days=days)).isoformat()


def _jpeg() -> bytes:
    from tests.factories import jpeg_with_gps

    return jpeg_with_gps()


VENDOR_MUTATIONS = [
    Call(
        "vendorCreate",
        {"input": "VendorCreateInput!"},
        lambda w: {"input": {"name": "Nhóm sinh kế Hoa Ban", "province": "dien_bien"}},
        frozenset({BOOTH_STAFF}),
    ),
    Call(
        "vendorUpdate",
        {"id": "ID!", "input": "VendorInput!"},
        lambda w: {"id": gid(w.booth_a), "input": {"description": "Dệt tay từ sợi lanh."}},
        LEADERS_OF_A | {BOOTH_STAFF},
    ),
    Call(
        "vendorUpdate",
        {"id": "ID!", "input": "VendorInput!"},
        lambda w: {"id": gid(w.booth_a), "input": {"bankAccount": "Vietcombank 0071 0001"}},
        LEADERS_OF_A | {BOOTH_STAFF},
        case="bank account",
    ),
    Call(
        "vendorApprove",
        {"id": "ID!", "reason": "String!"},
        lambda w: {"id": gid(w.booth_a), "reason": "Đã khắc phục"},
        frozenset({BOOTH_STAFF}),
        prepare=World.suspend_a,
    ),
    Call(
        "vendorSuspend",
        {"id": "ID!", "reason": "String!"},
        lambda w: {"id": gid(w.booth_a), "reason": "Khiếu nại của khách"},
        frozenset({BOOTH_STAFF}),
    ),
    Call(
        "vendorClose",
        {"id": "ID!", "reason": "String!"},
        lambda w: {"id": gid(w.booth_a), "reason": "Nhóm giải thể"},
        frozenset({BOOTH_STAFF}),
    ),
    Call(
        "vendorMemberInvite",
        {"vendor": "ID!", "email": "String!", "role": "VendorRoleEnum!"},
        lambda w: {"vendor": gid(w.booth_a), "email": "moi@example.org", "role": "MEMBER"},
        frozenset({OWNER_OF_A, BOOTH_STAFF}),
    ),
    Call(
        "vendorMemberUpdate",
        {"id": "ID!", "role": "VendorRoleEnum!"},
        lambda w: {"id": gid(w.membership(MEMBER_OF_A)), "role": "MANAGER"},
        frozenset({OWNER_OF_A, BOOTH_STAFF}),
    ),
    Call(
        "vendorMemberRemove",
        {"id": "ID!"},
        lambda w: {"id": gid(w.membership(MEMBER_OF_A))},
        frozenset({OWNER_OF_A, BOOTH_STAFF}),
    ),
    Call(
        "vendorMemberAdd",
        {"vendor": "ID!", "email": "String!", "role": "VendorRoleEnum!"},
        lambda w: {"vendor": gid(w.booth_a), "email": w.newcomer.email, "role": "OWNER"},
        frozenset({BOOTH_STAFF}),
    ),
    Call(
        "vendorInvitationAccept",
        {"token": "String!"},
        lambda w: {"token": w.invitation.token},
        # Addressed to the shopper: nobody else may use it, whoever they are.
        frozenset({SHOPPER}),
    ),
]

PRODUCER_MUTATIONS = [
    Call(
        "producerProfileCreate",
        {"vendor": "ID!", "input": "ProducerProfileInput!"},
        lambda w: {"vendor": gid(w.booth_a), "input": {"pseudonym": "Chị Mai", "craft": "Dệt"}},
        LEADERS_OF_A | {BOOTH_STAFF},
    ),
    Call(
        "producerProfileUpdate",
        {"id": "ID!", "input": "ProducerProfileInput!"},
        lambda w: {"id": gid(w.producer), "input": {"story": "Chị học dệt từ mẹ."}},
        LEADERS_OF_A | {BOOTH_STAFF},
    ),
    Call(
        "producerProfileUpdate",
        {"id": "ID!", "input": "ProducerProfileInput!"},
        lambda w: {"id": gid(w.producer), "input": {"photo": None}},
        LEADERS_OF_A | {BOOTH_STAFF},
        case="photo",
        files=lambda w: {"input.photo": ("chan-dung.jpg", _jpeg())},
    ),
    Call(
        "producerConsentGrant",
        {"producer": "ID!", "input": "ProducerConsentInput!"},
        lambda w: {"producer": gid(w.producer), "input": {"scope": "STORY"}},
        LEADERS_OF_A | {BOOTH_STAFF},
    ),
    Call(
        "producerConsentRevoke",
        {"id": "ID"},
        lambda w: {"id": gid(w.consent)},
        LEADERS_OF_A | {BOOTH_STAFF},
    ),
    Call(
        "producerConsentRevoke",
        {"producer": "ID"},
        lambda w: {"producer": gid(w.consent.producer)},
        LEADERS_OF_A | {BOOTH_STAFF},
        case="all of a producer",
    ),
    Call(
        "producerIdentityUpdate",
        {"producer": "ID!", "input": "ProducerIdentityInput!"},
        lambda w: {"producer": gid(w.producer), "input": {"phone": "0987 654 321"}},
        frozenset({IDENTITY_STAFF}),
    ),
    Call(
        "producerErase",
        {"producer": "ID!", "reason": "String"},
        lambda w: {"producer": gid(w.identity.producer), "reason": "Chị yêu cầu xoá"},
        frozenset({IDENTITY_STAFF}),
    ),
]

CERTIFICATE_MUTATIONS = [
    Call(
        "certificationCreate",
        {"input": "CertificationCreateInput!"},
        lambda w: {
            "input": {
                "vendor": gid(w.booth_a),
                "kind": "VIETGAP",
                "code": "VietGAP-TT-13-09-64-0100",
                "issuer": "Trung tâm Chứng nhận Phù hợp",
                "issuedAt": (timezone.now() - timedelta(days=10)).isoformat(),
            }
        },
        EVERYONE_OF_A | {CERTIFICATE_STAFF},
    ),
    Call(
        "certificationCreate",
        {"input": "CertificationCreateInput!"},
        lambda w: {
            "input": {
                "product": gid(w.product),
                "kind": "OCOP",
                "stars": 4,
                "code": "Quyết định 1234/QĐ-UBND",
                "issuer": "UBND tỉnh Gia Lai",
                "issuedAt": (timezone.now() - timedelta(days=10)).isoformat(),
            }
        },
        EVERYONE_OF_A | {CERTIFICATE_STAFF},
        case="OCOP of a product",
    ),
    Call(
        "certificationVerify",
        {"id": "ID!"},
        lambda w: {"id": gid(w.submitted_certificate)},
        frozenset({CERTIFICATE_STAFF}),
    ),
    Call(
        "certificationReject",
        {"id": "ID!", "reason": "String!"},
        lambda w: {"id": gid(w.submitted_certificate), "reason": "Ảnh chụp không rõ"},
        frozenset({CERTIFICATE_STAFF}),
    ),
    Call(
        "certificationRevoke",
        {"id": "ID!", "reason": "String!"},
        lambda w: {"id": gid(w.verified_certificate), "reason": "Cơ quan cấp đã thu hồi"},
        frozenset({CERTIFICATE_STAFF}),
    ),
    Call(
        "listingApprove",
        {"product": "ID!"},
        lambda w: {"product": gid(w.product)},
        frozenset({CATALOG_STAFF}),
    ),
    Call(
        "listingReject",
        {"product": "ID!", "reason": "String!"},
        lambda w: {"product": gid(w.product), "reason": "Ảnh có khuôn mặt người sản xuất"},
        frozenset({CATALOG_STAFF}),
    ),
]

CURATION_MUTATIONS = [
    Call(
        "featuredBoothCreate",
        {"input": "FeaturedBoothInput!"},
        lambda w: {
            "input": {
                "vendor": gid(w.booth_a),
                "startsAt": timezone.now().isoformat(),
                "headline": "Thổ cẩm của chị em Ia Mơ Nông",
            }
        },
        frozenset({CURATORS}),
    ),
    Call(
        "featuredBoothUpdate",
        {"id": "ID!", "input": "FeaturedBoothInput!"},
        lambda w: {"id": gid(w.featured_slot), "input": {"headline": "Mùa dệt mới"}},
        frozenset({CURATORS}),
    ),
    Call(
        "featuredBoothDelete",
        {"id": "ID!"},
        lambda w: {"id": gid(w.featured_slot)},
        frozenset({CURATORS}),
    ),
    Call(
        "campaignCreate",
        {"input": "CampaignInput!"},
        lambda w: {
            "input": {
                "name": "Hội chợ Tết",
                "startsAt": timezone.now().isoformat(),
                "endsAt": _later(7),
                "vendors": [gid(w.booth_a)],
            }
        },
        frozenset({CURATORS}),
    ),
    Call(
        "campaignUpdate",
        {"id": "ID!", "input": "CampaignInput!"},
        lambda w: {"id": gid(w.campaign), "input": {"name": "Tuần lễ Tây Nguyên"}},
        frozenset({CURATORS}),
    ),
    Call(
        "campaignDelete",
        {"id": "ID!"},
        lambda w: {"id": gid(w.campaign)},
        frozenset({CURATORS}),
    ),
]

BOOTH_SHOP = EVERYONE_OF_A | {CATALOG_STAFF}

CATALOG_MUTATIONS = [
    Call(
        "catalogImportCreate",
        {"file": "Upload!", "vendor": "ID"},
        lambda w: {"file": None, "vendor": gid(w.booth_a)},
        BOOTH_SHOP,
        files=lambda w: {"file": ("san-pham.csv", w.import_sheet())},
    ),
    Call(
        "productCreate",
        {"input": "ProductCreateInput!"},
        lambda w: {
            "input": {
                "productType": gid(w.product_type),
                "vendor": gid(w.booth_a),
                "name": "Túi thổ cẩm",
            }
        },
        BOOTH_SHOP,
    ),
    Call(
        "productUpdate",
        {"id": "ID", "input": "ProductInput!"},
        lambda w: {"id": gid(w.product), "input": {"name": "Khăn choàng thổ cẩm"}},
        BOOTH_SHOP,
    ),
    Call(
        "productUpdate",
        {"id": "ID", "input": "ProductInput!"},
        lambda w: {"id": gid(w.product), "input": {"rating": 4.5}},
        # Rating a product is moderation, not the booth's own say.
        frozenset({CATALOG_STAFF}),
        case="rating",
    ),
    Call(
        "productUpdate",
        {"id": "ID", "input": "ProductInput!"},
        lambda w: {"id": gid(w.product), "input": {"collections": [gid(w.collection)]}},
        # Collections are curated campaigns: catalogue staff may not, curators may not edit
        # products, and a booth may not put itself forward. No single persona may.
        frozenset(),
        case="collections",
    ),
    Call(
        "productDelete",
        {"id": "ID"},
        lambda w: {"id": gid(w.product)},
        BOOTH_SHOP,
    ),
    Call(
        "productVariantCreate",
        {"input": "ProductVariantCreateInput!"},
        lambda w: {"input": {"product": gid(w.product), "sku": "KTC-2", "attributes": []}},
        BOOTH_SHOP,
    ),
    Call(
        "productVariantUpdate",
        {"id": "ID", "input": "ProductVariantInput!"},
        lambda w: {"id": gid(w.variant), "input": {"name": "Khổ lớn"}},
        BOOTH_SHOP,
    ),
    Call(
        "productVariantUpdate",
        {"sku": "String", "input": "ProductVariantInput!"},
        lambda w: {"sku": w.variant.sku, "input": {"name": "Khổ nhỏ"}},
        BOOTH_SHOP,
        case="by SKU",
    ),
    Call(
        "productVariantDelete",
        {"id": "ID"},
        lambda w: {"id": gid(w.variant)},
        BOOTH_SHOP,
    ),
    Call(
        "productVariantStocksUpdate",
        {"variantId": "ID", "stocks": "[StockInput!]!"},
        lambda w: {
            "variantId": gid(w.variant),
            "stocks": [{"warehouse": gid(w.booth_a), "quantity": 3}],
        },
        BOOTH_SHOP,
    ),
    Call(
        "productVariantStocksUpdate",
        {"sku": "String", "stocks": "[StockInput!]!"},
        lambda w: {"sku": w.variant.sku, "stocks": [{"warehouse": gid(w.booth_a), "quantity": 0}]},
        BOOTH_SHOP,
        case="by SKU",
    ),
    Call(
        "productChannelListingUpdate",
        {"id": "ID!", "input": "ProductChannelListingUpdateInput!"},
        lambda w: {
            "id": gid(w.product),
            "input": {"updateChannels": [{"channelId": gid(w.channel), "isPublished": False}]},
        },
        BOOTH_SHOP,
    ),
    Call(
        "productMediaCreate",
        {"input": "ProductMediaCreateInput!"},
        lambda w: {"input": {"product": gid(w.product), "image": None, "alt": "Khăn"}},
        BOOTH_SHOP,
        files=lambda w: {"input.image": ("khan.jpg", _jpeg())},
    ),
    Call(
        "productMediaDelete",
        {"id": "ID!"},
        lambda w: {"id": gid(w.media)},
        BOOTH_SHOP,
    ),
]

# Self-service mutations that name an object: the address book of booth A's owner is hers alone.
ADDRESS_MUTATIONS = [
    Call(
        "accountAddressUpdate",
        {"id": "ID!", "input": "AddressInput!"},
        lambda w: {"id": gid(w.address), "input": {"streetAddress1": "15 Hàng Bạc"}},
        frozenset({OWNER_OF_A}),
    ),
    Call(
        "accountAddressDelete",
        {"id": "ID!"},
        lambda w: {"id": gid(w.address)},
        frozenset({OWNER_OF_A}),
    ),
    Call(
        "accountSetDefaultAddress",
        {"id": "ID!", "type": "AddressTypeEnum!"},
        lambda w: {"id": gid(w.address), "type": "SHIPPING"},
        frozenset({OWNER_OF_A}),
    ),
]

# Staff who manage orders refund card payments: tests/payments/test_refunds.py refunds real
# payments at localstripe. Here, a transaction and an order that do not exist: the others are
# refused before anything is looked up.
PAYMENT_MUTATIONS: list[Call] = [
    Call(
        "transactionRequestAction",
        {"id": "ID", "actionType": "TransactionActionEnum!"},
        lambda w: {
            "id": to_global_id("TransactionItem", "00000000-0000-4000-8000-000000000000"),
            "actionType": "REFUND",
        },
        frozenset(),
        case="a transaction that does not exist",
    ),
    Call(
        "orderRefund",
        {"id": "ID!", "amount": "PositiveDecimal!"},
        lambda w: {
            "id": to_global_id("Order", "00000000-0000-4000-8000-000000000000"),
            "amount": 1000,
        },
        frozenset(),
        case="an order that does not exist",
    ),
]

GUARDED_MUTATIONS: list[Call] = [
    *PAYMENT_MUTATIONS,
    *VENDOR_MUTATIONS,
    *PRODUCER_MUTATIONS,
    *CERTIFICATE_MUTATIONS,
    *CURATION_MUTATIONS,
    *CATALOG_MUTATIONS,
    *ADDRESS_MUTATIONS,
]

# Open to everyone: they sign people in or act on a secret the caller holds (an emailed token).
PUBLIC_MUTATIONS = {
    "tokenCreate": "signs in with email and password",
    "tokenRefresh": "renews the caller's own token",
    "tokenVerify": "checks a token the caller holds",
    "accountRegister": "creates a new shopper account",
    "confirmAccount": "confirms an account with the token sent to its email",
    "requestPasswordReset": "sends a reset link; the same answer whether the account exists",
    "setPassword": "sets a password with the token sent to the account's email",
    "paymentGatewayInitialize": "starts paying for a checkout whose token the caller holds",
    "transactionInitialize": "starts a card payment for a checkout whose token the caller holds",
    "transactionProcess": "confirms the card payment named by a token only its payer holds",
}

# Signed-in users acting on their own account only; none of them names anyone else's object.
# Each is called here as the anonymous visitor, who must be refused without a trace.
SELF_SERVICE_MUTATIONS: dict[str, tuple[str, dict[str, str], dict[str, Any]]] = {
    "passwordChange": (
        "changes the caller's own password",
        {"newPassword": "String!", "oldPassword": "String"},
        {"newPassword": "mot-mat-khau-moi-dai", "oldPassword": "a-long-pass-phrase"},
    ),
    "accountUpdate": (
        "edits the caller's own profile (acting for a customer is always refused)",
        {"input": "AccountInput!"},
        {"input": {"firstName": "Lan"}},
    ),
    "accountAddressCreate": (
        "adds to the caller's own address book",
        {"input": "AddressInput!"},
        {
            "input": {
                "firstName": "Lan",
                "lastName": "Nguyễn",
                "streetAddress1": "12 Hàng Bạc",
                "city": "hoan kiem",
                "countryArea": "Ha Noi",
                "country": "VN",
                "phone": "0912 345 678",
            }
        },
    ),
    "accountRequestDeletion": (
        "emails the caller a link to delete their own account",
        {"redirectUrl": "String!"},
        {"redirectUrl": "https://cho.example.org/xoa-tai-khoan"},
    ),
    "accountDelete": (
        "deletes the caller's own account with the emailed token",
        {"token": "String!"},
        {"token": "khong-phai-ma-that"},
    ),
}


def _edges(data: dict | None, name: str) -> list[dict]:
    connection = (data or {}).get(name) or {}
    return [edge["node"] for edge in connection.get("edges") or []]


def _private_info(data: dict | None) -> dict:
    return ((data or {}).get("vendor") or {}).get("privateInfo") or {}


PRIVATE_READS: list[Read] = [
    Read(
        "me",
        "query { me { email } }",
        lambda w: {},
        SIGNED_IN,
        lambda data, w, user: bool(user) and (data or {}).get("me") == {"email": user.email},
    ),
    Read(
        "myVendors",
        "query { myVendors { slug } }",
        lambda w: {},
        EVERYONE_OF_A,
        lambda data, w, user: {"slug": w.booth_a.slug} in ((data or {}).get("myVendors") or []),
    ),
    Read(
        "vendor",
        "query Booth($id: ID) { vendor(id: $id) { slug } }",
        lambda w: {"id": gid(w.booth_a)},
        EVERYONE_OF_A | {BOOTH_STAFF},
        lambda data, w, user: bool((data or {}).get("vendor")),
        case="suspended booth",
        prepare=World.suspend_a,
    ),
    Read(
        "vendor",
        "query Booth($id: ID) { vendor(id: $id) { privateInfo { bankAccount commissionRate } } }",
        lambda w: {"id": gid(w.booth_a)},
        LEADERS_OF_A | {BOOTH_STAFF},
        lambda data, w, user: _private_info(data).get("bankAccount") == BANK_ACCOUNT,
        case="privateInfo",
    ),
    Read(
        "vendor",
        "query Booth($id: ID) { vendor(id: $id) { privateInfo { members { email } } } }",
        lambda w: {"id": gid(w.booth_a)},
        frozenset({OWNER_OF_A, BOOTH_STAFF}),
        lambda data, w, user: bool(_private_info(data).get("members")),
        case="privateInfo.members",
    ),
    Read(
        "vendors",
        """query Booths($statuses: [VendorStatusEnum!]) {
            vendors(first: 20, filter: {statuses: $statuses}) { edges { node { slug } } }
        }""",
        lambda w: {"statuses": ["SUSPENDED"]},
        frozenset({BOOTH_STAFF}),
        lambda data, w, user: {"slug": w.booth_a.slug} in _edges(data, "vendors"),
        case="statuses",
        refused_with_error=True,
        prepare=World.suspend_a,
    ),
    Read(
        "certifications",
        "query { certifications(first: 20) { edges { node { id statusReason } } } }",
        lambda w: {},
        EVERYONE_OF_A | {CERTIFICATE_STAFF},
        lambda data, w, user: any(
            node["id"] == gid(w.submitted_certificate) for node in _edges(data, "certifications")
        ),
        needs_sign_in=True,
        prepare=lambda w: w.submitted_certificate,
    ),
    Read(
        "certifications",
        "query { certifications(first: 20) { edges { node { documentUrl } } } }",
        lambda w: {},
        frozenset({CERTIFICATE_STAFF}),
        lambda data, w, user: any(node["documentUrl"] for node in _edges(data, "certifications")),
        case="documentUrl",
        needs_sign_in=True,
        prepare=lambda w: w.scanned_certificate,
    ),
    Read(
        "listingReviews",
        "query { listingReviews(first: 20) { edges { node { product { id } } } } }",
        lambda w: {},
        BOOTH_SHOP,
        lambda data, w, user: {"product": {"id": gid(w.product)}} in _edges(data, "listingReviews"),
        needs_sign_in=True,
        prepare=lambda w: w.product,
    ),
    Read(
        "catalogImport",
        "query Job($id: ID!) { catalogImport(id: $id) { status created } }",
        lambda w: {"id": gid(w.import_job)},
        BOOTH_SHOP,
        lambda data, w, user: bool((data or {}).get("catalogImport")),
        refused_with_error=True,
    ),
    Read(
        "producerIdentity",
        """query Identity($producer: ID!, $reason: String!) {
            producerIdentity(producer: $producer, reason: $reason) { legalName phone }
        }""",
        lambda w: {"producer": gid(w.identity.producer), "reason": "Xác minh chi trả"},
        frozenset({IDENTITY_STAFF}),
        lambda data, w, user: (
            ((data or {}).get("producerIdentity") or {}).get("legalName") == LEGAL_NAME
        ),
        refused_with_error=True,
    ),
    Read(
        "producerAccessLog",
        """query Log($producer: ID) {
            producerAccessLog(first: 20, producer: $producer) { edges { node { action } } }
        }""",
        lambda w: {"producer": gid(w.identity.producer)},
        frozenset({IDENTITY_STAFF}),
        lambda data, w, user: bool(_edges(data, "producerAccessLog")),
        refused_with_error=True,
    ),
]

# The owner of booth B, working on her own booth's objects, names one of booth A's on the way.
CROSS_BOOTH_CALLS: list[Call] = [
    Call(
        "productChannelListingUpdate",
        {"id": "ID!", "input": "ProductChannelListingUpdateInput!"},
        lambda w: {
            "id": gid(w.product_of_b),
            "input": {
                "updateChannels": [{"channelId": gid(w.channel), "addVariants": [gid(w.variant)]}]
            },
        },
        frozenset(),
        case="booth A's variant in B's listing",
    ),
    Call(
        "productVariantCreate",
        {"input": "ProductVariantCreateInput!"},
        lambda w: {
            "input": {
                "product": gid(w.product_of_b),
                "sku": "MO-2",
                "attributes": [],
                "stocks": [{"warehouse": gid(w.booth_a), "quantity": 5}],
            }
        },
        frozenset(),
        case="stock held by booth A",
    ),
    Call(
        "productVariantStocksUpdate",
        {"variantId": "ID", "stocks": "[StockInput!]!"},
        lambda w: {
            "variantId": gid(w.product_of_b.variants.get()),
            "stocks": [{"warehouse": gid(w.booth_a), "quantity": 50}],
        },
        frozenset(),
        case="stock held by booth A",
    ),
    Call(
        "certificationCreate",
        {"input": "CertificationCreateInput!"},
        lambda w: {
            "input": {
                "vendor": gid(w.booth_b),
                "product": gid(w.product),
                "kind": "OCOP",
                "stars": 5,
                "code": "Quyết định 99/QĐ-BNN",
                "issuer": "Bộ Nông nghiệp",
                "issuedAt": (timezone.now() - timedelta(days=10)).isoformat(),
            }
        },
        frozenset(),
        case="booth A's product under booth B",
    ),
    Call(
        "productVariantUpdate",
        {"sku": "String", "input": "ProductVariantInput!"},
        lambda w: {"sku": w.variant.sku, "input": {"name": "Của tôi"}},
        frozenset(),
        case="booth A's SKU",
    ),
]

PUBLIC_QUERIES = {
    "addressValidationRules": "Vietnam's address rules: provinces and wards",
    "campaigns": "campaigns running now, as the storefront shows them",
    "featuredBooths": "booths featured now, as the storefront shows them",
    "categories": "the public catalog",
    "category": "the public catalog",
    "collection": "the public catalog",
    "collections": "the public catalog",
    "product": "published products of open booths only",
    "products": "published products of open booths only",
    "productType": "the types a booth chooses from; no booth data",
    "productTypes": "the types a booth chooses from; no booth data",
    "productVariant": "variants of published products of open booths only",
    "productVariants": "variants of published products of open booths only",
    "channel": "the sales channels",
    "channels": "the sales channels",
    "menu": "storefront navigation",
    "page": "published content pages",
    "pages": "published content pages",
    "vendor": "the public face of open booths (its private parts are in PRIVATE_READS)",
    "vendors": "open booths (listing by status is in PRIVATE_READS)",
}

# Checkout and orders keep their rows beside their own specifications.
from tests.orders import matrix as _orders  # noqa: E402

GUARDED_MUTATIONS += _orders.GUARDED_MUTATIONS
PRIVATE_READS += _orders.PRIVATE_READS
PUBLIC_MUTATIONS.update(_orders.PUBLIC_MUTATIONS)
SELF_SERVICE_MUTATIONS.update(_orders.SELF_SERVICE_MUTATIONS)
PUBLIC_QUERIES.update(_orders.PUBLIC_QUERIES)

# A signed-in shopper's checkout of booth A's scarf is hers alone: anyone else who names it,
# booth A's people and staff included, is told it does not exist and changes nothing. (The
# checkout rows are public above because a checkout without an owner belongs to its token.)
SHOPPERS_CHECKOUT_CALLS: list[Call] = [
    Call(
        "checkoutLinesAdd",
        {"id": "ID", "lines": "[CheckoutLineInput!]!"},
        lambda w: {
            "id": gid(w.shoppers_checkout),
            "lines": [{"variantId": gid(w.variant), "quantity": 1}],
        },
        frozenset({SHOPPER}),
    ),
    Call(
        "checkoutShippingAddressUpdate",
        {"id": "ID", "shippingAddress": "AddressInput!"},
        lambda w: {
            "id": gid(w.shoppers_checkout),
            "shippingAddress": {
                "firstName": "Mai",
                "lastName": "Trần",
                "streetAddress1": "5 Lê Lợi",
                "city": "Bến Thành",
                "countryArea": "HCM",
                "country": "VN",
                "phone": "0903 123 456",
            },
        },
        frozenset({SHOPPER}),
    ),
    Call(
        "checkoutCustomerNoteUpdate",
        {"id": "ID!", "customerNote": "String!"},
        lambda w: {"id": gid(w.shoppers_checkout), "customerNote": "Gói quà giúp tôi"},
        frozenset({SHOPPER}),
    ),
    Call(
        "checkoutDeliveryMethodUpdate",
        {"id": "ID", "deliveryMethodId": "ID"},
        lambda w: {
            "id": gid(w.shoppers_checkout),
            "deliveryMethodId": shipping_method_id("pickup"),
        },
        frozenset({SHOPPER}),
    ),
    Call(
        "checkoutCustomerDetach",
        {"id": "ID"},
        lambda w: {"id": gid(w.shoppers_checkout)},
        frozenset({SHOPPER}),
    ),
    Call(
        "checkoutCustomerAttach",
        {"id": "ID"},
        lambda w: {"id": gid(w.shoppers_checkout)},
        frozenset({SHOPPER}),
    ),
    Call(
        "updateMetadata",
        {"id": "ID!", "input": "[MetadataInput!]!"},
        lambda w: {"id": gid(w.shoppers_checkout), "input": [{"key": "qua", "value": "co"}]},
        frozenset({SHOPPER}),
    ),
    Call(
        "checkoutComplete",
        {"id": "ID"},
        lambda w: {"id": gid(w.shoppers_checkout)},
        frozenset({SHOPPER}),
    ),
]
SHOPPERS_CHECKOUT_READ = Read(
    "checkout",
    "query Checkout($id: ID) { checkout(id: $id) { email } }",
    lambda w: {"id": gid(w.shoppers_checkout)},
    frozenset({SHOPPER}),
    lambda data, w, user: bool((data or {}).get("checkout")),
    case="a signed-in shopper's",
)

# Money between a booth and the platform: who holds the cash is a staff matter, and a parcel's
# commission and share are for the booth's owners and managers and staff, never for the
# shopper or a plain member.
GUARDED_MUTATIONS += [
    Call(
        "vendorOrderConfirmCash",
        {"id": "ID!", "collectedBy": "CashCollectorEnum"},
        lambda w: {
            "id": _orders.gid_of_sub_order(_orders.sub_order(w)),
            "collectedBy": "PLATFORM",
        },
        frozenset({_orders.ORDER_STAFF}),
        case="collected by the platform",
        prepare=_orders.shipped,
    ),
]
PRIVATE_READS += [
    Read(
        "vendorOrder",
        "query Sub($id: ID!) { vendorOrder(id: $id) { commission { amount } } }",
        lambda w: {"id": _orders.gid_of_sub_order(_orders.sub_order(w))},
        LEADERS_OF_A | {_orders.ORDER_STAFF},
        lambda data, w, user: bool(((data or {}).get("vendorOrder") or {}).get("commission")),
        case="commission",
        needs_sign_in=True,
        prepare=_orders.place_order,
    ),
    Read(
        "order",
        "query Order($id: ID) { order(id: $id) { vendorOrders { commission { amount } } } }",
        lambda w: {"id": _orders.gid_of_order(_orders.place_order(w))},
        frozenset({_orders.ORDER_STAFF}),
        lambda data, w, user: any(
            parcel["commission"]
            for parcel in ((data or {}).get("order") or {}).get("vendorOrders") or []
        ),
        case="booths' commission",
        prepare=_orders.place_order,
    ),
    Read(
        "order",
        "query Order($id: ID) { order(id: $id) { userEmail billingAddress { city } } }",
        lambda w: {"id": _orders.gid_of_order(_orders.place_order(w))},
        frozenset({SHOPPER, _orders.ORDER_STAFF}),
        lambda data, w, user: bool(((data or {}).get("order") or {}).get("userEmail")),
        case="billing",
        prepare=_orders.place_order,
    ),
]
