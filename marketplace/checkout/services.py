"""Writes to checkouts: create, lines, email, customer, addresses, delivery method, metadata.

Every function takes a checkout the caller may use (see `selectors.checkout_by_global_id`) and
raises `CheckoutError` (or `CheckoutErrors` listing several problems) with Saleor's codes.
Nothing is written when a call fails: each runs in one transaction and checks everything first.
Completing a checkout is in `marketplace.checkout.complete`.

Quantities: a line holds 1 to `CHECKOUT_MAX_LINE_QUANTITY` units (Saleor's limit, 50 by default),
no more than the variant's `quantity_limit_per_customer` counting what the signed-in customer
already ordered, and no more than the stock not yet promised to other orders.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.accounts.addresses import InvalidAddress, clean_address
from marketplace.accounts.models import Address
from marketplace.catalog.models import ProductVariant, ProductVariantChannelListing
from marketplace.catalog.selectors import quantity_available, visible_products
from marketplace.channels.models import Channel
from marketplace.channels.selectors import ChannelNotFound, get_channel
from marketplace.checkout.delivery import DeliveryMethodCode, delivery_method
from marketplace.checkout.errors import CheckoutError, CheckoutErrorCode, CheckoutErrors
from marketplace.checkout.models import Checkout, CheckoutLine
from marketplace.checkout.selectors import checkout_lines, current_price, forget_computed
from marketplace.core.ids import InvalidGlobalId, parse_global_id, to_global_id

MAX_EMAIL_LENGTH = 254
MAX_NOTE_LENGTH = 2000
MAX_METADATA_ITEMS = 50
MAX_METADATA_LENGTH = 2000


@dataclass(frozen=True)
class LineRequest:
    """A line as a storefront sends it: a variant's global ID and a quantity."""

    variant_id: str
    quantity: int


@dataclass(frozen=True)
class LineChange:
    """A change of quantity, naming the line (`line_id`) or, as Saleor once did, the variant."""

    quantity: int
    line_id: str | None = None
    variant_id: str | None = None


def _error(message: str, code: CheckoutErrorCode, field: str | None = None, **extra):
    return CheckoutError(message, code=code, field=field, **extra)


