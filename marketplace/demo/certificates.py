"""Demo certificates, featured booths and a campaign, written through their services.

Certificates come in every state, so that the difference shows: verified OCOP, VietGAP and
organic certificates (badges, filters, search), one that has expired, one waiting for staff, one
rejected with a reason, and one expiring soon (the daily job reminds its booth). Codes and
decision numbers are invented and say so ("minh hoạ" means "sample").
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from marketplace.certifications import services as certificates
from marketplace.certifications.models import Certification
from marketplace.core.permissions import SYSTEM
from marketplace.curation import services as curation
from marketplace.curation.models import Campaign
from marketplace.demo.pictures import draw_banner
from vendors.models import BoothStatus

VERIFIED, SUBMITTED, REJECTED, EXPIRED = "verified", "submitted", "rejected", "expired"
CAMPAIGN_SLUG = "tuan-le-gia-lai"


@dataclass(frozen=True)
class DemoCertificate:
    kind: str
    booth: str  # slug of a demo booth
    code: str
    issuer: str
    state: str
    product: str | None = None  # slug of a base demo product (OCOP)
    stars: int | None = None
    issued_days_ago: int = 200
    expires_in_days: int | None = None  # the kind's usual validity when None
    product_group: str = ""
    scope: str = ""
    standard: str = ""
    reason: str = ""


CERTIFICATES = (
    DemoCertificate(
        "ocop",
        "nhom-sinh-ke-hoa-rung",
        "QĐ 1201/QĐ-UBND (minh hoạ)",
        "UBND tỉnh Gia Lai",
        VERIFIED,
        product="mat-ong-rung-nguyen-chat",
        stars=4,
        product_group="Thực phẩm",
    ),
    DemoCertificate(
        "ocop",
        "htx-phu-nu-nui-xanh",
        "QĐ 88/QĐ-TTg (minh hoạ)",
        "Hội đồng OCOP Trung ương",
        VERIFIED,
        product="sam-ngoc-linh-ngam-mat-ong",
        stars=5,
        product_group="Đồ uống",
    ),
    DemoCertificate(
        "ocop",
        "to-hop-tac-dieu-vang",
        "QĐ 342/QĐ-UBND (minh hoạ)",
        "UBND tỉnh Đồng Nai",
        VERIFIED,
        product="hat-dieu-rang-muoi",
        stars=3,
        product_group="Thực phẩm",
    ),
    DemoCertificate(
        "vietgap",
        "htx-ca-phe-dat-do",
        "VietGAP-TT-13-09-68-0096 (minh hoạ)",
        "Trung tâm Chứng nhận phù hợp (minh hoạ)",
        VERIFIED,
        scope="Cà phê Robusta, 12 ha",
    ),
    DemoCertificate(
        "organic",
        "nhom-det-lanh-may-trang",
        "ORG-VN-0457 (minh hoạ)",
        "Tổ chức chứng nhận hữu cơ (minh hoạ)",
        VERIFIED,
        standard="TCVN 11041-2:2017",
        scope="Lanh trồng không hoá chất",
        expires_in_days=300,
    ),
    # Expiring soon: `marketplace expire-certificates` reminds the booth.
    DemoCertificate(
        "vietgap",
        "htx-tre-xanh",
        "VietGAP-TT-07-02-45-0031 (minh hoạ)",
        "Trung tâm Chứng nhận phù hợp (minh hoạ)",
        VERIFIED,
        scope="Hồ tiêu, 3 ha",
        issued_days_ago=700,
        expires_in_days=40,
    ),
    # Expired: its badge is gone.
    DemoCertificate(
        "ocop",
        "nhom-phu-nu-sen-hong",
        "QĐ 517/QĐ-UBND (minh hoạ)",
        "UBND tỉnh Hà Tĩnh",
        EXPIRED,
        product="nuoc-mam-ca-com-truyen-thong",
        stars=3,
        product_group="Thực phẩm",
        issued_days_ago=1200,
    ),
    # Waiting for staff: not shown until verified.
    DemoCertificate(
        "vietgap",
        "to-hop-tac-dieu-vang",
        "VietGAP-TT-11-05-75-0210 (minh hoạ)",
        "Trung tâm Chứng nhận phù hợp (minh hoạ)",
        SUBMITTED,
        scope="Điều, 8 ha",
        issued_days_ago=20,
    ),
    DemoCertificate(
        "ocop",
        "htx-det-hoa-ban",
        "QĐ 76/QĐ-UBND (minh hoạ)",
        "UBND tỉnh Điện Biên",
        REJECTED,
        product="khan-pieu-theu-tay",
        stars=4,
        product_group="Vải và may mặc",
        issued_days_ago=90,
        reason="Bản scan không đọc được số quyết định (dữ liệu minh hoạ).",
    ),
)

# Booths featured on the home page now (in order), and one scheduled for next week.
FEATURED = (
    ("nhom-sinh-ke-hoa-rung", "Mật ong rừng Gia Lai, OCOP 4 sao", "Gia Lai forest honey", 0),
    ("htx-det-hoa-ban", "Thổ cẩm Thái dệt tay ở Điện Biên", "Thai brocade from Dien Bien", 0),
    ("htx-ca-phe-dat-do", "Cà phê VietGAP từ Đắk Lắk", "VietGAP coffee from Dak Lak", 0),
    ("nhom-gom-lua-hong", "Gốm nung lộ thiên Khánh Hoà", "Open-fired pottery", 7),
)


def load_demo_certificates(loading) -> None:
    """Certificates, featured booths and the "Gia Lai week" campaign for the loaded demo
    (`loading` carries the demo's booths, base products, channel and written files)."""
    now = timezone.now()
    for demo in CERTIFICATES:
        booth = loading.booths.get(demo.booth)
        product = loading.products.get(demo.product) if demo.product else None
        if booth is None or (demo.product and product is None):
            continue  # a smaller demo without this product
        _certificate(demo, booth, product, now)

    for position, (slug, headline, headline_en, starts_in_days) in enumerate(FEATURED):
        curation.create_featured_booth(
            actor=SYSTEM,
            vendor=loading.booths[slug],
            channel=loading.channel,
            position=position,
            starts_at=now + timedelta(days=starts_in_days) - timedelta(hours=1),
            ends_at=now + timedelta(days=30 + starts_in_days),
            headline=headline,
            headline_en=headline_en,
        )

    gia_lai = [
        booth
        for booth in loading.booths.values()
        if booth.province == "gia_lai" and booth.status == BoothStatus.APPROVED
    ]
    campaign = curation.create_campaign(
        actor=SYSTEM,
        name="Tuần lễ Gia Lai",
        name_en="Gia Lai week",
        slug=CAMPAIGN_SLUG,
        description="Sản phẩm của các nhóm sinh kế phụ nữ Gia Lai, trong một tuần.",
        description_en="Products of women's livelihood groups in Gia Lai, for one week.",
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=6),
        channels=[loading.channel],
        booths=gia_lai,
        banner=draw_banner(title="Tuần lễ Gia Lai", category="mat-ong"),
    )
    loading.files.append(campaign.banner.name)


