"""Card payments through Stripe: the API client, webhook verification and the gateway.

Stripe is offered only when `STRIPE_SECRET_KEY`, `STRIPE_PUBLISHABLE_KEY` and
`STRIPE_WEBHOOK_SECRET` are set. VND is a zero-decimal currency in Stripe: an amount of
125.000 ₫ is sent as `amount=125000`.
"""