def _raise_all(errors: list[CheckoutError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise CheckoutErrors(errors)


def _touch(checkout: Checkout) -> Checkout:
    """Save the checkout's `updated_at` and forget totals computed before the change."""
    checkout.updated_at = timezone.now()
    Checkout.objects.filter(pk=checkout.pk).update(updated_at=checkout.updated_at)
    return forget_computed(checkout)


# --- Creating ---------------------------------------------------------------------------------


def _channel(slug: str | None) -> Channel:
    try:
        return get_channel(slug)
    except ChannelNotFound:
        inactive = slug and Channel.objects.filter(slug=slug, is_active=False).exists()
        if inactive:
            raise _error(
                _("The channel “%(slug)s” is not active.") % {"slug": slug},
                CheckoutErrorCode.CHANNEL_INACTIVE,
                "channel",
            ) from None
        raise _error(
            _("There is no channel “%(slug)s”.") % {"slug": slug},
            CheckoutErrorCode.NOT_FOUND,
            "channel",
        ) from None


@transaction.atomic
def create_checkout(
    *,
    user,
    channel_slug: str | None,
    lines: Sequence[LineRequest] = (),
    email: str | None = None,
    shipping_address: Mapping | None = None,
    billing_address: Mapping | None = None,
    save_shipping_address: bool | None = None,
    save_billing_address: bool | None = None,
    language_code: str | None = None,
) -> Checkout:
    """Start a checkout in a channel; a signed-in shopper's checkout is theirs (and their email
    is its email). Lines and addresses may come at once, checked as when added later."""
    channel = _channel(channel_slug)
    signed_in = user is not None and user.is_authenticated
    checkout = Checkout(
        channel=channel,
        user=user if signed_in else None,
        email=_clean_email(email) if email else (user.email if signed_in else ""),
        language_code=_language(language_code),
    )
    errors: list[CheckoutError] = []
    addresses = {}
    for kind, data in (("shipping", shipping_address), ("billing", billing_address)):
        if data is not None:
            try:
                addresses[kind] = clean_address(data)
            except InvalidAddress as error:
                errors.extend(_address_errors(error, kind))
    _raise_all(errors)
    if save_shipping_address is not None:
        checkout.save_shipping_address = save_shipping_address
    if save_billing_address is not None:
        checkout.save_billing_address = save_billing_address
    for kind, values in addresses.items():
        setattr(checkout, f"{kind}_address", Address.objects.create(**values))
    checkout.save()
    checkout._lines = []
    if lines:
        add_lines(checkout=checkout, lines=lines, user=user)
    return checkout


def _language(code: str | None) -> str:
    code = (code or "").lower()
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


# --- Lines ------------------------------------------------------------------------------------


def _variant_pk(global_id: str, field: str) -> int:
    try:
        type_name, pk = parse_global_id(global_id)
    except InvalidGlobalId:
        type_name, pk = "", ""
    if type_name != "ProductVariant" or not pk.isdigit():
        raise _error(
            _("Couldn't resolve to a product variant: %(id)s") % {"id": global_id},
            CheckoutErrorCode.GRAPHQL_ERROR,
            field,
            variants=[global_id],
        )
    return int(pk)


def _variant_id(pk: int) -> str:
    return to_global_id("ProductVariant", pk)


def _sellable_variants(channel: Channel, pks: set[int]) -> dict[int, ProductVariant]:
    """The variants with `pks`, with product, booth, stock and channel price loaded."""
    from django.db.models import Prefetch

    prices = ProductVariantChannelListing.objects.filter(channel=channel)
    return {
        variant.pk: variant
        for variant in ProductVariant.objects.filter(pk__in=pks)
        .select_related("product", "vendor", "stock")
        .prefetch_related(
            Prefetch("channel_listings", queryset=prices, to_attr="listings_in_channel")
        )
    }


def check_variants_sellable(
    channel: Channel, variants: Mapping[int, ProductVariant], *, field: str
) -> list[CheckoutError]:
    """Problems that keep `variants` out of a checkout in `channel`: not sold there
    (UNAVAILABLE_VARIANT_IN_CHANNEL), product not visible (PRODUCT_NOT_PUBLISHED), sale not yet
    open (PRODUCT_UNAVAILABLE_FOR_PURCHASE)."""
    if not variants:
        return []
    product_ids = {variant.product_id for variant in variants.values()}
    visible = dict(
        visible_products(channel)
        .filter(pk__in=product_ids)
        .values_list("pk", "available_for_purchase_at")
    )
    now = timezone.now()
    errors = []
    for pk, variant in variants.items():
        global_id = _variant_id(pk)
        if variant.product_id not in visible:
            errors.append(
                _error(
                    _("“%(name)s” is not on sale.") % {"name": variant.product.name},
                    CheckoutErrorCode.PRODUCT_NOT_PUBLISHED,
                    field,
                    variants=[global_id],
                )
            )
        elif not variant.listings_in_channel:
            errors.append(
                _error(
                    _("“%(name)s” is not sold in this channel.") % {"name": variant.product.name},
                    CheckoutErrorCode.UNAVAILABLE_VARIANT_IN_CHANNEL,
                    field,
                    variants=[global_id],
                )
            )
        elif visible[variant.product_id] is None or visible[variant.product_id] > now:
            errors.append(
                _error(
                    _("“%(name)s” cannot be bought yet.") % {"name": variant.product.name},
                    CheckoutErrorCode.PRODUCT_UNAVAILABLE_FOR_PURCHASE,
                    field,
                    variants=[global_id],
                )
            )
    return errors


def ordered_before(user, variant_ids) -> dict[int, int]:
    """How many of each variant the signed-in `user` ordered before (canceled parcels aside)."""
    if not (user and user.is_authenticated) or not variant_ids:
        return {}
    from marketplace.orders.models import BoothOrderStatus, OrderLine

    rows = (
        OrderLine.objects.filter(order__user=user, variant_id__in=variant_ids)
        .exclude(booth_order__status=BoothOrderStatus.CANCELED)
        .values("variant_id")
        .annotate(total=Sum("quantity"))
    )
    return {row["variant_id"]: row["total"] for row in rows}


def check_quantity(
    variant: ProductVariant, quantity: int, *, previous: int, field: str
) -> CheckoutError | None:
    """The problem with holding `quantity` of `variant` in one checkout, or None."""
    global_id = _variant_id(variant.pk)
    name = variant.product.name
    if quantity <= 0:
        return _error(
            _("The quantity must be more than zero."),
            CheckoutErrorCode.ZERO_QUANTITY,
            "quantity",
            variants=[global_id],
        )
    limit = settings.CHECKOUT_MAX_LINE_QUANTITY
    if quantity > limit:
        return _error(
            _("You can buy at most %(limit)d of “%(name)s” at once.")
            % {"limit": limit, "name": name},
            CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT,
            "quantity",
            variants=[global_id],
        )
    per_customer = variant.quantity_limit_per_customer
    if per_customer is not None and quantity + previous > per_customer:
        return _error(
            _("Each customer may buy at most %(limit)d of “%(name)s”.")
            % {"limit": per_customer, "name": name}
            + (" " + _("You already ordered %(count)d.") % {"count": previous} if previous else ""),
            CheckoutErrorCode.QUANTITY_GREATER_THAN_LIMIT,
            "quantity",
            variants=[global_id],
        )
    stock = getattr(variant, "stock", None) if variant.track_inventory else None
    available = quantity_available(variant, stock)
    if quantity > available:
        message = (
            _("Only %(count)d of “%(name)s” left in stock.") % {"count": available, "name": name}
            if available
            else _("“%(name)s” is out of stock.") % {"name": name}
        )
        return _error(
            message, CheckoutErrorCode.INSUFFICIENT_STOCK, "quantity", variants=[global_id]
        )
    return None


def _lock(checkout: Checkout) -> Checkout:
    """Lock the checkout's row: changes of one checkout take turns."""
    Checkout.objects.select_for_update().filter(pk=checkout.pk).first()
    return forget_computed(checkout)


@transaction.atomic
def add_lines(*, checkout: Checkout, lines: Sequence[LineRequest], user=None) -> Checkout:
    """Add quantities of variants; a variant already in the checkout gets more units. Checks
    every line first and writes nothing when one is wrong."""
    _lock(checkout)
    wanted: dict[int, int] = {}
    errors: list[CheckoutError] = []
    for line in lines:
        try:
            pk = _variant_pk(line.variant_id, "variantId")
        except CheckoutError as error:
            errors.append(error)
            continue
        if line.quantity <= 0:
            errors.append(
                _error(
                    _("The quantity must be more than zero."),
                    CheckoutErrorCode.ZERO_QUANTITY,
                    "quantity",
                    variants=[line.variant_id],
                )
            )
            continue
        wanted[pk] = wanted.get(pk, 0) + line.quantity
    _raise_all(errors)
    variants = _sellable_variants(checkout.channel, set(wanted))
    for pk in wanted:
        if pk not in variants:
            errors.append(
                _error(
                    _("Couldn't find the product variant %(id)s.") % {"id": _variant_id(pk)},
                    CheckoutErrorCode.NOT_FOUND,
                    "variantId",
                    variants=[_variant_id(pk)],
                )
            )
    errors.extend(check_variants_sellable(checkout.channel, variants, field="variantId"))
    _raise_all(errors)

    existing = {line.variant_id: line for line in CheckoutLine.objects.filter(checkout=checkout)}
    previous = ordered_before(checkout.user or user, list(variants))
    for pk, quantity in wanted.items():
        held = existing[pk].quantity if pk in existing else 0
        problem = check_quantity(
            variants[pk], held + quantity, previous=previous.get(pk, 0), field="quantity"
        )
        if problem:
            errors.append(problem)
    _raise_all(errors)

    new_lines = []
    for pk, quantity in wanted.items():
        price = current_price(variants[pk])
        if pk in existing:
            line = existing[pk]
            line.quantity += quantity
            line.price_amount = price
            line.save(update_fields=["quantity", "price_amount"])
        else:
            new_lines.append(
                CheckoutLine(
                    checkout=checkout, variant_id=pk, quantity=quantity, price_amount=price
                )
            )
    CheckoutLine.objects.bulk_create(new_lines)
    return _touch(checkout)


def _line_pk(global_id: str, field: str = "lineId") -> int:
    try:
        type_name, pk = parse_global_id(global_id)
    except InvalidGlobalId:
        type_name, pk = "", ""
    if type_name != "CheckoutLine" or not pk.isdigit():
        raise _error(
            _("Couldn't resolve to a checkout line: %(id)s") % {"id": global_id},
            CheckoutErrorCode.GRAPHQL_ERROR,
            field,
            lines=[global_id],
        )
    return int(pk)


@transaction.atomic
def update_lines(*, checkout: Checkout, lines: Sequence[LineChange], user=None) -> Checkout:
    """Set the quantity of lines (named by line, or by variant); 0 removes a line."""
    _lock(checkout)
    by_pk = {line.pk: line for line in checkout_lines(checkout)}
    by_variant = {line.variant_id: line for line in by_pk.values()}
    changes: dict[int, int] = {}
    errors: list[CheckoutError] = []
    for change in lines:
        try:
            if change.line_id:
                line = by_pk.get(_line_pk(change.line_id))
                missing_id, kind = change.line_id, "lines"
            elif change.variant_id:
                line = by_variant.get(_variant_pk(change.variant_id, "variantId"))
                missing_id, kind = change.variant_id, "variants"
            else:
                raise _error(
                    _("Name the line to change (lineId)."), CheckoutErrorCode.REQUIRED, "lineId"
                )
        except CheckoutError as error:
            errors.append(error)
            continue
        if line is None:
            errors.append(
                _error(
                    _("This checkout has no such line: %(id)s") % {"id": missing_id},
                    CheckoutErrorCode.NOT_FOUND,
                    "lineId" if kind == "lines" else "variantId",
                    **{kind: [missing_id]},
                )
            )
            continue
        if change.quantity is None or change.quantity < 0:
            errors.append(
                _error(
                    _("The quantity must be zero (to remove the line) or more."),
                    CheckoutErrorCode.ZERO_QUANTITY,
                    "quantity",
                    lines=[to_global_id("CheckoutLine", line.pk)],
                )
            )
            continue
        changes[line.pk] = change.quantity
    _raise_all(errors)

    kept = {pk: quantity for pk, quantity in changes.items() if quantity > 0}
    variants = {by_pk[pk].variant_id: by_pk[pk].variant for pk in kept}
    errors.extend(check_variants_sellable(checkout.channel, variants, field="lineId"))
    previous = ordered_before(checkout.user or user, list(variants))
    for pk, quantity in kept.items():
        variant = by_pk[pk].variant
        problem = check_quantity(
            variant, quantity, previous=previous.get(variant.pk, 0), field="quantity"
        )
        if problem:
            problem.lines = [to_global_id("CheckoutLine", pk)]
            errors.append(problem)
    _raise_all(errors)

    removed = [pk for pk, quantity in changes.items() if quantity == 0]
    CheckoutLine.objects.filter(pk__in=removed).delete()
    for pk, quantity in kept.items():
        line = by_pk[pk]
        line.quantity = quantity
        line.price_amount = current_price(line.variant)
        line.save(update_fields=["quantity", "price_amount"])
    return _touch(checkout)


@transaction.atomic
def delete_lines(*, checkout: Checkout, line_ids: Sequence[str]) -> Checkout:
    """Remove lines from the checkout; every ID must name one of its lines."""
    _lock(checkout)
    pks = set()
    errors = []
    for global_id in line_ids:
        try:
            pks.add(_line_pk(global_id))
        except CheckoutError as error:
            errors.append(error)
    _raise_all(errors)
    found = set(
        CheckoutLine.objects.filter(checkout=checkout, pk__in=pks).values_list("pk", flat=True)
    )
    missing = [to_global_id("CheckoutLine", pk) for pk in sorted(pks - found)]
    if missing:
        raise _error(
            _("This checkout has no such line: %(id)s") % {"id": ", ".join(missing)},
            CheckoutErrorCode.NOT_FOUND,
            "lineId",
            lines=missing,
        )
    CheckoutLine.objects.filter(pk__in=found).delete()
    return _touch(checkout)


# --- Email, customer, note --------------------------------------------------------------------


def _clean_email(email: str | None) -> str:
    email = (email or "").strip()
    if not email:
        raise _error(_("Enter an email address."), CheckoutErrorCode.REQUIRED, "email")
    try:
        validate_email(email)
    except ValidationError:
        raise _error(
            _("Enter a valid email address."), CheckoutErrorCode.INVALID, "email"
        ) from None
    if len(email) > MAX_EMAIL_LENGTH:
        raise _error(_("This email address is too long."), CheckoutErrorCode.INVALID, "email")
    return email.lower()


@transaction.atomic
def update_email(*, checkout: Checkout, email: str) -> Checkout:
    """Set the email the order confirmation goes to."""
    checkout.email = _clean_email(email)
    checkout.save(update_fields=["email", "updated_at"])
    return forget_computed(checkout)


@transaction.atomic
def attach_customer(*, checkout: Checkout, user) -> Checkout:
    """Make the checkout the signed-in shopper's (it then takes their email)."""
    if not (user and user.is_authenticated):
        raise _error(
            _("Sign in to attach the checkout to your account."),
            CheckoutErrorCode.PERMISSION_DENIED,
        )
    if checkout.user_id not in (None, user.pk):
        raise _error(_("Checkout not found."), CheckoutErrorCode.NOT_FOUND, "id")
    checkout.user = user
    checkout.email = user.email
    checkout.save(update_fields=["user", "email", "updated_at"])
    return forget_computed(checkout)


@transaction.atomic
def detach_customer(*, checkout: Checkout, user) -> Checkout:
    """Make the checkout anonymous again (only its owner may)."""
    if not (user and user.is_authenticated) or checkout.user_id != user.pk:
        raise _error(
            _("Only the customer the checkout belongs to can detach it."),
            CheckoutErrorCode.PERMISSION_DENIED,
        )
    checkout.user = None
    checkout.save(update_fields=["user", "updated_at"])
    return forget_computed(checkout)


# --- Addresses and delivery -------------------------------------------------------------------


def _address_errors(error: InvalidAddress, kind: str) -> list[CheckoutError]:
    address_type = kind.upper()
    return [
        _error(
            item.message,
            CheckoutErrorCode(str(item.code))
            if str(item.code) in CheckoutErrorCode.__members__
            else CheckoutErrorCode.INVALID,
            item.field,
            address_type=address_type,
        )
        for item in error.errors
    ]


def _set_address(checkout: Checkout, kind: str, data: Mapping, save: bool | None) -> Checkout:
    try:
        values = clean_address(data)
    except InvalidAddress as error:
        _raise_all(_address_errors(error, kind))
    current = getattr(checkout, f"{kind}_address")
    if current is not None and current.user_id is None:
        for name, value in values.items():
            setattr(current, name, value)
        current.save()
    else:
        setattr(checkout, f"{kind}_address", Address.objects.create(**values))
    fields = [f"{kind}_address", "updated_at"]
    if save is not None:
        setattr(checkout, f"save_{kind}_address", save)
        fields.append(f"save_{kind}_address")
    checkout.save(update_fields=fields)
    return forget_computed(checkout)


@transaction.atomic
def update_shipping_address(
    *, checkout: Checkout, data: Mapping, save_address: bool | None = None
) -> Checkout:
    """Set where the parcels go: a valid Vietnamese address (see `accounts.addresses`). The
    province changes the standard post price of each booth's parcel."""
    return _set_address(checkout, "shipping", data, save_address)


@transaction.atomic
def update_billing_address(
    *, checkout: Checkout, data: Mapping, save_address: bool | None = None
) -> Checkout:
    """Set the billing address: a valid Vietnamese address."""
    return _set_address(checkout, "billing", data, save_address)


def delivery_method_code(global_id: str | None) -> str | None:
    """The delivery method named by a `ShippingMethod` (or `Delivery`) global ID, or None."""
    try:
        type_name, code = parse_global_id(global_id or "")
    except InvalidGlobalId:
        return None
    if type_name not in ("ShippingMethod", "Delivery"):
        return None
    return code if delivery_method(code) else None


@transaction.atomic
def update_delivery_method(*, checkout: Checkout, delivery_method_id: str | None) -> Checkout:
    """Choose standard post or pick-up at the booth, for every booth's parcel."""
    code = delivery_method_code(delivery_method_id)
    if code is None:
        raise _error(
            _("This delivery method is not available: choose standard post or pick-up."),
            CheckoutErrorCode.DELIVERY_METHOD_NOT_APPLICABLE,
            "deliveryMethodId",
        )
    checkout.delivery_method = DeliveryMethodCode(code)
    checkout.save(update_fields=["delivery_method", "updated_at"])
    return forget_computed(checkout)


@transaction.atomic
def update_customer_note(*, checkout: Checkout, note: str) -> Checkout:
    note = (note or "").strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise _error(
            _("A note has at most %(limit)d characters.") % {"limit": MAX_NOTE_LENGTH},
            CheckoutErrorCode.INVALID,
            "customerNote",
        )
    checkout.customer_note = note
    checkout.save(update_fields=["customer_note", "updated_at"])
    return checkout


# --- Promo codes and metadata -----------------------------------------------------------------


def add_promo_code(*, checkout: Checkout, promo_code: str) -> Checkout:
    """The marketplace has no vouchers or gift cards: every code is refused, as Saleor refuses
    an unknown one."""
    raise _error(_("Promo code is invalid."), CheckoutErrorCode.INVALID, "promoCode")


@transaction.atomic
def update_metadata(*, checkout: Checkout, items: Sequence[tuple[str, str]]) -> Checkout:
    """Set public metadata keys of the checkout (storefronts keep small notes of their own)."""
    metadata = dict(checkout.metadata or {})
    for key, value in items:
        key = (key or "").strip()
        if not key:
            raise _error(_("Metadata key cannot be empty."), CheckoutErrorCode.REQUIRED, "input")
        if len(key) > MAX_METADATA_LENGTH or len(value or "") > MAX_METADATA_LENGTH:
            raise _error(
                _("Metadata keys and values have at most %(limit)d characters.")
                % {"limit": MAX_METADATA_LENGTH},
                CheckoutErrorCode.INVALID,
                "input",
            )
        metadata[key] = value
    if len(metadata) > MAX_METADATA_ITEMS:
        raise _error(
            _("A checkout holds at most %(limit)d metadata items.") % {"limit": MAX_METADATA_ITEMS},
            CheckoutErrorCode.INVALID,
            "input",
        )
    checkout.metadata = metadata
    checkout.save(update_fields=["metadata", "updated_at"])
    return checkout
