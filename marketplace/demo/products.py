"""The demo products: what each group makes, in Vietnamese and English, with prices in dong.

Descriptions separate paragraphs with a blank line (see catalog.services.editorjs).
"""

from dataclasses import dataclass

from marketplace.demo.taxonomy import CRAFT, DRINK, FOOD, HERB, PACK, SIZE, TEXTILE, VOLUME


@dataclass(frozen=True)
class DemoVariant:
    value: str  # slug of a value of the product's variant-selection attribute
    price: int
    quantity: int


@dataclass(frozen=True)
class DemoProduct:
    booth: str
    code: str  # SKU stem, unique within the booth
    slug: str
    category: str
    product_type: str
    name: str
    name_en: str
    description: str
    description_en: str
    origin: str
    origin_en: str
    price: int = 0
    quantity: int = 0
    weight_grams: int | None = None
    bestseller: bool = False
    materials: tuple[str, ...] = ()
    variant_attribute: str | None = None
    variants: tuple[DemoVariant, ...] = ()


def _variants(*rows: tuple[str, int, int]) -> tuple[DemoVariant, ...]:
    return tuple(DemoVariant(value, price, quantity) for value, price, quantity in rows)


PRODUCTS = (
    # --- Gia Lai: Nhóm sinh kế Hoa Rừng -------------------------------------------------------
    DemoProduct(
        booth="nhom-sinh-ke-hoa-rung",
        code="MOR",
        slug="mat-ong-rung-nguyen-chat",
        category="mat-ong",
        product_type=FOOD,
        name="Mật ong rừng nguyên chất",
        name_en="Pure wild forest honey",
        description="Mật ong rừng khai thác theo mùa hoa, lọc thủ công, không pha đường, không "
        "qua cô đặc.\n\nVị ngọt đậm, hậu hơi đắng của hoa rừng. Mỗi mẻ mật được ghi ngày "
        "khai thác trên nhãn.",
        description_en="Wild honey gathered in the flowering season, filtered by hand, with no "
        "added sugar and no heat thickening.\n\nRich sweetness with the slightly bitter finish "
        "of forest flowers. Each batch is labelled with its harvest date.",
        origin="Rừng cao nguyên, Gia Lai",
        origin_en="Highland forest, Gia Lai",
        weight_grams=700,
        bestseller=True,
        variant_attribute=VOLUME,
        variants=_variants(("250-ml", 185000, 60), ("500-ml", 340000, 45), ("1-lit", 620000, 20)),
    ),
    DemoProduct(
        booth="nhom-sinh-ke-hoa-rung",
        code="PHO",
        slug="phan-hoa-ong-rung",
        category="mat-ong",
        product_type=FOOD,
        name="Phấn hoa ong rừng",
        name_en="Wild bee pollen",
        description="Phấn hoa do đàn ong mang về tổ, sấy nhẹ ở nhiệt độ thấp để giữ màu và "
        "hương.\n\nDùng rắc lên sữa chua, ngũ cốc hoặc pha cùng mật ong.",
        description_en="Pollen brought home by the bees, gently dried at low heat to keep its "
        "colour and scent.\n\nSprinkle it on yoghurt or cereal, or stir it into honey.",
        origin="Rừng cao nguyên, Gia Lai",
        origin_en="Highland forest, Gia Lai",
        price=160000,
        quantity=40,
        weight_grams=200,
    ),
    DemoProduct(
        booth="nhom-sinh-ke-hoa-rung",
        code="NSO",
        slug="nen-sap-ong-thom",
        category="thu-cong-my-nghe",
        product_type=CRAFT,
        name="Nến sáp ong thơm",
        name_en="Scented beeswax candle",
        description="Nến đổ tay từ sáp ong của tổ nuôi ong, bấc cotton, cháy khoảng 30 giờ.\n\n"
        "Hương mật nhẹ tự nhiên, không thêm hương liệu tổng hợp.",
        description_en="Hand-poured candle of beeswax from the group's hives with a cotton "
        "wick; burns for about 30 hours.\n\nA light natural honey scent, with no synthetic "
        "fragrance.",
        origin="Tổ nuôi ong của nhóm, Gia Lai",
        origin_en="The group's own hives, Gia Lai",
        price=95000,
        quantity=80,
        weight_grams=180,
        materials=("sap-ong",),
    ),
    DemoProduct(
        booth="nhom-sinh-ke-hoa-rung",
        code="CPR",
        slug="ca-phe-robusta-rang-moc",
        category="ca-phe-hat",
        product_type=FOOD,
        name="Cà phê Robusta rang mộc",
        name_en="Plain-roasted Robusta coffee",
        description="Hạt Robusta chín đỏ hái tay, phơi trên giàn và rang mộc không tẩm bơ, "
        "không hương liệu.\n\nHợp pha phin, vị đậm, hậu ngọt.",
        description_en="Hand-picked ripe Robusta cherries, dried on raised beds and roasted "
        "plain, with no butter or flavouring.\n\nMade for the phin filter: strong, with a sweet "
        "finish.",
        origin="Vườn cà phê của nhóm, Gia Lai",
        origin_en="The group's coffee gardens, Gia Lai",
        weight_grams=500,
        bestseller=True,
        variant_attribute=PACK,
        variants=_variants(("250-g", 95000, 120), ("500-g", 180000, 80), ("1-kg", 340000, 30)),
    ),
    DemoProduct(
        booth="nhom-sinh-ke-hoa-rung",
        code="TDE",
        slug="tieu-den-chu-se",
        category="gia-vi-mam",
        product_type=FOOD,
        name="Tiêu đen Chư Sê",
        name_en="Chu Se black pepper",
        description="Hồ tiêu mang chỉ dẫn địa lý Chư Sê, hạt chắc, cay thơm, phơi nắng tự "
        "nhiên.\n\nĐóng hũ thủy tinh để giữ mùi.",
        description_en="Pepper from the Chu Se geographical indication: firm, hot and fragrant "
        "peppercorns dried in the sun.\n\nPacked in a glass jar to keep the aroma.",
        origin="Vùng tiêu Chư Sê, Gia Lai",
        origin_en="Chu Se pepper region, Gia Lai",
        price=85000,
        quantity=150,
        weight_grams=200,
    ),
    DemoProduct(
        booth="nhom-sinh-ke-hoa-rung",
        code="KJR",
        slug="khan-tho-cam-jrai",
        category="det-may-tho-cam",
        product_type=TEXTILE,
        name="Khăn thổ cẩm Jrai dệt tay",
        name_en="Hand-woven Jrai brocade scarf",
        description="Khăn dệt trên khung dệt ngang lưng với hoa văn truyền thống của người "
        "Jrai.\n\nMỗi chiếc mất khoảng ba ngày dệt, màu nền đen điểm đỏ và vàng.",
        description_en="Woven on a back-strap loom with traditional Jrai patterns.\n\nEach "
        "scarf takes about three days to weave: a black ground picked out in red and yellow.",
        origin="Dệt tay tại Gia Lai",
        origin_en="Hand-woven in Gia Lai",
        price=250000,
        quantity=25,
        weight_grams=150,
        materials=("soi-bong",),
    ),
    DemoProduct(
        booth="nhom-sinh-ke-hoa-rung",
        code="CDY",
        slug="nuoc-cot-chanh-day",
        category="ruou-nuoc-uong",
        product_type=DRINK,
        name="Nước cốt chanh dây",
        name_en="Passion fruit concentrate",
        description="Chanh dây chín vàng ép lấy cốt, nấu cùng đường mía, đóng chai thủy tinh."
        "\n\nPha một phần nước cốt với ba phần nước lạnh.",
        description_en="Ripe passion fruit pressed and cooked with cane sugar, bottled in "
        "glass.\n\nMix one part concentrate with three parts cold water.",
        origin="Vườn chanh dây, Gia Lai",
        origin_en="Passion fruit gardens, Gia Lai",
        price=75000,
        quantity=90,
        weight_grams=650,
    ),
    # --- Quảng Ngãi: Hợp tác xã phụ nữ Núi Xanh -----------------------------------------------
    DemoProduct(
        booth="htx-phu-nu-nui-xanh",
        code="QTB",
        slug="que-tra-bong-thanh-cuon",
        category="gia-vi-mam",
        product_type=FOOD,
        name="Quế Trà Bồng thanh cuộn",
        name_en="Tra Bong cinnamon sticks",
        description="Vỏ quế bóc từ cây trên mười năm tuổi, cuộn tròn và phơi khô tự nhiên.\n\n"
        "Dùng nấu phở, kho thịt, pha trà hoặc làm túi thơm.",
        description_en="Bark from trees over ten years old, rolled and dried naturally.\n\nFor "
        "pho broth, braises, tea or scented sachets.",
        origin="Vùng quế Trà Bồng, Quảng Ngãi",
        origin_en="Tra Bong cinnamon region, Quang Ngai",
        price=65000,
        quantity=200,
        weight_grams=100,
    ),
    DemoProduct(
        booth="htx-phu-nu-nui-xanh",
        code="TDQ",
        slug="tinh-dau-que",
        category="duoc-lieu",
        product_type=HERB,
        name="Tinh dầu quế nguyên chất",
        name_en="Pure cinnamon essential oil",
        description="Chưng cất từ lá và cành quế non, đóng lọ thủy tinh tối màu 10 ml.\n\n"
        "Dùng xông phòng hoặc pha loãng để xoa bóp; không uống.",
        description_en="Distilled from young cinnamon leaves and twigs, in a 10 ml dark glass "
        "bottle.\n\nFor diffusing or, diluted, for massage; not to be swallowed.",
        origin="Vùng quế Trà Bồng, Quảng Ngãi",
        origin_en="Tra Bong cinnamon region, Quang Ngai",
        price=120000,
        quantity=70,
        weight_grams=60,
    ),
    DemoProduct(
        booth="htx-phu-nu-nui-xanh",
        code="SNL",
        slug="sam-ngoc-linh-ngam-mat-ong",
        category="duoc-lieu",
        product_type=HERB,
        name="Sâm Ngọc Linh ngâm mật ong",
        name_en="Ngoc Linh ginseng in honey",
        description="Sâm Ngọc Linh trồng dưới tán rừng, thái lát mỏng, ngâm trong mật ong "
        "rừng.\n\nHũ 250 ml, kèm giấy xác nhận nguồn gốc vườn trồng. Sản phẩm không phải là "
        "thuốc.",
        description_en="Ngoc Linh ginseng grown under the forest canopy, thinly sliced and "
        "steeped in wild honey.\n\n250 ml jar with a certificate of the garden of origin. This "
        "product is not a medicine.",
        origin="Vùng núi Ngọc Linh, Quảng Ngãi",
        origin_en="Ngoc Linh mountains, Quang Ngai",
        price=1450000,
        quantity=12,
        weight_grams=450,
        bestseller=True,
    ),
    DemoProduct(
        booth="htx-phu-nu-nui-xanh",
        code="DPH",
        slug="duong-phen-quang-ngai",
        category="dac-san-vung-mien",
        product_type=FOOD,
        name="Đường phèn Quảng Ngãi",
        name_en="Quang Ngai rock sugar",
        description="Đường phèn kết tinh chậm từ mật mía, vị ngọt thanh.\n\nDùng nấu chè, "
        "chưng yến, pha trà gừng.",
        description_en="Rock sugar slowly crystallised from cane syrup, with a clean "
        "sweetness.\n\nFor sweet soups, steamed desserts and ginger tea.",
        origin="Quảng Ngãi",
        origin_en="Quang Ngai",
        price=45000,
        quantity=160,
        weight_grams=500,
    ),
    DemoProduct(
        booth="htx-phu-nu-nui-xanh",
        code="TLS",
        slug="toi-ly-son-co-don",
        category="gia-vi-mam",
        product_type=FOOD,
        name="Tỏi Lý Sơn cô đơn",
        name_en="Ly Son single-clove garlic",
        description="Tỏi một tép trồng trên cát núi lửa đảo Lý Sơn, củ nhỏ, thơm và cay "
        "nồng.\n\nTúi lưới 500 g.",
        description_en="Single-clove garlic grown in the volcanic sand of Ly Son island: small "
        "bulbs, fragrant and pungent.\n\n500 g net bag.",
        origin="Đảo Lý Sơn, Quảng Ngãi",
        origin_en="Ly Son island, Quang Ngai",
        price=180000,
        quantity=50,
        weight_grams=500,
    ),
    DemoProduct(
        booth="htx-phu-nu-nui-xanh",
        code="MNH",
        slug="mach-nha-quang-ngai",
        category="dac-san-vung-mien",
        product_type=FOOD,
        name="Mạch nha Quảng Ngãi",
        name_en="Quang Ngai malt syrup",
        description="Mạch nha nấu từ nếp và mầm lúa theo cách truyền thống, trong và dẻo.\n\n"
        "Ăn kèm bánh tráng hoặc dùng thay đường khi nấu.",
        description_en="Malt syrup cooked from sticky rice and sprouted grain the traditional "
        "way, clear and chewy.\n\nEat it with rice crackers or cook with it instead of sugar.",
        origin="Quảng Ngãi",
        origin_en="Quang Ngai",
        price=60000,
        quantity=100,
        weight_grams=500,
    ),
    # --- Đồng Nai: Tổ hợp tác Điều Vàng ------------------------------------------------------
    DemoProduct(
        booth="to-hop-tac-dieu-vang",
        code="HDM",
        slug="hat-dieu-rang-muoi",
        category="ca-phe-hat",
        product_type=FOOD,
        name="Hạt điều rang muối",
        name_en="Salted roasted cashews",
        description="Hạt điều loại W240 rang củi, lắc muối vừa ăn, giòn và béo.\n\nĐóng hũ "
        "kín, giữ giòn ba tháng sau khi mở.",
        description_en="W240 cashews roasted over wood and lightly salted: crunchy and "
        "rich.\n\nIn a sealed jar; stays crisp for three months after opening.",
        origin="Vùng điều Đồng Nai",
        origin_en="Dong Nai cashew region",
        weight_grams=500,
        bestseller=True,
        variant_attribute=PACK,
        variants=_variants(("250-g", 95000, 140), ("500-g", 180000, 90), ("1-kg", 350000, 40)),
    ),
    DemoProduct(
        booth="to-hop-tac-dieu-vang",
        code="HDL",
        slug="hat-dieu-rang-moc-vo-lua",
        category="ca-phe-hat",
        product_type=FOOD,
        name="Hạt điều rang mộc còn vỏ lụa",
        name_en="Plain roasted skin-on cashews",
        description="Rang mộc không muối, giữ lớp vỏ lụa giàu chất xơ.\n\nHợp cho người ăn "
        "nhạt và trẻ nhỏ.",
        description_en="Roasted plain with no salt, keeping the fibre-rich skin.\n\nGood for "
        "low-salt diets and children.",
        origin="Vùng điều Đồng Nai",
        origin_en="Dong Nai cashew region",
        price=175000,
        quantity=75,
        weight_grams=500,
    ),
    DemoProduct(
        booth="to-hop-tac-dieu-vang",
        code="TDO",
        slug="tieu-do-chin-cay",
        category="gia-vi-mam",
        product_type=FOOD,
        name="Tiêu đỏ chín cây",
        name_en="Tree-ripened red pepper",
        description="Chỉ hái những chùm tiêu chín đỏ trên cây, phơi chậm cho vị cay dịu và "
        "thơm trái cây.\n\nHũ 100 g.",
        description_en="Only fully red, tree-ripened clusters are picked and slowly dried for a "
        "mild heat and fruity scent.\n\n100 g jar.",
        origin="Đồng Nai",
        origin_en="Dong Nai",
        price=95000,
        quantity=60,
        weight_grams=100,
    ),
    DemoProduct(
        booth="to-hop-tac-dieu-vang",
        code="KDM",
        slug="keo-hat-dieu-mat-mia",
        category="dac-san-vung-mien",
        product_type=FOOD,
        name="Kẹo hạt điều mật mía",
        name_en="Cashew brittle with cane syrup",
        description="Hạt điều vỡ trộn mật mía và gừng, cán mỏng, cắt miếng vừa ăn.\n\nHộp "
        "200 g, không chất bảo quản.",
        description_en="Broken cashews folded into cane syrup with ginger, rolled thin and cut "
        "into bites.\n\n200 g box, no preservatives.",
        origin="Đồng Nai",
        origin_en="Dong Nai",
        price=55000,
        quantity=120,
        weight_grams=200,
    ),
    DemoProduct(
        booth="to-hop-tac-dieu-vang",
        code="XSD",
        slug="xoai-say-deo",
        category="dac-san-vung-mien",
        product_type=FOOD,
        name="Xoài sấy dẻo",
        name_en="Soft dried mango",
        description="Xoài cát chín cây sấy lạnh, không đường, giữ vị chua ngọt tự nhiên.\n\n"
        "Túi zip 200 g.",
        description_en="Tree-ripened mango, cold-dried with no added sugar, keeping its natural "
        "sweet-sour taste.\n\n200 g zip bag.",
        origin="Vườn xoài Đồng Nai",
        origin_en="Dong Nai mango orchards",
        price=65000,
        quantity=110,
        weight_grams=200,
    ),
    DemoProduct(
        booth="to-hop-tac-dieu-vang",
        code="GLB",
        slug="gio-luc-binh-dan-tay",
        category="may-tre-dan",
        product_type=CRAFT,
        name="Giỏ lục bình đan tay",
        name_en="Hand-woven water hyacinth basket",
        description="Thân lục bình phơi khô, bện sợi và đan trên khung mây, có quai cầm.\n\n"
        "Đựng đồ, làm giỏ quà hoặc chậu cây giả.",
        description_en="Dried water hyacinth stems twisted into cord and woven over a rattan "
        "frame, with handles.\n\nFor storage, gift hampers or as a planter cover.",
        origin="Đan tay tại Đồng Nai",
        origin_en="Hand-woven in Dong Nai",
        price=145000,
        quantity=35,
        weight_grams=400,
        materials=("luc-binh", "may"),
    ),
    # --- Lào Cai: Nhóm dệt lanh Mây Trắng ----------------------------------------------------
    DemoProduct(
        booth="nhom-det-lanh-may-trang",
        code="VLC",
        slug="vai-lanh-nhuom-cham",
        category="det-may-tho-cam",
        product_type=TEXTILE,
        name="Vải lanh nhuộm chàm khổ 2 m",
        name_en="Indigo-dyed hemp cloth, 2 m",
        description="Sợi lanh tước tay, se và dệt trên khung gỗ, nhuộm chàm nhiều lần đến màu "
        "xanh đen.\n\nTấm vải dài 2 m, khổ 40 cm, dùng may túi, áo hoặc làm khăn trải.",
        description_en="Hemp fibre stripped and spun by hand, woven on a wooden loom and dipped "
        "in indigo many times until blue-black.\n\nA 2 m length, 40 cm wide, for bags, "
        "clothing or table runners.",
        origin="Dệt tay tại Lào Cai",
        origin_en="Hand-woven in Lao Cai",
        price=650000,
        quantity=10,
        weight_grams=350,
        materials=("soi-lanh", "nhuom-cham"),
    ),
    DemoProduct(
        booth="nhom-det-lanh-may-trang",
        code="TTC",
        slug="tui-tho-cam-hmong",
        category="det-may-tho-cam",
        product_type=TEXTILE,
        name="Túi thổ cẩm H'Mông",
        name_en="Hmong brocade bag",
        description="Túi may từ vải lanh nhuộm chàm, thêu và ghép hoa văn thổ cẩm H'Mông, lót "
        "vải bông.\n\nCó khóa kéo và ngăn nhỏ bên trong.",
        description_en="A bag of indigo hemp cloth with embroidered and appliquéd Hmong "
        "brocade, lined with cotton.\n\nZip closure and a small inner pocket.",
        origin="Dệt và thêu tay tại Lào Cai",
        origin_en="Woven and embroidered by hand in Lao Cai",
        weight_grams=300,
        bestseller=True,
        materials=("soi-lanh", "soi-bong", "nhuom-cham"),
        variant_attribute=SIZE,
        variants=_variants(("nho", 180000, 30), ("vua", 260000, 25), ("lon", 340000, 15)),
    ),
    DemoProduct(
        booth="nhom-det-lanh-may-trang",
        code="KQL",
        slug="khan-quang-lanh-theu-tay",
        category="det-may-tho-cam",
        product_type=TEXTILE,
        name="Khăn quàng lanh thêu tay",
        name_en="Hand-embroidered hemp scarf",
        description="Khăn lanh mềm, hai đầu thêu hoa văn xoắn ốc và hình quả trám.\n\nGiặt "
        "tay bằng nước lạnh, phơi trong bóng râm.",
        description_en="A soft hemp scarf with spiral and lozenge embroidery at both "
        "ends.\n\nHand wash cold and dry in the shade.",
        origin="Thêu tay tại Lào Cai",
        origin_en="Hand-embroidered in Lao Cai",
        price=320000,
        quantity=20,
        weight_grams=180,
        materials=("soi-lanh",),
    ),
    DemoProduct(
        booth="nhom-det-lanh-may-trang",
        code="VTC",
        slug="vi-tho-cam-cam-tay",
        category="det-may-tho-cam",
        product_type=TEXTILE,
        name="Ví thổ cẩm cầm tay",
        name_en="Brocade clutch purse",
        description="Ví nhỏ ghép từ những mảnh thổ cẩm còn lại sau khi may túi, không chiếc "
        "nào giống chiếc nào.\n\nVừa điện thoại và thẻ.",
        description_en="A small purse pieced from brocade offcuts left from bag-making; no two "
        "are alike.\n\nFits a phone and cards.",
        origin="Lào Cai",
        origin_en="Lao Cai",
        price=120000,
        quantity=45,
        weight_grams=90,
        materials=("soi-lanh", "soi-bong"),
    ),
    DemoProduct(
        booth="nhom-det-lanh-may-trang",
        code="CST",
        slug="che-shan-tuyet-co-thu",
        category="tra",
        product_type=FOOD,
        name="Chè Shan tuyết cổ thụ",
        name_en="Ancient Shan tuyet tea",
        description="Búp chè hái từ những cây chè Shan tuyết cổ thụ trên núi cao, sao tay trên "
        "chảo gang.\n\nNước vàng sánh, hương mật, vị chát dịu.",
        description_en="Buds picked from ancient Shan tuyet tea trees high in the mountains, "
        "pan-fired by hand in cast iron.\n\nA golden liquor with a honeyed scent and gentle "
        "astringency.",
        origin="Vùng chè núi cao, Lào Cai",
        origin_en="Highland tea region, Lao Cai",
        price=280000,
        quantity=40,
        weight_grams=200,
        bestseller=True,
    ),
    DemoProduct(
        booth="nhom-det-lanh-may-trang",
        code="TQK",
        slug="thao-qua-kho",
        category="gia-vi-mam",
        product_type=FOOD,
        name="Thảo quả khô",
        name_en="Dried black cardamom",
        description="Quả thảo quả trồng dưới tán rừng, sấy khói bếp, thơm nồng.\n\nGia vị "
        "không thể thiếu của nồi nước dùng phở và thắng cố.",
        description_en="Black cardamom grown under the forest canopy and dried over the kitchen "
        "fire, intensely aromatic.\n\nA must for pho broth and highland stews.",
        origin="Rừng núi Lào Cai",
        origin_en="Mountain forests of Lao Cai",
        price=90000,
        quantity=90,
        weight_grams=200,
    ),
    DemoProduct(
        booth="nhom-det-lanh-may-trang",
        code="BTT",
        slug="bot-tam-that-bac",
        category="duoc-lieu",
        product_type=HERB,
        name="Bột tam thất bắc",
        name_en="Northern notoginseng powder",
        description="Củ tam thất trồng trên ba năm, sấy khô và nghiền mịn.\n\nHũ 100 g. Sản "
        "phẩm không phải là thuốc; hỏi ý kiến thầy thuốc trước khi dùng.",
        description_en="Notoginseng roots grown for over three years, dried and finely "
        "ground.\n\n100 g jar. This product is not a medicine; ask a doctor before use.",
        origin="Vùng núi cao, Lào Cai",
        origin_en="Highlands of Lao Cai",
        price=350000,
        quantity=25,
        weight_grams=100,
    ),
    DemoProduct(
        booth="nhom-det-lanh-may-trang",
        code="RNG",
        slug="ruou-ngo-men-la",
        category="ruou-nuoc-uong",
        product_type=DRINK,
        name="Rượu ngô men lá",
        name_en="Leaf-yeast corn wine",
        description="Ngô bản địa ủ men lá rừng, chưng cất thủ công, 40 độ.\n\nChai 500 ml. "
        "Không bán cho người dưới 18 tuổi.",
        description_en="Local corn fermented with forest-leaf yeast and distilled by hand, "
        "40% ABV.\n\n500 ml bottle. Not sold to anyone under 18.",
        origin="Lào Cai",
        origin_en="Lao Cai",
        price=120000,
        quantity=50,
        weight_grams=900,
    ),
    # --- Quảng Trị: Hợp tác xã Tre Xanh ------------------------------------------------------
    DemoProduct(
        booth="htx-tre-xanh",
        code="GMD",
        slug="gio-may-dan-tay",
        category="may-tre-dan",
        product_type=CRAFT,
        name="Giỏ mây đan tay",
        name_en="Hand-woven rattan basket",
        description="Giỏ đan từ sợi mây chẻ nhỏ, khung tre chắc chắn, phủ dầu lau tự nhiên.\n\n"
        "Dùng đi chợ, đựng trái cây hoặc đồ len.",
        description_en="Woven from finely split rattan on a sturdy bamboo frame, finished with "
        "natural oil.\n\nFor the market, fruit or knitting.",
        origin="Đan tay tại Quảng Trị",
        origin_en="Hand-woven in Quang Tri",
        weight_grams=500,
        bestseller=True,
        materials=("may", "tre"),
        variant_attribute=SIZE,
        variants=_variants(("nho", 150000, 40), ("vua", 220000, 30), ("lon", 290000, 20)),
    ),
    DemoProduct(
        booth="htx-tre-xanh",
        code="HTT",
        slug="hop-tre-dung-tra",
        category="may-tre-dan",
        product_type=CRAFT,
        name="Hộp tre đựng trà",
        name_en="Bamboo tea caddy",
        description="Hộp tròn làm từ ống tre già, nắp khít, khắc hoa văn lá tre.\n\nGiữ trà "
        "khô và thơm lâu.",
        description_en="A round caddy made from a mature bamboo culm, with a snug lid carved "
        "with bamboo leaves.\n\nKeeps tea dry and fragrant.",
        origin="Quảng Trị",
        origin_en="Quang Tri",
        price=135000,
        quantity=55,
        weight_grams=250,
        materials=("tre",),
    ),
    DemoProduct(
        booth="htx-tre-xanh",
        code="KTE",
        slug="khay-tre-ep",
        category="may-tre-dan",
        product_type=CRAFT,
        name="Khay tre ép",
        name_en="Pressed bamboo tray",
        description="Khay chữ nhật từ nan tre ép nhiệt, phủ sơn gốc nước an toàn thực "
        "phẩm.\n\nKích thước 35 x 25 cm.",
        description_en="A rectangular tray of heat-pressed bamboo strips, coated with a "
        "food-safe water-based finish.\n\n35 x 25 cm.",
        origin="Quảng Trị",
        origin_en="Quang Tri",
        price=160000,
        quantity=40,
        weight_grams=600,
        materials=("tre",),
    ),
    DemoProduct(
        booth="htx-tre-xanh",
        code="HTQ",
        slug="ho-tieu-quang-tri",
        category="gia-vi-mam",
        product_type=FOOD,
        name="Hồ tiêu Quảng Trị",
        name_en="Quang Tri pepper",
        description="Tiêu trồng trên đất đỏ bazan, hạt nhỏ nhưng cay và thơm đặc trưng.\n\n"
        "Hũ 200 g.",
        description_en="Pepper grown on red basalt soil: small corns with a distinctive heat "
        "and aroma.\n\n200 g jar.",
        origin="Vùng đất đỏ bazan, Quảng Trị",
        origin_en="Red basalt uplands, Quang Tri",
        price=80000,
        quantity=100,
        weight_grams=200,
    ),
    DemoProduct(
        booth="htx-tre-xanh",
        code="KDE",
        slug="khoai-deo",
        category="dac-san-vung-mien",
        product_type=FOOD,
        name="Khoai deo",
        name_en="Chewy dried sweet potato",
        description="Khoai lang hấp chín, thái lát và phơi nắng gió Lào cho đến khi dẻo "
        "ngọt.\n\nMón quà quê được mong chờ mỗi mùa đông.",
        description_en="Sweet potatoes steamed, sliced and dried in the hot westerly wind until "
        "chewy and sweet.\n\nA country treat everyone waits for each winter.",
        origin="Quảng Trị",
        origin_en="Quang Tri",
        price=85000,
        quantity=130,
        weight_grams=500,
        bestseller=True,
    ),
    DemoProduct(
        booth="htx-tre-xanh",
        code="NLT",
        slug="non-la-truyen-thong",
        category="may-tre-dan",
        product_type=CRAFT,
        name="Nón lá truyền thống",
        name_en="Traditional conical hat",
        description="Mười sáu vành tre chuốt tròn, lợp lá nón phơi trắng và khâu bằng chỉ "
        "cước.\n\nNhẹ, thoáng, che nắng mưa.",
        description_en="Sixteen rounded bamboo rings covered with sun-bleached palm leaves and "
        "stitched with nylon thread.\n\nLight and airy; keeps off sun and rain.",
        origin="Quảng Trị",
        origin_en="Quang Tri",
        price=110000,
        quantity=60,
        weight_grams=200,
        materials=("la-non", "tre"),
    ),
    DemoProduct(
        booth="htx-tre-xanh",
        code="TCG",
        slug="tra-ca-gai-leo",
        category="tra",
        product_type=HERB,
        name="Trà cà gai leo",
        name_en="Ca gai leo herbal tea",
        description="Cây cà gai leo trồng không dùng thuốc bảo vệ thực vật, phơi khô và cắt "
        "khúc.\n\nTheo kinh nghiệm dân gian dùng hằng ngày như trà thảo mộc. Sản phẩm không "
        "phải là thuốc.",
        description_en="Ca gai leo (Solanum procumbens) grown without pesticides, dried and "
        "cut.\n\nDrunk daily as a herbal tea by local tradition. This product is not a "
        "medicine.",
        origin="Quảng Trị",
        origin_en="Quang Tri",
        price=110000,
        quantity=70,
        weight_grams=200,
    ),
    DemoProduct(
        booth="htx-tre-xanh",
        code="SCR",
        slug="sam-cau-rung-kho",
        category="duoc-lieu",
        product_type=HERB,
        name="Sâm cau rừng khô",
        name_en="Dried wild golden eye-grass root",
        description="Củ sâm cau thu hái theo mùa, rửa sạch, thái lát và sấy khô.\n\nThường "
        "dùng ngâm rượu hoặc hãm trà. Sản phẩm không phải là thuốc.",
        description_en="Curculigo (sam cau) roots harvested in season, washed, sliced and "
        "dried.\n\nUsually steeped in spirits or brewed as tea. This product is not a "
        "medicine.",
        origin="Vùng núi Quảng Trị",
        origin_en="Mountains of Quang Tri",
        price=150000,
        quantity=30,
        weight_grams=200,
    ),
    # --- Hà Tĩnh: Nhóm phụ nữ Sen Hồng -------------------------------------------------------
    DemoProduct(
        booth="nhom-phu-nu-sen-hong",
        code="KCD",
        slug="keo-cu-do",
        category="dac-san-vung-mien",
        product_type=FOOD,
        name="Kẹo cu đơ",
        name_en="Cu do peanut candy",
        description="Lạc rang và mật mía nấu cùng gừng, kẹp giữa hai lớp bánh đa mỏng.\n\n"
        "Hộp 300 g, món quà quen thuộc của xứ Nghệ.",
        description_en="Roasted peanuts and cane molasses cooked with ginger, sandwiched "
        "between two thin rice crackers.\n\n300 g box, a familiar gift from the region.",
        origin="Hà Tĩnh",
        origin_en="Ha Tinh",
        price=55000,
        quantity=180,
        weight_grams=300,
        bestseller=True,
    ),
    DemoProduct(
        booth="nhom-phu-nu-sen-hong",
        code="NMC",
        slug="nuoc-mam-ca-com-truyen-thong",
        category="gia-vi-mam",
        product_type=FOOD,
        name="Nước mắm cá cơm truyền thống",
        name_en="Traditional anchovy fish sauce",
        description="Cá cơm tươi ủ chượp với muối biển trong thùng gỗ mười hai tháng, lọc "
        "nhỉ lấy nước đầu.\n\nĐộ đạm 30, không chất bảo quản, không điều vị.",
        description_en="Fresh anchovies fermented with sea salt in wooden vats for twelve "
        "months; only the first drip is bottled.\n\n30° protein, no preservatives, no flavour "
        "enhancers.",
        origin="Làng chài ven biển Hà Tĩnh",
        origin_en="Coastal fishing villages of Ha Tinh",
        weight_grams=700,
        variant_attribute=VOLUME,
        variants=_variants(("250-ml", 45000, 100), ("500-ml", 85000, 80), ("1-lit", 150000, 40)),
    ),
    DemoProduct(
        booth="nhom-phu-nu-sen-hong",
        code="MRU",
        slug="mam-ruoc-ha-tinh",
        category="gia-vi-mam",
        product_type=FOOD,
        name="Mắm ruốc Hà Tĩnh",
        name_en="Ha Tinh shrimp paste",
        description="Ruốc biển tươi trộn muối, phơi nắng và giã nhuyễn, thơm đậm.\n\nHũ "
        "300 g, dùng chấm xoài, kho thịt hoặc xào sả ớt.",
        description_en="Fresh krill mixed with salt, sun-dried and pounded smooth, with a deep "
        "aroma.\n\n300 g jar, for green mango, braised pork or stir-fried with lemongrass.",
        origin="Ven biển Hà Tĩnh",
        origin_en="Ha Tinh coast",
        price=65000,
        quantity=90,
        weight_grams=300,
    ),
    DemoProduct(
        booth="nhom-phu-nu-sen-hong",
        code="TDB",
        slug="tinh-dau-buoi",
        category="duoc-lieu",
        product_type=HERB,
        name="Tinh dầu vỏ bưởi",
        name_en="Pomelo peel essential oil",
        description="Chưng cất từ vỏ bưởi Phúc Trạch, lọ 50 ml.\n\nDùng ủ tóc, xông phòng; "
        "không uống.",
        description_en="Distilled from the peel of Phuc Trach pomelos, 50 ml bottle.\n\nFor "
        "hair care or diffusing; not to be swallowed.",
        origin="Vùng bưởi Phúc Trạch, Hà Tĩnh",
        origin_en="Phuc Trach pomelo region, Ha Tinh",
        price=95000,
        quantity=75,
        weight_grams=120,
    ),
    DemoProduct(
        booth="nhom-phu-nu-sen-hong",
        code="CCV",
        slug="cao-che-vang",
        category="duoc-lieu",
        product_type=HERB,
        name="Cao chè vằng",
        name_en="Che vang herbal extract",
        description="Lá và thân chè vằng nấu cô đặc thành bánh cao.\n\nTheo kinh nghiệm dân "
        "gian pha nước uống hằng ngày. Sản phẩm không phải là thuốc.",
        description_en="Leaves and stems of che vang (Jasminum subtriplinerve) boiled down "
        "into a solid extract.\n\nDissolved as a daily drink by local tradition. This product "
        "is not a medicine.",
        origin="Hà Tĩnh",
        origin_en="Ha Tinh",
        price=150000,
        quantity=45,
        weight_grams=200,
    ),
    # --- Nghệ An: Tổ hợp tác Chồi Non --------------------------------------------------------
    DemoProduct(
        booth="to-hop-tac-choi-non",
        code="CXB",
        slug="che-xanh-bup-kho",
        category="tra",
        product_type=FOOD,
        name="Chè xanh búp khô",
        name_en="Dried green tea buds",
        description="Búp chè một tôm hai lá hái sáng sớm, vò và sao khô trong ngày.\n\nNước "
        "xanh, vị chát đầu lưỡi và ngọt hậu.",
        description_en="One bud and two leaves picked at dawn, rolled and pan-dried the same "
        "day.\n\nA green liquor, brisk on the tongue with a sweet finish.",
        origin="Đồi chè Nghệ An",
        origin_en="Nghe An tea hills",
        price=90000,
        quantity=140,
        weight_grams=200,
        bestseller=True,
    ),
    DemoProduct(
        booth="to-hop-tac-choi-non",
        code="TBN",
        slug="tinh-bot-nghe",
        category="duoc-lieu",
        product_type=HERB,
        name="Tinh bột nghệ vàng",
        name_en="Yellow turmeric starch",
        description="Củ nghệ vàng mài, lọc bỏ tinh dầu và bã nhiều lần, phơi khô thành bột "
        "mịn.\n\nPha với mật ong và nước ấm. Sản phẩm không phải là thuốc.",
        description_en="Yellow turmeric grated and washed many times to remove oil and fibre, "
        "then dried to a fine powder.\n\nStir into warm water with honey. This product is not a "
        "medicine.",
        origin="Nghệ An",
        origin_en="Nghe An",
        weight_grams=250,
        variant_attribute=PACK,
        variants=_variants(("250-g", 160000, 50), ("500-g", 300000, 25)),
    ),
    DemoProduct(
        booth="to-hop-tac-choi-non",
        code="TND",
        slug="tuong-nam-dan",
        category="gia-vi-mam",
        product_type=FOOD,
        name="Tương Nam Đàn",
        name_en="Nam Dan soybean sauce",
        description="Đậu nành rang, xôi nếp ủ mốc và muối, phơi nắng trong chum sành nhiều "
        "tháng.\n\nChai 500 ml, chấm rau luộc hoặc kho cá.",
        description_en="Roasted soybeans, moulded sticky rice and salt, sun-ripened in "
        "earthenware jars for months.\n\n500 ml bottle, for boiled greens or braised fish.",
        origin="Nghệ An",
        origin_en="Nghe An",
        price=55000,
        quantity=100,
        weight_grams=650,
    ),
    DemoProduct(
        booth="to-hop-tac-choi-non",
        code="NTC",
        slug="nhut-thanh-chuong",
        category="dac-san-vung-mien",
        product_type=FOOD,
        name="Nhút Thanh Chương",
        name_en="Thanh Chuong pickled jackfruit",
        description="Mít non thái sợi, muối chua cùng riềng, ớt theo công thức truyền "
        "thống.\n\nHũ 500 g, ăn kèm cơm hoặc xào thịt.",
        description_en="Young jackfruit cut into strips and pickled with galangal and chilli "
        "to a traditional recipe.\n\n500 g jar, with rice or stir-fried with pork.",
        origin="Nghệ An",
        origin_en="Nghe An",
        price=45000,
        quantity=80,
        weight_grams=500,
    ),
    DemoProduct(
        booth="to-hop-tac-choi-non",
        code="KTT",
        slug="khan-tho-cam-thai",
        category="det-may-tho-cam",
        product_type=TEXTILE,
        name="Khăn thổ cẩm Thái dệt tay",
        name_en="Hand-woven Thai brocade scarf",
        description="Khăn dệt sợi bông nhuộm màu tự nhiên với hoa văn trám và hoa sao của "
        "người Thái.\n\nKích thước 160 x 35 cm.",
        description_en="A scarf of naturally dyed cotton with the lozenge and star-flower "
        "patterns of the Thai people.\n\n160 x 35 cm.",
        origin="Dệt tay tại Nghệ An",
        origin_en="Hand-woven in Nghe An",
        price=280000,
        quantity=30,
        weight_grams=160,
        materials=("soi-bong",),
    ),
    # --- Điện Biên: Hợp tác xã dệt Hoa Ban ---------------------------------------------------
    DemoProduct(
        booth="htx-det-hoa-ban",
        code="KPT",
        slug="khan-pieu-theu-tay",
        category="det-may-tho-cam",
        product_type=TEXTILE,
        name="Khăn piêu thêu tay",
        name_en="Hand-embroidered pieu headscarf",
        description="Khăn piêu của phụ nữ Thái, thêu kín hai đầu bằng chỉ tơ nhiều màu.\n\n"
        "Mỗi chiếc thêu trong khoảng hai tuần.",
        description_en="The pieu headscarf of Thai women, both ends densely embroidered in "
        "coloured silk.\n\nEach one takes about two weeks to embroider.",
        origin="Thêu tay tại Điện Biên",
        origin_en="Hand-embroidered in Dien Bien",
        price=350000,
        quantity=15,
        weight_grams=150,
        bestseller=True,
        materials=("soi-bong", "to-tam"),
    ),
    DemoProduct(
        booth="htx-det-hoa-ban",
        code="AKT",
        slug="ao-khoac-tho-cam",
        category="det-may-tho-cam",
        product_type=TEXTILE,
        name="Áo khoác thổ cẩm",
        name_en="Brocade jacket",
        description="Áo khoác dáng suông may từ vải bông dệt tay, viền thổ cẩm ở cổ và tay "
        "áo.\n\nChọn cỡ theo vòng ngực: nhỏ đến 86 cm, vừa đến 94 cm, lớn đến 102 cm.",
        description_en="A loose jacket of hand-woven cotton with brocade trim at the collar "
        "and cuffs.\n\nChoose by chest size: small up to 86 cm, medium up to 94 cm, large up "
        "to 102 cm.",
        origin="Dệt và may tại Điện Biên",
        origin_en="Woven and sewn in Dien Bien",
        weight_grams=450,
        materials=("soi-bong",),
        variant_attribute=SIZE,
        variants=_variants(("nho", 450000, 8), ("vua", 450000, 10), ("lon", 480000, 6)),
    ),
    DemoProduct(
        booth="htx-det-hoa-ban",
        code="TDC",
        slug="tui-deo-cheo-tho-cam",
        category="det-may-tho-cam",
        product_type=TEXTILE,
        name="Túi đeo chéo thổ cẩm",
        name_en="Brocade crossbody bag",
        description="Túi nhỏ đeo chéo, mặt trước dệt thổ cẩm, dây đeo điều chỉnh được.\n\n"
        "Lót vải bông, có khóa kéo.",
        description_en="A small crossbody bag with a woven brocade front and an adjustable "
        "strap.\n\nCotton lining and zip closure.",
        origin="Điện Biên",
        origin_en="Dien Bien",
        price=220000,
        quantity=35,
        weight_grams=250,
        materials=("soi-bong",),
    ),
    DemoProduct(
        booth="htx-det-hoa-ban",
        code="GSC",
        slug="gao-seng-cu-dien-bien",
        category="dac-san-vung-mien",
        product_type=FOOD,
        name="Gạo Séng Cù Điện Biên",
        name_en="Dien Bien Seng Cu rice",
        description="Gạo hạt dài trồng trên cánh đồng lòng chảo, cơm dẻo và thơm.\n\nTúi "
        "5 kg, hút chân không.",
        description_en="Long-grain rice from the valley paddies, soft and fragrant when "
        "cooked.\n\n5 kg vacuum-packed bag.",
        origin="Cánh đồng lòng chảo, Điện Biên",
        origin_en="Valley paddies, Dien Bien",
        price=175000,
        quantity=60,
        weight_grams=5000,
    ),
    DemoProduct(
        booth="htx-det-hoa-ban",
        code="MKH",
        slug="mang-kho",
        category="dac-san-vung-mien",
        product_type=FOOD,
        name="Măng khô",
        name_en="Dried bamboo shoots",
        description="Măng nứa rừng luộc chín, phơi trên gác bếp đến khi vàng óng.\n\nNgâm "
        "qua đêm trước khi nấu canh hoặc hầm.",
        description_en="Wild bamboo shoots boiled and dried above the kitchen fire until "
        "golden.\n\nSoak overnight before using in soups and stews.",
        origin="Rừng Điện Biên",
        origin_en="Forests of Dien Bien",
        price=140000,
        quantity=70,
        weight_grams=500,
    ),
    DemoProduct(
        booth="htx-det-hoa-ban",
        code="MKN",
        slug="mac-khen",
        category="gia-vi-mam",
        product_type=FOOD,
        name="Mắc khén",
        name_en="Mac khen wild pepper",
        description="Hạt tiêu rừng Tây Bắc, thơm mùi cam chanh, tê nhẹ đầu lưỡi.\n\nGia vị "
        "của thịt nướng và chẳm chéo.",
        description_en="Wild pepper of the north-west, with a citrus scent and a gentle tingle "
        "on the tongue.\n\nThe spice for grilled meat and cham cheo dipping sauce.",
        origin="Rừng Điện Biên",
        origin_en="Forests of Dien Bien",
        price=60000,
        quantity=110,
        weight_grams=100,
    ),
    DemoProduct(
        booth="htx-det-hoa-ban",
        code="TGL",
        slug="tra-gao-lut-rang",
        category="tra",
        product_type=FOOD,
        name="Trà gạo lứt rang",
        name_en="Roasted brown rice tea",
        description="Gạo lứt rang thơm trên chảo gang, hãm như trà.\n\nVị bùi, không chứa "
        "caffeine, hợp cho cả gia đình.",
        description_en="Brown rice toasted in a cast-iron pan and brewed like tea.\n\nNutty "
        "and caffeine-free, for the whole family.",
        origin="Điện Biên",
        origin_en="Dien Bien",
        price=70000,
        quantity=100,
        weight_grams=300,
    ),
    # --- Đắk Lắk: Hợp tác xã cà phê Đất Đỏ ---------------------------------------------------
    DemoProduct(
        booth="htx-ca-phe-dat-do",
        code="CBM",
        slug="ca-phe-robusta-buon-ma-thuot",
        category="ca-phe-hat",
        product_type=FOOD,
        name="Cà phê Robusta Buôn Ma Thuột",
        name_en="Buon Ma Thuot Robusta coffee",
        description="Cà phê mang chỉ dẫn địa lý Buôn Ma Thuột, chỉ hái quả chín, sơ chế "
        "ướt.\n\nRang vừa, xay sẵn cho phin hoặc để nguyên hạt.",
        description_en="Coffee from the Buon Ma Thuot geographical indication, ripe cherries "
        "only, wet-processed.\n\nMedium roast, ground for the phin filter or as whole beans.",
        origin="Vùng cà phê Buôn Ma Thuột, Đắk Lắk",
        origin_en="Buon Ma Thuot coffee region, Dak Lak",
        weight_grams=500,
        bestseller=True,
        variant_attribute=PACK,
        variants=_variants(("250-g", 110000, 100), ("500-g", 210000, 70)),
    ),
    DemoProduct(
        booth="htx-ca-phe-dat-do",
        code="CCL",
        slug="ca-phe-hat-culi",
        category="ca-phe-hat",
        product_type=FOOD,
        name="Cà phê hạt Culi",
        name_en="Peaberry coffee beans",
        description="Những hạt Culi tròn, mỗi quả chỉ một nhân, được nhặt tay riêng.\n\nVị "
        "đậm và hương thơm nồng hơn hạt thường.",
        description_en="Round peaberries, one bean to a cherry, sorted out by hand.\n\nBolder "
        "and more aromatic than ordinary beans.",
        origin="Đắk Lắk",
        origin_en="Dak Lak",
        price=230000,
        quantity=45,
        weight_grams=500,
    ),
    DemoProduct(
        booth="htx-ca-phe-dat-do",
        code="MHC",
        slug="mat-ong-hoa-ca-phe",
        category="mat-ong",
        product_type=FOOD,
        name="Mật ong hoa cà phê",
        name_en="Coffee blossom honey",
        description="Mật ong lấy vào mùa hoa cà phê nở trắng đồi, màu hổ phách nhạt, hương "
        "hoa nhẹ.\n\nChai 500 ml.",
        description_en="Honey gathered when coffee blossoms whiten the hills: pale amber with "
        "a light floral scent.\n\n500 ml bottle.",
        origin="Đồi cà phê Đắk Lắk",
        origin_en="Coffee hills of Dak Lak",
        price=220000,
        quantity=65,
        weight_grams=700,
    ),
    DemoProduct(
        booth="htx-ca-phe-dat-do",
        code="HMC",
        slug="hat-mac-ca-nut-vo",
        category="ca-phe-hat",
        product_type=FOOD,
        name="Hạt mắc ca nứt vỏ",
        name_en="Cracked-shell macadamias",
        description="Mắc ca sấy và tách sẵn đường nứt, kèm dụng cụ mở vỏ.\n\nTúi 500 g.",
        description_en="Dried macadamias with the shell already split, with an opener in the "
        "bag.\n\n500 g bag.",
        origin="Đắk Lắk",
        origin_en="Dak Lak",
        price=260000,
        quantity=55,
        weight_grams=500,
    ),
    DemoProduct(
        booth="htx-ca-phe-dat-do",
        code="KTB",
        slug="khan-trai-ban-tho-cam-e-de",
        category="det-may-tho-cam",
        product_type=TEXTILE,
        name="Khăn trải bàn thổ cẩm Ê Đê",
        name_en="Ede brocade table runner",
        description="Dệt trên khung dệt truyền thống với nền đen và hoa văn đỏ, trắng của "
        "người Ê Đê.\n\nKích thước 180 x 40 cm.",
        description_en="Woven on a traditional loom: a black ground with the red and white "
        "patterns of the Ede people.\n\n180 x 40 cm.",
        origin="Dệt tay tại Đắk Lắk",
        origin_en="Hand-woven in Dak Lak",
        price=380000,
        quantity=12,
        weight_grams=300,
        materials=("soi-bong",),
    ),
    DemoProduct(
        booth="htx-ca-phe-dat-do",
        code="GMT",
        slug="gui-may-tre",
        category="may-tre-dan",
        product_type=CRAFT,
        name="Gùi mây tre",
        name_en="Rattan and bamboo back basket",
        description="Chiếc gùi đan theo kiểu Tây Nguyên, đáy vuông, miệng tròn, quai đeo "
        "bằng vỏ cây.\n\nDùng trang trí hoặc đựng đồ.",
        description_en="A Central Highlands back basket with a square base, round mouth and "
        "bark straps.\n\nFor decoration or storage.",
        origin="Đan tay tại Đắk Lắk",
        origin_en="Hand-woven in Dak Lak",
        price=320000,
        quantity=14,
        weight_grams=900,
        materials=("may", "tre"),
    ),
    DemoProduct(
        booth="htx-ca-phe-dat-do",
        code="RCN",
        slug="ruou-can-che-nho",
        category="ruou-nuoc-uong",
        product_type=DRINK,
        name="Rượu cần ché nhỏ",
        name_en="Small jar of rice wine",
        description="Gạo và men lá ủ trong ché sành nhỏ, uống bằng cần tre khi có khách.\n\n"
        "Ché 2 lít kèm hai cần. Không bán cho người dưới 18 tuổi.",
        description_en="Rice and leaf yeast fermented in a small stoneware jar, drunk through "
        "bamboo straws with guests.\n\n2 litre jar with two straws. Not sold to anyone under "
        "18.",
        origin="Đắk Lắk",
        origin_en="Dak Lak",
        price=350000,
        quantity=20,
        weight_grams=3500,
    ),
    # --- Khánh Hòa: Nhóm gốm Lửa Hồng --------------------------------------------------------
    DemoProduct(
        booth="nhom-gom-lua-hong",
        code="BGC",
        slug="binh-gom-nung-lo-thien",
        category="gom",
        product_type=CRAFT,
        name="Bình gốm nung lộ thiên",
        name_en="Open-fired pottery vase",
        description="Bình nặn tay không dùng bàn xoay, nung ngoài trời bằng rơm và củi, mỗi "
        "chiếc mang vết lửa riêng.\n\nChỉ dùng cắm hoa khô hoặc trang trí.",
        description_en="Shaped by hand without a wheel and fired in the open with straw and "
        "wood, so each carries its own fire marks.\n\nFor dried flowers or decoration only.",
        origin="Làm tay tại Khánh Hòa",
        origin_en="Handmade in Khanh Hoa",
        weight_grams=1200,
        bestseller=True,
        materials=("dat-set",),
        variant_attribute=SIZE,
        variants=_variants(("nho", 180000, 20), ("vua", 280000, 12), ("lon", 420000, 6)),
    ),
    DemoProduct(
        booth="nhom-gom-lua-hong",
        code="BCG",
        slug="bo-chen-gom-moc",
        category="gom",
        product_type=CRAFT,
        name="Bộ 4 chén gốm mộc",
        name_en="Set of 4 unglazed cups",
        description="Bốn chén uống trà nặn tay, mặt trong tráng men gốc tro an toàn thực "
        "phẩm.\n\nMỗi chén khoảng 80 ml.",
        description_en="Four hand-shaped tea cups, glazed inside with a food-safe ash "
        "glaze.\n\nAbout 80 ml each.",
        origin="Khánh Hòa",
        origin_en="Khanh Hoa",
        price=240000,
        quantity=25,
        weight_grams=600,
        materials=("dat-set",),
    ),
    DemoProduct(
        booth="nhom-gom-lua-hong",
        code="OBG",
        slug="ong-cam-but-gom",
        category="gom",
        product_type=CRAFT,
        name="Ống cắm bút gốm",
        name_en="Pottery pen pot",
        description="Ống gốm đỏ khắc hoa văn sóng nước, đáy phẳng chắc chắn.\n\nCao 11 cm.",
        description_en="A red clay pot incised with a wave pattern, on a steady flat "
        "base.\n\n11 cm tall.",
        origin="Khánh Hòa",
        origin_en="Khanh Hoa",
        price=90000,
        quantity=40,
        weight_grams=350,
        materials=("dat-set",),
    ),
    DemoProduct(
        booth="nhom-gom-lua-hong",
        code="DGT",
        slug="dia-gom-trang-tri",
        category="gom",
        product_type=CRAFT,
        name="Đĩa gốm trang trí",
        name_en="Decorative pottery plate",
        description="Đĩa gốm nặn tay, vẽ hoa văn bằng đất màu trước khi nung.\n\nĐường kính "
        "25 cm, kèm giá treo tường.",
        description_en="A hand-shaped plate painted with coloured slip before firing.\n\n25 cm "
        "across, with a wall hanger.",
        origin="Khánh Hòa",
        origin_en="Khanh Hoa",
        price=260000,
        quantity=18,
        weight_grams=800,
        materials=("dat-set",),
    ),
    # --- An Giang: Nhóm sinh kế Bình Minh (applied, not yet published) ----------------------
    DemoProduct(
        booth="nhom-sinh-ke-binh-minh",
        code="TCD",
        slug="tui-coi-dan-tay",
        category="may-tre-dan",
        product_type=CRAFT,
        name="Túi cói đan tay",
        name_en="Hand-woven sedge bag",
        description="Túi xách đan từ sợi cói nhuộm màu tự nhiên, quai da.\n\nRộng 35 cm.",
        description_en="A tote woven from naturally dyed sedge with leather handles.\n\n35 cm "
        "wide.",
        origin="An Giang",
        origin_en="An Giang",
        price=150000,
        quantity=20,
        weight_grams=350,
        materials=("coi",),
    ),
    DemoProduct(
        booth="nhom-sinh-ke-binh-minh",
        code="DTN",
        slug="duong-thot-not",
        category="dac-san-vung-mien",
        product_type=FOOD,
        name="Đường thốt nốt",
        name_en="Palm sugar",
        description="Nước hoa thốt nốt nấu cô trên bếp củi đến khi đặc lại thành bánh.\n\n"
        "Túi 500 g.",
        description_en="Palmyra palm sap cooked down over a wood fire until it sets into "
        "cakes.\n\n500 g bag.",
        origin="An Giang",
        origin_en="An Giang",
        price=60000,
        quantity=50,
        weight_grams=500,
    ),
    # --- Sơn La: Tổ hợp tác Suối Bạc (suspended: hidden from shoppers) ----------------------
    DemoProduct(
        booth="to-hop-tac-suoi-bac",
        code="MSD",
        slug="man-say-deo",
        category="dac-san-vung-mien",
        product_type=FOOD,
        name="Mận sấy dẻo",
        name_en="Soft dried plums",
        description="Mận hậu chín sấy dẻo, vị chua ngọt.\n\nTúi 200 g.",
        description_en="Ripe plums dried until soft, sweet and sour.\n\n200 g bag.",
        origin="Sơn La",
        origin_en="Son La",
        price=55000,
        quantity=40,
        weight_grams=200,
    ),
    DemoProduct(
        booth="to-hop-tac-suoi-bac",
        code="CTS",
        slug="che-tuyet-son-la",
        category="tra",
        product_type=FOOD,
        name="Chè tuyết Sơn La",
        name_en="Son La snow tea",
        description="Búp chè phủ lông tơ trắng, sao tay.\n\nGói 100 g.",
        description_en="Downy white tea buds, pan-fired by hand.\n\n100 g pack.",
        origin="Sơn La",
        origin_en="Son La",
        price=150000,
        quantity=30,
        weight_grams=100,
    ),
)

