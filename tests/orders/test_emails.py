"""The shopper and each booth get an email, in their language, when an order is placed and when
a parcel ships; emails leave only once the order is committed."""

from django.core import mail
from django.test import override_settings

from marketplace.catalog.models import Stock
from marketplace.checkout.models import Checkout
from marketplace.core.permissions import SYSTEM
from marketplace.orders import emails
from marketplace.orders import services as order_services
from marketplace.orders.models import BoothOrder
from tests.checkout.shop import (
    COMPLETE,
    bearer,
    member_of,
    person,
    place_order,
    ready_checkout,
)


def by_recipient(outbox) -> dict[str, list]:
    found: dict[str, list] = {}
    for message in outbox:
        for address in message.to:
            found.setdefault(address, []).append(message)
    return found


def test_placing_an_order_emails_the_shopper_and_every_booth(
    graphql_client, shop, django_capture_on_commit_callbacks
):
    member_of(shop.hanoi, "chi.hoa@example.org", language_code="en")
    member_of(shop.gia_lai, "co.lan@example.org")
    shop.dak_lak.contact_email = "caphe@example.org"
    shop.dak_lak.save(update_fields=["contact_email"])

    with django_capture_on_commit_callbacks(execute=True):
        order = place_order(graphql_client, shop)

    sent = by_recipient(mail.outbox)
    assert set(sent) == {
        "lan@example.com",
        "chi.hoa@example.org",
        "co.lan@example.org",
        "caphe@example.org",
    }
    (shopper,) = sent["lan@example.com"]
    assert shopper.subject == f"Đơn hàng #{order['number']} đã được đặt"
    assert "Tổng cộng: 1.000.000\u00a0₫" in shopper.body
    assert "Gói hàng của Hợp tác xã mật ong Gia Lai" in shopper.body
    assert "Thanh toán khi nhận hàng" in shopper.body
    assert "Phường Hoàn Kiếm" in shopper.body
    (silk,) = sent["chi.hoa@example.org"]
    assert silk.subject == f"New order #{order['number']} to send"
    assert "Khăn lụa · Loại 1 \u00d7 1: 350,000\u00a0₫" in silk.body
    assert "Cash on delivery: collect 375,000\u00a0₫ in cash." in silk.body
    assert "+84912345678" in silk.body
    # A booth reads only its own parcel.
    assert "Mật ong" not in silk.body
    assert "5 Lê Lợi" not in silk.body
    (coffee,) = sent["caphe@example.org"]
    assert "Phí sàn (12,5%): 37.125\u00a0₫; phần của tổ: 302.875\u00a0₫" in coffee.body


def test_the_shopper_reads_english_when_she_checked_out_in_english(
    graphql_client, shop, django_capture_on_commit_callbacks
):
    checkout = ready_checkout(graphql_client, shop)
    Checkout.objects.update(language_code="en")

    with django_capture_on_commit_callbacks(execute=True):
        graphql_client(COMPLETE, {"id": checkout["id"]})

    (message,) = mail.outbox
    assert message.subject.startswith("Order #")
    assert "Total: 1,000,000\u00a0₫" in message.body
    assert "Cash on delivery: pay each parcel in cash when it arrives." in message.body


def test_no_email_leaves_before_the_order_is_committed(
    graphql_client, shop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        place_order(graphql_client, shop)

    assert mail.outbox == []
    assert len(callbacks) == 1


def test_a_failed_completion_sends_nothing(
    graphql_client, shop, django_capture_on_commit_callbacks
):
    checkout = ready_checkout(graphql_client, shop)
    Stock.objects.update(quantity=0)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = graphql_client(COMPLETE, {"id": checkout["id"]})

    assert response.data["checkoutComplete"]["order"] is None
    assert callbacks == []
    assert mail.outbox == []


def test_shipping_a_parcel_emails_the_tracking_number(
    graphql_client, shop, django_capture_on_commit_callbacks
):
    lan = person("lan@example.com", language_code="en")
    member_of(shop.gia_lai, "co.lan@example.org")
    place_order(graphql_client, shop, headers=bearer(lan))
    honey = BoothOrder.objects.get(booth=shop.gia_lai)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        order_services.mark_shipped(actor=SYSTEM, booth_order=honey, tracking_number="EB77VN")

    sent = by_recipient(mail.outbox)
    (shopper,) = sent["lan@example.com"]
    (booth,) = sent["co.lan@example.org"]
    # The checkout was in Vietnamese (the default), whatever her account says.
    assert shopper.subject == f"Gói hàng của đơn #{honey.order_id} đang trên đường đến"
    assert "Mã vận đơn: EB77VN" in shopper.body
    assert "285.000\u00a0₫" in shopper.body
    assert booth.subject == f"Đã ghi nhận gửi hàng đơn #{honey.order_id}"


def test_a_mail_server_failure_never_undoes_the_order(
    graphql_client, shop, django_capture_on_commit_callbacks, caplog
):
    broken = override_settings(EMAIL_BACKEND="tests.orders.test_emails.BrokenBackend")
    with broken, django_capture_on_commit_callbacks(execute=True):
        order = place_order(graphql_client, shop)

    assert order["number"]
    assert "Could not send the order_placed email (OSError)" in caplog.text


def test_booth_recipients_are_owners_managers_and_the_contact_address(shop):
    member_of(shop.hanoi, "owner@example.org", language_code="en")
    member_of(shop.hanoi, "member@example.org", role="member")
    shop.hanoi.contact_email = "Lua@Example.org"

    assert emails.booth_recipients(shop.hanoi) == {
        "owner@example.org": "en",
        "lua@example.org": "vi",
    }


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("connection refused")
