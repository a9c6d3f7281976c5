"""A small marketplace for the checkout and order specifications: three booths in three provinces,
a shopper, booth members and staff, and the GraphQL documents a storefront sends."""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import Permission

from marketplace.accounts.models import User
from marketplace.accounts.tokens import create_access_token
from marketplace.core.ids import to_global_id
from marketplace.core.permissions import SYSTEM
from tests import factories
from vendors import services as vendor_services
from vendors.models import BoothMember, BoothRole

# A parcel to Hà Nội from a booth in Hà Nội stays in the province; from elsewhere it does not.
HANOI_ADDRESS = {
    "firstName": "Lan",
    "lastName": "Nguyễn",
    "streetAddress1": "12 Hàng Bạc",
    "city": "hoan kiem",
    "countryArea": "Ha Noi",
    "country": "VN",
    "phone": "0912 345 678",
}
BILLING_ADDRESS = {**HANOI_ADDRESS, "streetAddress1": "5 Lê Lợi", "firstName": "Mai"}
STANDARD = to_global_id("ShippingMethod", "standard")
PICKUP = to_global_id("ShippingMethod", "pickup")

CHECKOUT_FIELDS = """
  id token email quantity vendorCount
  user { id }
  lines { id quantity variant { id name product { name } }
          unitPrice { gross { amount currency } } totalPrice { gross { amount } } }
  subtotalPrice { gross { amount } }
  shippingPrice { gross { amount } }
  totalPrice { gross { amount currency } net { amount } tax { amount } }
  shippingAddress { countryArea city phone }
  billingAddress { streetAddress1 }
  delivery { id shippingMethod { id name price { amount } } }
  shippingMethods { id name price { amount } }
  availablePaymentGateways { id name currencies config { field value } }
  chargeStatus authorizeStatus
"""
ERRORS = "errors { field message code variants lines addressType }"

CREATE = f"""
mutation Create($input: CheckoutCreateInput!) {{
  checkoutCreate(input: $input) {{ checkout {{ {CHECKOUT_FIELDS} }} {ERRORS} }}
}}
"""
LINES_ADD = f"""
mutation Add($id: ID!, $lines: [CheckoutLineInput!]!) {{
  checkoutLinesAdd(id: $id, lines: $lines) {{ checkout {{ {CHECKOUT_FIELDS} }} {ERRORS} }}
}}
"""
LINES_UPDATE = f"""
mutation Update($id: ID!, $lines: [CheckoutLineUpdateInput!]!) {{
  checkoutLinesUpdate(id: $id, lines: $lines) {{ checkout {{ {CHECKOUT_FIELDS} }} {ERRORS} }}
}}
"""
LINES_DELETE = f"""
mutation Delete($id: ID!, $linesIds: [ID!]!) {{
  checkoutLinesDelete(id: $id, linesIds: $linesIds) {{ checkout {{ {CHECKOUT_FIELDS} }} {ERRORS} }}
}}
"""
EMAIL_UPDATE = f"""
mutation Email($id: ID!, $email: String!) {{
  checkoutEmailUpdate(id: $id, email: $email) {{ checkout {{ email }} {ERRORS} }}
}}
"""
SHIPPING_ADDRESS = f"""
mutation Ship($id: ID!, $address: AddressInput!) {{
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {{
    checkout {{ {CHECKOUT_FIELDS} }} {ERRORS}
  }}
}}
"""
BILLING = f"""
mutation Bill($id: ID!, $address: AddressInput!) {{
  checkoutBillingAddressUpdate(id: $id, billingAddress: $address) {{
    checkout {{ billingAddress {{ streetAddress1 firstName }} }} {ERRORS}
  }}
}}
"""
DELIVERY = f"""
mutation Delivery($id: ID!, $method: ID!) {{
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {{
    checkout {{ {CHECKOUT_FIELDS} }} {ERRORS}
  }}
}}
"""
ATTACH = f"""
mutation Attach($id: ID!) {{
  checkoutCustomerAttach(id: $id) {{ checkout {{ user {{ email }} email }} {ERRORS} }}
}}
"""
DETACH = f"""
mutation Detach($id: ID!) {{
  checkoutCustomerDetach(id: $id) {{ checkout {{ user {{ email }} }} {ERRORS} }}
}}
"""
ORDER_FIELDS = """
  id number token status statusDisplay paymentStatus isPaid chargeStatus authorizeStatus
  userEmail paymentGateway created
  total { gross { amount currency } }
  subtotal { gross { amount } }
  shippingPrice { gross { amount } }
  totalCharged { amount } totalBalance { amount }
  shippingAddress { city countryArea phone }
  billingAddress { streetAddress1 }
  deliveryMethod { ... on ShippingMethod { name price { amount } } }
  lines { id productName variantName quantity unitPrice { gross { amount } }
          totalPrice { gross { amount } } variant { id } vendor { name } }
  vendorOrders { id number status vendor { name } subtotal { amount }
                 shippingPrice { amount } total { amount } commission { amount }
                 trackingNumber lines { productName quantity } }
  fulfillments { id status trackingNumber lines { quantity orderLine { id } } }
"""
COMPLETE = f"""
mutation Complete($id: ID!) {{
  checkoutComplete(id: $id) {{
    order {{ {ORDER_FIELDS} }}
    confirmationNeeded
    {ERRORS}
  }}
}}
"""
CHECKOUT = f"query Checkout($id: ID!) {{ checkout(id: $id) {{ {CHECKOUT_FIELDS} }} }}"


