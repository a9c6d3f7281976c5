"""Errors of the checkout domain: Saleor's `CheckoutErrorCode`, plus two of the project's own.

`CheckoutError` carries, like Saleor's error type, the variants or lines concerned.
"""

from enum import StrEnum

from marketplace.core.errors import DomainError


class CheckoutErrorCode(StrEnum):
    BILLING_ADDRESS_NOT_SET = "BILLING_ADDRESS_NOT_SET"
    CHECKOUT_NOT_FULLY_PAID = "CHECKOUT_NOT_FULLY_PAID"
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    PRODUCT_NOT_PUBLISHED = "PRODUCT_NOT_PUBLISHED"
    PRODUCT_UNAVAILABLE_FOR_PURCHASE = "PRODUCT_UNAVAILABLE_FOR_PURCHASE"
    INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK"
    INVALID = "INVALID"
    INVALID_SHIPPING_METHOD = "INVALID_SHIPPING_METHOD"
    NOT_FOUND = "NOT_FOUND"
    PAYMENT_ERROR = "PAYMENT_ERROR"
    PRICE_OVERRIDE_REASON_WITHOUT_OVERRIDE = "PRICE_OVERRIDE_REASON_WITHOUT_OVERRIDE"
    QUANTITY_GREATER_THAN_LIMIT = "QUANTITY_GREATER_THAN_LIMIT"
    REQUIRED = "REQUIRED"
    SHIPPING_ADDRESS_NOT_SET = "SHIPPING_ADDRESS_NOT_SET"
    SHIPPING_METHOD_NOT_APPLICABLE = "SHIPPING_METHOD_NOT_APPLICABLE"
    DELIVERY_METHOD_NOT_APPLICABLE = "DELIVERY_METHOD_NOT_APPLICABLE"
    SHIPPING_METHOD_NOT_SET = "SHIPPING_METHOD_NOT_SET"
    SHIPPING_NOT_REQUIRED = "SHIPPING_NOT_REQUIRED"
    TAX_ERROR = "TAX_ERROR"
    UNIQUE = "UNIQUE"
    VOUCHER_NOT_APPLICABLE = "VOUCHER_NOT_APPLICABLE"
    GIFT_CARD_NOT_APPLICABLE = "GIFT_CARD_NOT_APPLICABLE"
    ZERO_QUANTITY = "ZERO_QUANTITY"
    MISSING_CHANNEL_SLUG = "MISSING_CHANNEL_SLUG"
    CHANNEL_INACTIVE = "CHANNEL_INACTIVE"
    UNAVAILABLE_VARIANT_IN_CHANNEL = "UNAVAILABLE_VARIANT_IN_CHANNEL"
    EMAIL_NOT_SET = "EMAIL_NOT_SET"
    NO_LINES = "NO_LINES"
    INACTIVE_PAYMENT = "INACTIVE_PAYMENT"
    NON_EDITABLE_GIFT_LINE = "NON_EDITABLE_GIFT_LINE"
    NON_REMOVABLE_GIFT_LINE = "NON_REMOVABLE_GIFT_LINE"
    SHIPPING_CHANGE_FORBIDDEN = "SHIPPING_CHANGE_FORBIDDEN"
    MISSING_ADDRESS_DATA = "MISSING_ADDRESS_DATA"
    # Not in Saleor's enum. Saleor silently charges the price of the moment; the marketplace
    # refuses to place an order at a price the shopper was not shown (see services).
    PRICE_CHANGED = "PRICE_CHANGED"
    # Not in Saleor's enum: the project's mutations answer it for callers without the right.
    PERMISSION_DENIED = "PERMISSION_DENIED"


class CheckoutError(DomainError):
    """A checkout problem; `variants` and `lines` hold the global IDs concerned, if any."""

    def __init__(
        self,
        message: str,
        *,
        code: CheckoutErrorCode,
        field: str | None = None,
        variants: list[str] | None = None,
        lines: list[str] | None = None,
        address_type: str | None = None,
    ):
        super().__init__(message, code=code, field=field)
        self.variants = variants
        self.lines = lines
        self.address_type = address_type


class CheckoutErrors(CheckoutError):
    """Several problems found at once; `errors` lists every one (the first one is this)."""

    def __init__(self, errors: list[CheckoutError]):
        first = errors[0]
        super().__init__(
            first.message,
            code=CheckoutErrorCode(first.code),
            field=first.field,
            variants=first.variants,
            lines=first.lines,
            address_type=first.address_type,
        )
        self.errors = errors
