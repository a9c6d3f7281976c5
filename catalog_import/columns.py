"""The columns of an import sheet, with their Vietnamese and English headers.

Headers are recognised in either language, with or without diacritics, case or punctuation
("Giá (₫)", "gia", "Price (VND)" and "price" all name the price column). The labels and the
explanations of the template's guide sheet are part of the file format rather than interface
text, so both languages are written here instead of going through gettext.
"""

from dataclasses import dataclass
from enum import StrEnum

from marketplace.core.text import fold_vietnamese


class Col(StrEnum):
    SKU = "sku"
    NAME_VI = "name_vi"
    NAME_EN = "name_en"
    DESCRIPTION_VI = "description_vi"
    DESCRIPTION_EN = "description_en"
    CATEGORY = "category"
    PRICE = "price"
    STOCK = "stock"
    WEIGHT = "weight"
    ATTRIBUTES = "attributes"
    CERTIFICATE = "certificate"
    IMAGES = "images"
    PUBLISH = "publish"


@dataclass(frozen=True)
class Column:
    key: Col
    label_vi: str
    label_en: str
    required: bool
    example_vi: str
    example_en: str
    guide_vi: str
    guide_en: str
    aliases: tuple[str, ...] = ()

    def label(self, language: str) -> str:
        return self.label_vi if language.startswith("vi") else self.label_en

    def example(self, language: str) -> str:
        return self.example_vi if language.startswith("vi") else self.example_en

    def guide(self, language: str) -> str:
        return self.guide_vi if language.startswith("vi") else self.guide_en


