"""The demo booths: livelihood groups and cooperatives, named as groups, placed by province only."""

from dataclasses import dataclass

from vendors.models import BoothStatus


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