def person(email: str, **fields) -> User:
    return User.objects.create_user(email, "a-long-pass-phrase", **fields)


def bearer(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_access_token(user)}"}


def member_of(booth, email: str, role=BoothRole.OWNER, **fields) -> User:
    user = person(email, **fields)
    BoothMember.objects.create(booth=booth, user=user, role=role)
    return user


def staff(email: str = "staff@example.org", *codenames: str) -> User:
    user = User.objects.create_user(email, "a-long-pass-phrase", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=codenames or ("manage_orders",))
    )
    return user


def variant_id(product, index: int = 0) -> str:
    return to_global_id("ProductVariant", product.variants.order_by("pk")[index].pk)


@dataclass
class Shop:
    """Three booths (Hà Nội, Gia Lai, Đắk Lắk) with one product each, in the default channel."""

    channel: object
    hanoi: object
    gia_lai: object
    dak_lak: object
    silk: object  # 350.000 ₫, Hà Nội
    honey: object  # 125.000 ₫, Gia Lai
    coffee: object  # 99.000 ₫, Đắk Lắk


def booth_with_rate(name: str, province: str, rate: str):
    booth = factories.booth(name, province=province)
    return vendor_services.set_commission_rate(actor=SYSTEM, booth=booth, rate=Decimal(rate))


def build_shop(quantity: int = 10) -> Shop:
    channel = factories.channel()
    hanoi = booth_with_rate("Tổ hợp tác lụa Vạn Phúc", "ha_noi", "10")
    gia_lai = booth_with_rate("Hợp tác xã mật ong Gia Lai", "gia_lai", "8")
    dak_lak = booth_with_rate("Tổ hợp tác cà phê Ê Đê", "dak_lak", "12.5")
    return Shop(
        channel=channel,
        hanoi=hanoi,
        gia_lai=gia_lai,
        dak_lak=dak_lak,
        silk=factories.product("Khăn lụa", vendor=hanoi, price=350000, quantity=quantity),
        honey=factories.product("Mật ong rừng", vendor=gia_lai, price=125000, quantity=quantity),
        coffee=factories.product("Cà phê Robusta", vendor=dak_lak, price=99000, quantity=quantity),
    )


def ok(response, name: str) -> dict:
    """The payload of mutation `name`, asserting there were no errors of any kind."""
    assert response.errors is None, response.errors
    payload = response.data[name]
    assert payload["errors"] == [], payload["errors"]
    return payload


def errors_of(response, name: str) -> list[dict]:
    assert response.errors is None, response.errors
    return response.data[name]["errors"]


def codes(response, name: str) -> list[str]:
    return [error["code"] for error in errors_of(response, name)]


def create_checkout(graphql_client, lines=(), headers=None, **input_fields) -> dict:
    input_data = {"channel": "default-channel", "lines": list(lines), **input_fields}
    response = graphql_client(CREATE, {"input": input_data}, headers=headers)
    return ok(response, "checkoutCreate")["checkout"]


def ready_checkout(
    graphql_client, shop: Shop, *, headers=None, quantities=(1, 2, 3), method=STANDARD
):
    """A checkout with lines from the three booths, an address and a delivery method."""
    products = (shop.silk, shop.honey, shop.coffee)
    lines = [
        {"variantId": variant_id(product), "quantity": quantity}
        for product, quantity in zip(products, quantities, strict=True)
        if quantity
    ]
    checkout = create_checkout(graphql_client, lines, headers=headers, email="lan@example.com")
    ok(
        graphql_client(
            SHIPPING_ADDRESS, {"id": checkout["id"], "address": HANOI_ADDRESS}, headers=headers
        ),
        "checkoutShippingAddressUpdate",
    )
    ok(
        graphql_client(
            BILLING, {"id": checkout["id"], "address": BILLING_ADDRESS}, headers=headers
        ),
        "checkoutBillingAddressUpdate",
    )
    payload = ok(
        graphql_client(DELIVERY, {"id": checkout["id"], "method": method}, headers=headers),
        "checkoutDeliveryMethodUpdate",
    )
    return payload["checkout"]


def complete(graphql_client, checkout_id: str, headers=None):
    return graphql_client(COMPLETE, {"id": checkout_id}, headers=headers)


def place_order(graphql_client, shop: Shop, *, headers=None, **options) -> dict:
    """Check out lines from the three booths and complete: the order as the API shows it."""
    checkout = ready_checkout(graphql_client, shop, headers=headers, **options)
    return ok(complete(graphql_client, checkout["id"], headers=headers), "checkoutComplete")[
        "order"
    ]
