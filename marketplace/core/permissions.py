"""The one place that decides who may do what.

Every operation is an `Action`. A user may perform it when they are active staff holding the
action's staff permission, or (for booth-scoped actions) a member of the booth concerned with one
of the allowed roles. Services call `authorize()`; GraphQL resolvers, pages, the admin and the
importer never decide on their own.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError


class Permission(StrEnum):
    """Staff permissions, as Saleor's PermissionEnum, plus the marketplace's own."""

    MANAGE_PRODUCTS = "manage_products"
    MANAGE_ORDERS = "manage_orders"
    MANAGE_USERS = "manage_users"
    MANAGE_STAFF = "manage_staff"
    MANAGE_CHANNELS = "manage_channels"
    MANAGE_PAGES = "manage_pages"
    MANAGE_MENUS = "manage_menus"
    MANAGE_TRANSLATIONS = "manage_translations"
    MANAGE_VENDORS = "manage_vendors"
    VERIFY_CERTIFICATES = "verify_certificates"
    CURATE_CONTENT = "curate_content"
    VIEW_PRODUCER_IDENTITY = "view_producer_identity"


OWNER, MANAGER, MEMBER = "owner", "manager", "member"
ANY_ROLE = frozenset({OWNER, MANAGER, MEMBER})


@dataclass(frozen=True)
class Rule:
    staff_permission: Permission | None
    booth_roles: frozenset[str] = frozenset()


class Action(StrEnum):
    PRODUCT_MANAGE = "product.manage"
    CATALOG_IMPORT = "catalog.import"
    BOOTH_VIEW_PRIVATE = "booth.view_private"
    BOOTH_UPDATE = "booth.update"
    BOOTH_MEMBERS_MANAGE = "booth.members_manage"
    BOOTH_CREATE = "booth.create"
    BOOTH_CHANGE_STATUS = "booth.change_status"
    PRODUCER_PROFILE_MANAGE = "producer.profile_manage"
    PRODUCER_CONSENT_MANAGE = "producer.consent_manage"
    PRODUCER_IDENTITY_VIEW = "producer.identity_view"
    PRODUCER_IDENTITY_UPDATE = "producer.identity_update"
    PRODUCER_ERASE = "producer.erase"
    ACCESS_LOG_VIEW = "producer.access_log_view"
    CERTIFICATE_SUBMIT = "certificate.submit"
    CERTIFICATE_VERIFY = "certificate.verify"
    LISTING_MODERATE = "listing.moderate"
    CURATE = "content.curate"
    ORDER_FULFIL = "order.fulfil"
    ORDER_MANAGE = "order.manage"
    LEDGER_VIEW = "ledger.view"
    PAYOUT_RECORD = "ledger.payout_record"
    STAFF_MANAGE = "staff.manage"


RULES: dict[Action, Rule] = {
    Action.PRODUCT_MANAGE: Rule(Permission.MANAGE_PRODUCTS, ANY_ROLE),
    Action.CATALOG_IMPORT: Rule(Permission.MANAGE_PRODUCTS, ANY_ROLE),
    Action.BOOTH_VIEW_PRIVATE: Rule(Permission.MANAGE_VENDORS, frozenset({OWNER, MANAGER})),
    Action.BOOTH_UPDATE: Rule(Permission.MANAGE_VENDORS, frozenset({OWNER, MANAGER})),
    Action.BOOTH_MEMBERS_MANAGE: Rule(Permission.MANAGE_VENDORS, frozenset({OWNER})),
    Action.BOOTH_CREATE: Rule(Permission.MANAGE_VENDORS),
    Action.BOOTH_CHANGE_STATUS: Rule(Permission.MANAGE_VENDORS),
    Action.PRODUCER_PROFILE_MANAGE: Rule(Permission.MANAGE_VENDORS, frozenset({OWNER, MANAGER})),
    Action.PRODUCER_CONSENT_MANAGE: Rule(Permission.MANAGE_VENDORS, frozenset({OWNER, MANAGER})),
    Action.PRODUCER_IDENTITY_VIEW: Rule(Permission.VIEW_PRODUCER_IDENTITY),
    Action.PRODUCER_IDENTITY_UPDATE: Rule(Permission.VIEW_PRODUCER_IDENTITY),
    Action.PRODUCER_ERASE: Rule(Permission.VIEW_PRODUCER_IDENTITY),
    Action.ACCESS_LOG_VIEW: Rule(Permission.VIEW_PRODUCER_IDENTITY),
    Action.CERTIFICATE_SUBMIT: Rule(Permission.VERIFY_CERTIFICATES, ANY_ROLE),
    Action.CERTIFICATE_VERIFY: Rule(Permission.VERIFY_CERTIFICATES),
    Action.LISTING_MODERATE: Rule(Permission.MANAGE_PRODUCTS),
    Action.CURATE: Rule(Permission.CURATE_CONTENT),
    Action.ORDER_FULFIL: Rule(Permission.MANAGE_ORDERS, ANY_ROLE),
    Action.ORDER_MANAGE: Rule(Permission.MANAGE_ORDERS),
    Action.LEDGER_VIEW: Rule(Permission.MANAGE_ORDERS, frozenset({OWNER, MANAGER})),
    Action.PAYOUT_RECORD: Rule(Permission.MANAGE_ORDERS),
    Action.STAFF_MANAGE: Rule(Permission.MANAGE_STAFF),
}


class PermissionErrorCode(StrEnum):
    PERMISSION_DENIED = "PERMISSION_DENIED"


class NotAllowed(DomainError):
    def __init__(self, message: str | None = None):
        super().__init__(
            message or _("You do not have permission to do this."),
            code=PermissionErrorCode.PERMISSION_DENIED,
        )


class _System:
    """The operator's own tools (demo loader, command-line import, migrations): trusted callers
    with no account. Passed explicitly as `actor=SYSTEM`, never derived from a request."""

    is_authenticated = True
    is_active = True
    is_staff = True
    pk = None
    email = ""
    language_code = "vi"

    def has_perm(self, permission: str) -> bool:
        return True

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = _System()


def has_staff_permission(user, permission: Permission) -> bool:
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    return user.has_perm(f"accounts.{permission.value}")


def booth_role(user, booth) -> str | None:
    """The user's role in `booth`, or None. Cached on the user for the request."""
    if not (user and user.is_authenticated and user.is_active) or booth is None:
        return None
    roles = getattr(user, "_booth_roles", None)
    if roles is None:
        from vendors.models import BoothMember

        roles = dict(BoothMember.objects.filter(user=user).values_list("booth_id", "role"))
        user._booth_roles = roles
    return roles.get(booth.pk if hasattr(booth, "pk") else booth)


def can(user, action: Action, booth=None) -> bool:
    """Whether `user` may perform `action` (on `booth`, for booth-scoped actions)."""
    rule = RULES[action]
    if rule.staff_permission and has_staff_permission(user, rule.staff_permission):
        return True
    return booth is not None and booth_role(user, booth) in rule.booth_roles


def authorize(user, action: Action, booth=None) -> None:
    """Raise `NotAllowed` unless `user` may perform `action` (on `booth`)."""
    if not can(user, action, booth):
        raise NotAllowed()


def booths_of(user, action: Action):
    """Primary keys of the booths on which `user` may perform `action` through membership."""
    rule = RULES[action]
    if not (user and user.is_authenticated and user.is_active):
        return []
    from vendors.models import BoothMember

    return list(
        BoothMember.objects.filter(user=user, role__in=rule.booth_roles).values_list(
            "booth_id", flat=True
        )
    )
