"""How the demo catalog is organised: categories, product types and attributes (with English)."""

from dataclasses import dataclass, field

from marketplace.catalog.models import AttributeInputType


@dataclass(frozen=True)
class DemoCategory:
    slug: str
    name: str
    name_en: str
    description: str
    description_en: str
    parent: str | None = None


CATEGORIES = (
    DemoCategory(
        "thuc-pham",
        "Thực phẩm",
        "Food",
        "Đặc sản do các nhóm sinh kế chế biến theo cách truyền thống, đóng gói cẩn thận.",
        "Specialities prepared the traditional way by livelihood groups, carefully packed.",
    ),
    DemoCategory(
        "mat-ong",
        "Mật ong",
        "Honey",
        "Mật ong rừng và mật ong hoa từ các tổ nuôi ong của phụ nữ vùng cao.",
        "Wild forest and blossom honey from beekeeping groups of highland women.",
        "thuc-pham",
    ),
    DemoCategory(
        "ca-phe-hat",
        "Cà phê & hạt",
        "Coffee & nuts",
        "Cà phê rang mộc, hạt điều, mắc ca và hồ tiêu của Tây Nguyên và Đông Nam Bộ.",
        "Plain-roasted coffee, cashews, macadamias and pepper from the Central Highlands "
        "and the South East.",
        "thuc-pham",
    ),
    DemoCategory(
        "gia-vi-mam",
        "Gia vị & mắm",
        "Spices & sauces",
        "Nước mắm, tương, quế, thảo quả và các loại gia vị vùng miền.",
        "Fish sauce, soybean sauce, cinnamon, black cardamom and regional spices.",
        "thuc-pham",
    ),
    DemoCategory(
        "dac-san-vung-mien",
        "Đặc sản vùng miền",
        "Regional specialities",
        "Bánh kẹo, đồ sấy và nông sản khô mang hương vị từng vùng quê.",
        "Sweets, dried fruit and dry produce with the taste of each region.",
        "thuc-pham",
    ),
    DemoCategory(
        "do-uong",
        "Đồ uống",
        "Beverages",
        "Trà, rượu truyền thống và nước uống từ trái cây.",
        "Teas, traditional wines and fruit drinks.",
    ),
    DemoCategory(
        "tra",
        "Trà",
        "Tea",
        "Chè búp, chè Shan tuyết cổ thụ và các loại trà thảo mộc.",
        "Green tea buds, ancient Shan tuyet tea and herbal teas.",
        "do-uong",
    ),
    DemoCategory(
        "ruou-nuoc-uong",
        "Rượu & nước uống",
        "Wines & drinks",
        "Rượu men lá, rượu cần và nước cốt trái cây. Không bán cho người dưới 18 tuổi.",
        "Leaf-yeast wines, jar wine and fruit juices. Alcohol is not sold to anyone under 18.",
        "do-uong",
    ),
    DemoCategory(
        "duoc-lieu",
        "Dược liệu",
        "Herbs & medicinal plants",
        "Sâm, nghệ, tam thất và tinh dầu trồng theo hướng hữu cơ. Sản phẩm không phải là thuốc.",
        "Ginseng, turmeric, notoginseng and essential oils grown organically. These products "
        "are not medicines.",
    ),
    DemoCategory(
        "det-may-tho-cam",
        "Dệt may & thổ cẩm",
        "Textiles & brocade",
        "Vải lanh, thổ cẩm và khăn dệt tay của các dân tộc H'Mông, Thái, Jrai, Ê Đê.",
        "Hemp cloth, brocade and hand-woven scarves of the Hmong, Thai, Jrai and Ede peoples.",
    ),
    DemoCategory(
        "thu-cong-my-nghe",
        "Thủ công mỹ nghệ",
        "Handicrafts",
        "Đồ dùng làm bằng tay từ tre, mây, cói, đất sét và sáp ong.",
        "Handmade goods of bamboo, rattan, sedge, clay and beeswax.",
    ),
    DemoCategory(
        "may-tre-dan",
        "Mây tre đan",
        "Bamboo & rattan",
        "Giỏ, khay, hộp và gùi đan tay từ mây, tre, lục bình.",
        "Hand-woven baskets, trays, boxes and back baskets of rattan, bamboo and water hyacinth.",
        "thu-cong-my-nghe",
    ),
    DemoCategory(
        "gom",
        "Gốm",
        "Pottery",
        "Gốm nặn tay, nung lộ thiên theo kỹ thuật truyền thống.",
        "Hand-shaped pottery, fired in the open the traditional way.",
        "thu-cong-my-nghe",
    ),
)