def _certificate(demo: DemoCertificate, booth, product, now) -> Certification:
    issued = now - timedelta(days=demo.issued_days_ago)
    expires = now + timedelta(days=demo.expires_in_days) if demo.expires_in_days else None
    if demo.state == EXPIRED:
        expires = now + timedelta(days=1)  # submitted and verified in time, backdated below
    certification = certificates.submit_certificate(
        actor=SYSTEM,
        kind=demo.kind,
        vendor=booth,
        product=product,
        stars=demo.stars,
        code=demo.code,
        issuer=demo.issuer,
        issued_at=issued,
        expires_at=expires,
        product_group=demo.product_group,
        scope=demo.scope,
        standard=demo.standard,
    )
    if demo.state in (VERIFIED, EXPIRED):
        certification = certificates.verify_certificate(actor=SYSTEM, certification=certification)
    if demo.state == REJECTED:
        certification = certificates.reject_certificate(
            actor=SYSTEM, certification=certification, reason=demo.reason
        )
    if demo.state == EXPIRED:
        ended = certificates.add_months(issued, 36)
        Certification.objects.filter(pk=certification.pk).update(expires_at=ended)
        certificates.expire_certificates(now=now)
    return certification


def remove_demo_certificates() -> None:
    """Remove the demo campaign with its collection and banner (certificates and featured
    slots go with the demo booths). Files are deleted once the transaction has committed."""
    files: list[str] = []
    for campaign in Campaign.objects.select_related("collection").filter(slug=CAMPAIGN_SLUG):
        files.append(campaign.banner.name)
        if campaign.collection is not None:
            files.extend(campaign.collection.thumbnails.values_list("image", flat=True))
        curation.delete_campaign(actor=SYSTEM, campaign=campaign)
    transaction.on_commit(lambda: [default_storage.delete(name) for name in files if name])
