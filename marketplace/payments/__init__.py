"""Payments: the gateway interface, cash on delivery and card payments through Stripe.

The contract between checkout, orders and the payment gateways:

- `marketplace.payments.gateways.base.PaymentGateway`: what a gateway is (id, name, currencies,
  `is_available(channel=, checkout=)`, `config(...)` for Saleor's `PaymentGateway { id name
  currencies config { field value } }`, `session_data(checkout)` for `paymentGatewayInitialize`,
  and `collects_before_completion`: whether the shopper pays before `checkoutComplete`).
- `marketplace.payments.registry`: `available_gateways(checkout_or_channel) -> list[PaymentGateway]`
  (what a storefront may offer, the default first), `get_gateway(id) -> PaymentGateway | None`.
- `marketplace.payments.gateways.cod.CashOnDeliveryGateway` (id "cod"): the default in Viet Nam.
  The order is placed unpaid; the booth or staff confirm the cash when the parcel is delivered
  (`marketplace.orders.services.confirm_cash_payment`).
- Stripe (id "stripe") lives in `marketplace.payments.stripe`; the registry offers
  `marketplace.payments.stripe.gateway.StripeGateway` when that module exists.

What checkout and orders offer to a card gateway:

- `marketplace.checkout.selectors.checkout_total(checkout) -> int`: what the shopper pays, in dong.
- `marketplace.checkout.selectors.checkout_by_global_id(global_id, user=None) -> Checkout | None`:
  the checkout if `user` may use it (an owned checkout only for its owner).
- `checkoutComplete` places a card-paid order when the checkout's transactions
  (`TransactionItem.checkout`) have charged the whole total, refuses with CHECKOUT_NOT_FULLY_PAID
  when they cover only part of it, and otherwise places a cash-on-delivery order. Inside its
  database transaction it calls `marketplace.payments.services.attach_checkout_transactions(
  checkout=, order=)` when that function exists.
- `marketplace.orders.services.record_payment(*, order, amount: int, reference: str,
  gateway: str = "") -> Order` and `record_refund(*, order, amount: int, reference: str,
  gateway: str = "") -> Order`: idempotent by reference (the same reference twice changes nothing),
  they update `Order.total_charged_amount` and `Order.charge_status` (Saleor's NONE, PARTIAL, FULL,
  OVERCHARGED) and `authorize_status`.
- `marketplace.orders.services.cancel_order(*, actor, order) -> Order`: cancels every sub-order not
  yet shipped and gives their stock back (once).
"""