COLUMNS: tuple[Column, ...] = (
    Column(
        Col.SKU,
        "Mã SKU",
        "SKU",
        True,
        "MO-RUNG-500",
        "MO-RUNG-500",
        "Mã riêng của sản phẩm trong gian hàng. Nhập lại cùng mã sẽ cập nhật sản phẩm đó "
        "thay vì tạo sản phẩm mới. Không được trùng trong tệp.",
        "The product's own code within the booth. Importing the same code again updates that "
        "product instead of creating a new one. Must not repeat within the file.",
        ("ma", "ma sp", "ma san pham", "sku code", "product code"),
    ),
    Column(
        Col.NAME_VI,
        "Tên (tiếng Việt)",
        "Name (Vietnamese)",
        True,
        "Mật ong rừng nguyên chất 500 ml",
        "Mật ong rừng nguyên chất 500 ml",
        "Tên sản phẩm bằng tiếng Việt, tối đa 250 ký tự.",
        "The product name in Vietnamese, at most 250 characters.",
        ("ten", "ten san pham", "ten tieng viet", "name vi", "name"),
    ),
    Column(
        Col.NAME_EN,
        "Tên (tiếng Anh)",
        "Name (English)",
        False,
        "Pure wild forest honey 500 ml",
        "Pure wild forest honey 500 ml",
        "Tên sản phẩm bằng tiếng Anh (không bắt buộc).",
        "The product name in English (optional).",
        ("ten tieng anh", "name en", "english name"),
    ),
    Column(
        Col.DESCRIPTION_VI,
        "Mô tả (tiếng Việt)",
        "Description (Vietnamese)",
        False,
        "Mật ong khai thác theo mùa hoa, lọc thủ công, không pha đường.",
        "Mật ong khai thác theo mùa hoa, lọc thủ công, không pha đường.",
        "Mô tả bằng tiếng Việt. Để trống một dòng giữa hai đoạn văn.",
        "The description in Vietnamese. Leave an empty line between paragraphs.",
        ("mo ta", "mo ta tieng viet", "description vi", "description"),
    ),
    Column(
        Col.DESCRIPTION_EN,
        "Mô tả (tiếng Anh)",
        "Description (English)",
        False,
        "Honey gathered in the flowering season, filtered by hand, no added sugar.",
        "Honey gathered in the flowering season, filtered by hand, no added sugar.",
        "Mô tả bằng tiếng Anh (không bắt buộc).",
        "The description in English (optional).",
        ("mo ta tieng anh", "description en", "english description"),
    ),
    Column(
        Col.CATEGORY,
        "Danh mục",
        "Category",
        True,
        "Mật ong",
        "Honey",
        "Tên danh mục (tiếng Việt hoặc tiếng Anh, có dấu hoặc không dấu). Khi hai danh mục "
        "trùng tên, ghi kèm danh mục cha: “Thực phẩm > Mật ong”. Xem trang Danh mục.",
        "The category name (Vietnamese or English, with or without diacritics). When two "
        "categories share a name, add the parent: “Food > Honey”. See the Categories sheet.",
        ("danh muc san pham", "loai", "nhom hang", "product category"),
    ),
    Column(
        Col.PRICE,
        "Giá (₫)",
        "Price (VND)",
        True,
        "125.000",
        "125,000",
        "Giá bán bằng đồng, không có số lẻ: 125000, 125.000 hoặc 125.000 ₫ đều được.",
        "The price in dong, with no decimals: 125000, 125,000 or 125.000 ₫ are all accepted.",
        ("gia", "gia ban", "gia vnd", "don gia", "price", "price vnd"),
    ),
    Column(
        Col.STOCK,
        "Tồn kho",
        "Stock",
        False,
        "40",
        "40",
        "Số lượng đang có, số nguyên không âm. Để trống nghĩa là 0.",
        "The quantity in stock, a whole number, not negative. Empty means 0.",
        ("so luong", "so luong ton", "ton", "quantity", "qty", "stock quantity"),
    ),
    Column(
        Col.WEIGHT,
        "Khối lượng (g)",
        "Weight (g)",
        False,
        "700",
        "700",
        "Khối lượng khi gửi hàng, tính bằng gam (700) hoặc ghi đơn vị (0,7 kg).",
        "The shipping weight in grams (700), or with a unit (0.7 kg).",
        ("khoi luong", "can nang", "trong luong", "weight", "weight grams"),
    ),
    Column(
        Col.ATTRIBUTES,
        "Thuộc tính",
        "Attributes",
        False,
        "Xuất xứ: Gia Lai; Bán chạy: có",
        "Origin: Gia Lai; Bestseller: yes",
        "Các thuộc tính dạng “Tên: giá trị”, ngăn cách bằng dấu chấm phẩy. Giá trị nhiều lựa "
        "chọn ngăn cách bằng dấu phẩy: “Chất liệu: Sợi lanh, Tơ tằm”. Xem trang Thuộc tính.",
        "Attributes as “Name: value”, separated by semicolons. Several choices are separated "
        "by commas: “Material: Hemp, Silk”. See the Attributes sheet.",
        ("thuoc tinh", "dac diem", "attributes", "properties"),
    ),
    Column(
        Col.CERTIFICATE,
        "Số chứng nhận",
        "Certificate reference",
        False,
        "OCOP-GL-2024-015",
        "OCOP-GL-2024-015",
        "Số quyết định hoặc mã chứng nhận OCOP, VietGAP, hữu cơ (nếu có). Hiện chỉ được ghi "
        "nhận trong báo cáo; chứng nhận được gửi và xác minh riêng.",
        "The OCOP, VietGAP or organic certificate number or decision (if any). For now it is "
        "only kept in the report; certificates are submitted and verified separately.",
        ("chung nhan", "so chung nhan", "ma chung nhan", "certificate", "certificate number"),
    ),
    Column(
        Col.IMAGES,
        "Tên tệp ảnh",
        "Image file names",
        False,
        "mat-ong-1.jpg; mat-ong-2.jpg",
        "mat-ong-1.jpg; mat-ong-2.jpg",
        "Tên các tệp ảnh trong thư mục hoặc tệp ZIP gửi kèm, ngăn cách bằng dấu chấm phẩy. "
        "Thông tin vị trí (GPS) trong ảnh được xoá.",
        "Names of the image files in the folder or ZIP sent with the sheet, separated by "
        "semicolons. Location (GPS) data in the photos is removed.",
        ("anh", "hinh anh", "tep anh", "ten anh", "images", "image", "photos", "image files"),
    ),
    Column(
        Col.PUBLISH,
        "Đăng bán (có/không)",
        "Publish (yes/no)",
        False,
        "có",
        "yes",
        "“có” để hiện sản phẩm trên chợ, “không” để ẩn. Để trống nghĩa là không.",
        "“yes” to show the product in the marketplace, “no” to hide it. Empty means no.",
        ("dang ban", "dang", "hien thi", "publish", "published", "visible"),
    ),
)

COLUMNS_BY_KEY: dict[Col, Column] = {column.key: column for column in COLUMNS}
REQUIRED_COLUMNS = tuple(column for column in COLUMNS if column.required)


def _header_index() -> dict[str, Col]:
    index: dict[str, Col] = {}
    for column in COLUMNS:
        for text in (column.label_vi, column.label_en, column.key.value, *column.aliases):
            index.setdefault(fold_vietnamese(text), column.key)
    return index


_HEADERS = _header_index()


def column_for_header(header: str) -> Col | None:
    """The column a header names, in Vietnamese or English, ignoring case, diacritics and a
    trailing required-marker such as "*"."""
    return _HEADERS.get(fold_vietnamese(header))
