"""The demo's content pages and its collection, in Vietnamese and English.

Page texts separate paragraphs with a blank line; a paragraph starting with "## " is a heading.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPage:
    slug: str
    title: str
    text: str
    slug_en: str
    title_en: str
    text_en: str
    seo_description: str = ""
    seo_description_en: str = ""


ABOUT = "ve-chuong-trinh"
PRIVACY = "bao-ve-quyen-rieng-tu"

PAGES = (
    DemoPage(
        slug=ABOUT,
        title="Về chương trình",
        text="""Sàn thương mại này là nơi các nhóm sinh kế, tổ hợp tác và hợp tác xã của phụ nữ \
bán trực tiếp những sản phẩm do chính họ làm ra. Chương trình do Hội Liên hiệp Phụ nữ Việt Nam \
vận hành, cùng các cấp hội ở địa phương.

## Vì sao có các nhóm sinh kế

Nhiều thành viên của các nhóm là phụ nữ đã trở về sau khi bị mua bán. Làm việc trong một nhóm \
giúp họ có thu nhập riêng, ổn định và một cộng đồng cùng nhau vượt qua khó khăn, trong khi danh \
tính của mỗi người luôn được giữ kín.

## Sản phẩm

Sản phẩm được xếp theo các nhóm của Chương trình mỗi xã một sản phẩm (OCOP): thực phẩm, đồ \
uống, dược liệu, dệt may và thủ công mỹ nghệ. Hội hỗ trợ các nhóm về kỹ thuật, bao bì, chứng \
nhận chất lượng và vận chuyển.

## Khi bạn mua hàng

Đơn hàng gồm sản phẩm của nhiều gian hàng vẫn là một đơn với bạn; mỗi gian hàng nhận và giao \
phần của mình. Phần lớn tiền hàng được chuyển về nhóm sản xuất; một khoản phí nhỏ dùng để duy \
trì sàn. Bạn có thể trả tiền khi nhận hàng hoặc bằng thẻ.

Các gian hàng và sản phẩm đang hiển thị là dữ liệu minh họa.""",
        slug_en="about",
        title_en="About the programme",
        text_en="""This marketplace is where livelihood groups, cooperative teams and \
cooperatives of women sell the products they make themselves. It is run by the Vietnam Women's \
Union together with its local branches.

## Why livelihood groups

Many members of the groups are women who have come home after being trafficked. Working in a \
group gives them an income of their own, steady work and a community to face difficulties \
together, while each person's identity is always kept private.

## The products

Products are arranged in the groups of the One Commune One Product (OCOP) programme: food, \
beverages, herbs and medicinal plants, textiles and handicrafts. The Union supports the groups \
with skills, packaging, quality certification and delivery.

## When you buy

An order with products from several booths is still one order for you; each booth receives and \
ships its own part. Most of the price goes to the producing group; a small fee keeps the \
marketplace running. You can pay on delivery or by card.

The booths and products shown are demonstration data.""",
        seo_description="Sàn thương mại của các nhóm sinh kế phụ nữ, do Hội Liên hiệp Phụ nữ "
        "Việt Nam vận hành.",
        seo_description_en="The marketplace of women's livelihood groups, run by the Vietnam "
        "Women's Union.",
    ),
    DemoPage(
        slug=PRIVACY,
        title="Bảo vệ quyền riêng tư của người sản xuất",
        text="""Sự an toàn của người sản xuất quan trọng hơn mọi câu chuyện bán hàng. Vì vậy \
sàn tuân theo những nguyên tắc sau.

## Chỉ hiển thị tên nhóm và tỉnh

Gian hàng mang tên của nhóm sinh kế hoặc hợp tác xã và tên tỉnh. Sàn không bao giờ hiển thị họ \
tên, số điện thoại, ảnh chân dung hay địa chỉ nơi ở của bất kỳ thành viên nào.

## Ảnh không mang theo thông tin

Mọi ảnh tải lên đều được mã hóa lại: vị trí GPS, thời điểm chụp và thông tin thiết bị bị xóa \
trước khi ảnh được lưu.

## Câu chuyện chỉ khi được đồng ý

Câu chuyện của một người sản xuất chỉ được đăng dưới bút danh, khi có sự đồng ý được ghi nhận, \
và được gỡ xuống ngay khi người đó rút lại sự đồng ý.

## Thông tin định danh được mã hóa

Thông tin cần cho việc thanh toán được mã hóa và chỉ một số ít cán bộ được giao nhiệm vụ mới xem \
được; mỗi lần xem đều được ghi lại. Khi một thành viên yêu cầu xóa, thông tin định danh bị xóa, \
chỉ giữ lại sổ sách thu chi.

## Người mua cũng được bảo vệ

Thông tin của bạn chỉ dùng để giao hàng và chăm sóc đơn hàng. Gian hàng chỉ nhận những gì cần \
để gửi hàng cho bạn.""",
        slug_en="producer-privacy",
        title_en="How we protect producers' privacy",
        text_en="""The safety of the producers matters more than any sales story. The \
marketplace therefore keeps to these principles.

## Only a group name and a province

A booth carries the name of the livelihood group or cooperative and its province. The \
marketplace never shows any member's name, phone number, portrait or home address.

## Photos carry no information

Every uploaded photo is re-encoded: GPS position, time taken and device details are removed \
before the image is stored.

## Stories only with consent

A producer's story is published only under a pseudonym with recorded consent, and taken down as \
soon as that person withdraws it.

## Identity data is encrypted

The details needed for payments are encrypted and only a few assigned staff can read them; every \
read is logged. When a member asks to be erased, her identity is removed and only the accounts \
are kept.

## Shoppers are protected too

Your details are used only to deliver and look after your order. A booth receives only what it \
needs to send your parcel.""",
        seo_description="Cách sàn bảo vệ danh tính và sự an toàn của người sản xuất.",
        seo_description_en="How the marketplace protects the identity and safety of producers.",
    ),
)


@dataclass(frozen=True)
class DemoCollection:
    slug: str
    name: str
    description: str
    slug_en: str
    name_en: str
    description_en: str


TET_COLLECTION = DemoCollection(
    slug="qua-tet-tu-cac-nhom-sinh-ke",
    name="Quà Tết từ các nhóm sinh kế",
    description="Mật ong, cà phê, chè, bánh kẹo và đồ thủ công cho giỏ quà Tết.\n\nMỗi món quà "
    "là thu nhập trực tiếp cho một nhóm phụ nữ.",
    slug_en="tet-gifts-from-livelihood-groups",
    name_en="Tết gifts from livelihood groups",
    description_en="Honey, coffee, tea, sweets and handicrafts for a Tết hamper.\n\nEvery gift "
    "is direct income for a women's group.",
)
