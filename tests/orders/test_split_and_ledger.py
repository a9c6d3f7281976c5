"""One order for the shopper, one sub-order per booth; each booth's ledger records the platform's
commission at the booth's rate and the booth's share, in whole dong; staff pay booths out."""

from decimal import Decimal

import pytest

from marketplace.core.errors import DomainError
from marketplace.core.permissions import SYSTEM
from marketplace.orders import services
from marketplace.orders.models import BoothOrder, LedgerEntry, LedgerEntryKind, Order
from marketplace.orders.selectors import ledger_balance
from tests.checkout.shop import bearer, member_of, place_order, staff
from vendors import services as vendor_services
from vendors.models import BoothRole

LEDGER = """
query Ledger($vendor: ID!) {
  vendorLedger(vendor: $vendor) {
    vendor { name }
    balance { amount } pending { amount } available { amount }
    sales { amount } commission { amount } paidOut { amount }
    entries(first: 20) { totalCount edges { node {
      kind gross { amount } commission { amount } amount { amount } payoutReference
      vendorOrder { number }
    } } }
  }
}
"""
PAYOUT = """
mutation Pay($input: VendorPayoutInput!) {
  vendorPayoutCreate(input: $input) {
    payout { amount { amount } reference paidAt vendor { name } }
    ledger { balance { amount } available { amount } paidOut { amount } }
    errors { field code message }
  }
}
"""


def gid(booth) -> str:
    from marketplace.core.ids import to_global_id

    return to_global_id("Vendor", booth.pk)


@pytest.mark.parametrize(
    ("subtotal", "rate", "commission"),
    [
        (350000, "10", 35000),
        (297000, "12.5", 37125),
        (99999, "12.5", 12500),  # 12 499,875 rounds up
        (1, "50", 1),  # a half dong rounds up
        (3, "10", 0),  # 0,3 rounds down
        (125000, "0", 0),
        (125000, "100", 125000),
    ],
)
def test_commission_is_the_booth_rate_of_the_goods_rounded_half_up(subtotal, rate, commission):
    assert services.commission_for(subtotal, Decimal(rate)) == commission


def test_each_booth_gets_a_sub_order_with_its_commission_and_share(graphql_client, shop):
    place_order(graphql_client, shop)

    rows = list(
        BoothOrder.objects.order_by("pk").values_list(
            "booth__name",
            "subtotal_amount",
            "shipping_amount",
            "total_amount",
            "commission_rate",
            "commission_amount",
            "booth_share_amount",
        )
    )

    assert rows == [
        ("Tổ hợp tác lụa Vạn Phúc", 350000, 25000, 375000, Decimal("10.00"), 35000, 340000),
        ("Hợp tác xã mật ong Gia Lai", 250000, 35000, 285000, Decimal("8.00"), 20000, 265000),
        ("Tổ hợp tác cà phê Ê Đê", 297000, 43000, 340000, Decimal("12.50"), 37125, 302875),
    ]
    # Shares and commissions add up to what the shopper pays.
    order = Order.objects.get()
    assert sum(row[5] + row[6] for row in rows) == order.total_amount == 1000000
    assert list(
        LedgerEntry.objects.order_by("pk").values_list("kind", "gross_amount", "amount")
    ) == [
        (LedgerEntryKind.SALE, 375000, 340000),
        (LedgerEntryKind.SALE, 285000, 265000),
        (LedgerEntryKind.SALE, 340000, 302875),
    ]


def test_a_later_rate_change_does_not_touch_placed_orders(graphql_client, shop):
    place_order(graphql_client, shop)

    vendor_services.set_commission_rate(actor=SYSTEM, booth=shop.hanoi, rate=Decimal("20"))

    assert BoothOrder.objects.get(booth=shop.hanoi).commission_amount == 35000


def test_cash_collected_by_the_booth_leaves_it_owing_the_commission(graphql_client, shop):
    place_order(graphql_client, shop)
    silk = BoothOrder.objects.get(booth=shop.hanoi)

    placed = ledger_balance(shop.hanoi)
    services.mark_shipped(actor=SYSTEM, booth_order=silk, tracking_number="EB1")
    services.confirm_cash_payment(actor=SYSTEM, booth_order=silk)
    collected = ledger_balance(shop.hanoi)

    # Placed: the share is owed to the booth, but pending until the cash is in.
    assert (placed.balance, placed.pending, placed.available) == (340000, 340000, 0)
    # The booth holds the 375.000 ₫ the shopper paid: it owes the 35.000 ₫ commission.
    assert (collected.balance, collected.pending, collected.available) == (-35000, 0, -35000)
    assert (collected.sales, collected.commission, collected.paid_out) == (375000, 35000, 0)


