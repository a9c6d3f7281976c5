"""The demo booths: livelihood groups and cooperatives, named as groups, placed by province only."""

from dataclasses import dataclass

from marketplace.core.provinces import short_province_name
from vendors.models import BoothKind, BoothStatus


@dataclass(frozen=True)
class DemoBooth:
    slug: str
    name: str
    province: str  # code name, see marketplace.core.provinces
    code: str  # SKU prefix, short and unique among the demo booths
    status: str = BoothStatus.APPROVED


# The first booth marks the demo as loaded: `loaddemo` looks for it before loading anything.
BOOTHS = (
    DemoBooth("nhom-sinh-ke-hoa-rung", "Nhóm sinh kế Hoa Rừng", "gia_lai", "HR"),
    DemoBooth("htx-phu-nu-nui-xanh", "Hợp tác xã phụ nữ Núi Xanh", "quang_ngai", "NX"),
    DemoBooth("to-hop-tac-dieu-vang", "Tổ hợp tác Điều Vàng", "dong_nai", "DV"),
    DemoBooth("nhom-det-lanh-may-trang", "Nhóm dệt lanh Mây Trắng", "lao_cai", "MT"),
    DemoBooth("htx-tre-xanh", "Hợp tác xã Tre Xanh", "quang_tri", "TX"),
    DemoBooth("nhom-phu-nu-sen-hong", "Nhóm phụ nữ Sen Hồng", "ha_tinh", "SH"),
    DemoBooth("to-hop-tac-choi-non", "Tổ hợp tác Chồi Non", "nghe_an", "CN"),
    DemoBooth("htx-det-hoa-ban", "Hợp tác xã dệt Hoa Ban", "dien_bien", "HB"),
    DemoBooth("htx-ca-phe-dat-do", "Hợp tác xã cà phê Đất Đỏ", "dak_lak", "DD"),
    DemoBooth("nhom-gom-lua-hong", "Nhóm gốm Lửa Hồng", "khanh_hoa", "LH"),
    # Still being reviewed by staff: its products are drafts, not published.
    DemoBooth(
        "nhom-sinh-ke-binh-minh",
        "Nhóm sinh kế Bình Minh",
        "an_giang",
        "BM",
        BoothStatus.APPLIED,
    ),
    # Suspended: its products stay published in the channel but no shopper sees them.
    DemoBooth("to-hop-tac-suoi-bac", "Tổ hợp tác Suối Bạc", "son_la", "SB", BoothStatus.SUSPENDED),
)

MARKER_BOOTH_SLUG = BOOTHS[0].slug

# The staff decisions that take a new booth to each demo status, with the reasons recorded.
STATUS_PATH = {
    BoothStatus.APPLIED: [],
    BoothStatus.APPROVED: [BoothStatus.APPROVED],
    BoothStatus.SUSPENDED: [BoothStatus.APPROVED, BoothStatus.SUSPENDED],
}
DEMO_REASONS = {
    BoothStatus.APPROVED: "Hồ sơ nhóm đầy đủ, đã được Hội Phụ nữ xác nhận (dữ liệu minh hoạ).",
    BoothStatus.SUSPENDED: "Tạm dừng để bổ sung giấy tờ an toàn thực phẩm (dữ liệu minh hoạ).",
}


def booth_profile(demo: DemoBooth, position: int) -> dict:
    """The public profile of a demo booth: kind, descriptions, founding year and size."""
    kind = (
        BoothKind.COOPERATIVE
        if demo.name.startswith("Hợp tác xã")
        else (BoothKind.LIVELIHOOD_GROUP)
    )
    province = short_province_name(demo.province)
    return {
        "kind": kind,
        "description": (
            f"{demo.name} là nhóm phụ nữ ở {province} cùng làm ra sản phẩm và chia sẻ thu nhập. "
            "Nhóm được Hội Liên hiệp Phụ nữ hỗ trợ vốn, đào tạo và kết nối thị trường. "
            "(Dữ liệu minh hoạ.)"
        ),
        "description_en": (
            f"A group of women in {province} who make these products together and share the "
            "income, supported by the Women's Union with capital, training and market access. "
            "(Demonstration data.)"
        ),
        "founding_year": 2015 + position % 9,
        "member_count": 8 + (position * 7) % 30,
        "commission_rate": 5 if kind == BoothKind.COOPERATIVE else 3,
    }