@dataclass(frozen=True)
class DemoProductType:
    slug: str
    name: str
    is_shipping_required: bool = True


FOOD = "thuc-pham-dong-goi"
DRINK = "do-uong-dong-chai"
HERB = "duoc-lieu-thao-moc"
TEXTILE = "hang-det-may"
CRAFT = "hang-thu-cong"

PRODUCT_TYPES = (
    DemoProductType(FOOD, "Thực phẩm đóng gói"),
    DemoProductType(DRINK, "Đồ uống đóng chai"),
    DemoProductType(HERB, "Dược liệu & thảo mộc"),
    DemoProductType(TEXTILE, "Hàng dệt may"),
    DemoProductType(CRAFT, "Hàng thủ công"),
)


@dataclass(frozen=True)
class DemoValue:
    slug: str
    name: str
    name_en: str = ""
    boolean: bool | None = None


@dataclass(frozen=True)
class DemoAttribute:
    slug: str
    name: str
    name_en: str
    input_type: str
    unit: str = ""
    variant_selection: bool = False
    values: tuple[DemoValue, ...] = field(default=())


BESTSELLER = "ban-chay"
ORIGIN = "xuat-xu"
NET_WEIGHT = "khoi-luong-tinh"
VOLUME = "dung-tich"
PACK = "quy-cach-goi"
SIZE = "kich-thuoc"
MATERIAL = "chat-lieu"

ATTRIBUTES = (
    DemoAttribute(
        BESTSELLER,
        "Bán chạy",
        "Bestseller",
        AttributeInputType.BOOLEAN,
        values=(
            DemoValue("co", "Có", "Yes", boolean=True),
            DemoValue("khong", "Không", "No", boolean=False),
        ),
    ),
    # One value per product (the place and way it is made), created with the product.
    DemoAttribute(ORIGIN, "Xuất xứ", "Origin", AttributeInputType.PLAIN_TEXT),
    # Values are numbers of grams, created as products need them.
    DemoAttribute(NET_WEIGHT, "Khối lượng tịnh", "Net weight", AttributeInputType.NUMERIC, "g"),
    DemoAttribute(
        VOLUME,
        "Dung tích",
        "Volume",
        AttributeInputType.DROPDOWN,
        variant_selection=True,
        values=(
            DemoValue("250-ml", "250 ml", "250 ml"),
            DemoValue("500-ml", "500 ml", "500 ml"),
            DemoValue("1-lit", "1 lít", "1 litre"),
        ),
    ),
    DemoAttribute(
        PACK,
        "Quy cách gói",
        "Pack size",
        AttributeInputType.DROPDOWN,
        variant_selection=True,
        values=(
            DemoValue("250-g", "Gói 250 g", "250 g pack"),
            DemoValue("500-g", "Gói 500 g", "500 g pack"),
            DemoValue("1-kg", "Gói 1 kg", "1 kg pack"),
        ),
    ),
    DemoAttribute(
        SIZE,
        "Kích thước",
        "Size",
        AttributeInputType.DROPDOWN,
        variant_selection=True,
        values=(
            DemoValue("nho", "Nhỏ", "Small"),
            DemoValue("vua", "Vừa", "Medium"),
            DemoValue("lon", "Lớn", "Large"),
        ),
    ),
    DemoAttribute(
        MATERIAL,
        "Chất liệu",
        "Material",
        AttributeInputType.MULTISELECT,
        values=(
            DemoValue("soi-lanh", "Sợi lanh", "Hemp"),
            DemoValue("soi-bong", "Sợi bông", "Cotton"),
            DemoValue("to-tam", "Tơ tằm", "Silk"),
            DemoValue("nhuom-cham", "Nhuộm chàm", "Indigo dye"),
            DemoValue("tre", "Tre", "Bamboo"),
            DemoValue("may", "Mây", "Rattan"),
            DemoValue("luc-binh", "Lục bình", "Water hyacinth"),
            DemoValue("coi", "Cói", "Sedge"),
            DemoValue("la-non", "Lá nón", "Palm leaf"),
            DemoValue("dat-set", "Đất sét", "Clay"),
            DemoValue("sap-ong", "Sáp ong", "Beeswax"),
        ),
    ),
)