def place_card_order(graphql_client, shop, monkeypatch) -> dict:
    """An order paid by card before completion, as the card side reports it."""
    from marketplace.checkout import complete as completion

    monkeypatch.setattr(completion, "checkout_payments", lambda c: (1000000, 1000000, "stripe"))
    monkeypatch.setattr(
        completion,
        "_attach_payments",
        lambda c, order: services.record_payment(order=order, amount=1000000, reference="pi_1"),
    )
    return place_order(graphql_client, shop)


def test_a_paid_and_delivered_parcel_can_be_paid_out_by_staff(graphql_client, shop, monkeypatch):
    order = place_card_order(graphql_client, shop, monkeypatch)
    honey = BoothOrder.objects.get(booth=shop.gia_lai)
    services.mark_shipped(actor=SYSTEM, booth_order=honey, tracking_number="EB2")
    services.mark_delivered(actor=SYSTEM, booth_order=honey)
    accountant = staff()

    too_much = graphql_client(
        PAYOUT,
        {"input": {"vendor": gid(shop.gia_lai), "amount": 265001, "reference": "VCB-1"}},
        headers=bearer(accountant),
    )
    paid = graphql_client(
        PAYOUT,
        {
            "input": {
                "vendor": gid(shop.gia_lai),
                "amount": 265000,
                "reference": "VCB-1",
                "paidAt": "2026-01-15",
                "note": "Chuyển khoản tháng 1",
            }
        },
        headers=bearer(accountant),
    )
    again = graphql_client(
        PAYOUT,
        {"input": {"vendor": gid(shop.gia_lai), "amount": 1, "reference": "VCB-1"}},
        headers=bearer(accountant),
    )

    assert order["chargeStatus"] == "FULL"
    assert [e["code"] for e in too_much.data["vendorPayoutCreate"]["errors"]] == ["INVALID"]
    assert "265.000" in too_much.data["vendorPayoutCreate"]["errors"][0]["message"]
    payload = paid.data["vendorPayoutCreate"]
    assert payload["errors"] == []
    assert payload["payout"] == {
        "amount": {"amount": 265000},
        "reference": "VCB-1",
        "paidAt": "2026-01-15",
        "vendor": {"name": "Hợp tác xã mật ong Gia Lai"},
    }
    assert payload["ledger"] == {
        "balance": {"amount": 0},
        "available": {"amount": 0},
        "paidOut": {"amount": 265000},
    }
    assert [e["code"] for e in again.data["vendorPayoutCreate"]["errors"]] == ["UNIQUE"]


def test_only_staff_who_manage_orders_record_payouts(graphql_client, shop):
    owner = member_of(shop.gia_lai, "owner@example.org")
    variables = {"input": {"vendor": gid(shop.gia_lai), "amount": 1000, "reference": "X"}}

    response = graphql_client(PAYOUT, variables, headers=bearer(owner))

    assert [e["code"] for e in response.data["vendorPayoutCreate"]["errors"]] == [
        "PERMISSION_DENIED"
    ]
    with pytest.raises(DomainError):
        services.record_payout(actor=owner, booth=shop.gia_lai, amount=1000, reference="X")


def test_a_booth_reads_its_ledger(graphql_client, shop):
    place_order(graphql_client, shop)
    coffee = BoothOrder.objects.get(booth=shop.dak_lak)
    services.cancel_booth_order(actor=SYSTEM, booth_order=coffee, reason="Hết hàng")
    manager = member_of(shop.dak_lak, "manager@example.org", role=BoothRole.MANAGER)

    ledger = graphql_client(LEDGER, {"vendor": gid(shop.dak_lak)}, headers=bearer(manager)).data[
        "vendorLedger"
    ]

    assert ledger["vendor"] == {"name": "Tổ hợp tác cà phê Ê Đê"}
    assert ledger["balance"] == {"amount": 0}
    assert (ledger["sales"], ledger["commission"]) == ({"amount": 0}, {"amount": 0})
    kinds = [edge["node"]["kind"] for edge in ledger["entries"]["edges"]]
    assert sorted(kinds) == ["CANCELLATION", "SALE"]
    cancellation = next(
        edge["node"]
        for edge in ledger["entries"]["edges"]
        if edge["node"]["kind"] == "CANCELLATION"
    )
    assert cancellation["amount"] == {"amount": -302875}
    assert cancellation["vendorOrder"]["number"] == f"{coffee.order_id}-{shop.dak_lak.pk}"


def test_members_and_other_booths_do_not_read_a_ledger(graphql_client, shop):
    place_order(graphql_client, shop)
    member = member_of(shop.dak_lak, "member@example.org", role=BoothRole.MEMBER)
    other = member_of(shop.hanoi, "other@example.org")

    for user in (member, other):
        response = graphql_client(LEDGER, {"vendor": gid(shop.dak_lak)}, headers=bearer(user))
        assert response.data == {"vendorLedger": None}
