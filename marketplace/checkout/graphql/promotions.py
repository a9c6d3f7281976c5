"""Saleor's gift card, voucher and discount types, which checkouts and orders name.

The marketplace sells at the booths' own prices: there are no vouchers, gift cards or discounts,
so these fields are always empty (`[]` or null). The types exist so that storefront queries that
ask for them stay valid.
"""

import graphene

from marketplace.graphql.core.types import Money


class DiscountValueTypeEnum(graphene.Enum):
    FIXED = "fixed"
    PERCENTAGE = "percentage"


class OrderDiscountType(graphene.Enum):
    SALE = "sale"
    VOUCHER = "voucher"
    MANUAL = "manual"
    PROMOTION = "promotion"
    ORDER_PROMOTION = "order_promotion"


class GiftCard(graphene.ObjectType):
    id = graphene.ID(required=True)
    display_code = graphene.String(
        required=True, description="Code in format which allows displaying in a user interface."
    )
    last_4_code_chars = graphene.String(
        required=True, description="Last 4 characters of gift card code."
    )
    code = graphene.String(required=True, description="Gift card code.")
    created = graphene.DateTime(required=True)
    is_active = graphene.Boolean(required=True)
    initial_balance = graphene.Field(Money, required=True)
    current_balance = graphene.Field(Money, required=True)
    expiry_date = graphene.Date()

    class Meta:
        description = "A gift card (the marketplace sells none: never returned)."


class Voucher(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String()
    code = graphene.String(description="The code of the voucher.")
    used = graphene.Int(required=True)
    start_date = graphene.DateTime(required=True)
    end_date = graphene.DateTime()
    discount_value_type = graphene.Field(DiscountValueTypeEnum, required=True)
    discount_value = graphene.Float()
    currency = graphene.String()

    class Meta:
        description = "A voucher (the marketplace has none: never returned)."


class OrderDiscount(graphene.ObjectType):
    id = graphene.ID(required=True)
    type = graphene.Field(OrderDiscountType, required=True)
    name = graphene.String()
    translated_name = graphene.String()
    value_type = graphene.Field(DiscountValueTypeEnum, required=True)
    value = graphene.Float(required=True)
    reason = graphene.String()
    amount = graphene.Field(Money, required=True, deprecation_reason="Use `total` instead.")
    total = graphene.Field(Money, required=True)

    class Meta:
        description = "A discount on an order (the marketplace gives none: always empty)."