# Products in the "Quà Tết" collection, in the order shown.
TET_GIFTS = (
    "mat-ong-rung-nguyen-chat",
    "ca-phe-robusta-buon-ma-thuot",
    "hat-dieu-rang-muoi",
    "che-shan-tuyet-co-thu",
    "keo-cu-do",
    "sam-ngoc-linh-ngam-mat-ong",
    "tui-tho-cam-hmong",
    "bo-chen-gom-moc",
    "khoai-deo",
    "hop-tre-dung-tra",
    "tinh-bot-nghe",
    "khan-pieu-theu-tay",
)

# Labels of the generated variations used to scale the catalog (`loaddemo --products N`), by
# product type: what sets one jar of honey or one scarf apart from another.
_FOOD_EDITIONS = (
    ("Hộp quà", "Gift box"),
    ("Gói gia đình", "Family pack"),
    ("Mùa vụ mới", "New harvest"),
    ("Lô đặc biệt", "Special batch"),
    ("Gói dùng thử", "Trial pack"),
)
_CRAFT_EDITIONS = (
    ("Mẫu mới", "New design"),
    ("Màu chàm", "Indigo"),
    ("Hoa văn cổ", "Heritage pattern"),
    ("Màu tự nhiên", "Natural colour"),
    ("Bản giới hạn", "Limited edition"),
)
EDITIONS = {
    FOOD: _FOOD_EDITIONS,
    DRINK: _FOOD_EDITIONS,
    HERB: _FOOD_EDITIONS,
    TEXTILE: _CRAFT_EDITIONS,
    CRAFT: _CRAFT_EDITIONS,
}
