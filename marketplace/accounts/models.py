from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _


def new_jwt_token_key() -> str:
    return get_random_string(12)


class UserManager(BaseUserManager):
    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A shopper, a booth member or a staff member; people sign in with their email address."""

    email = models.EmailField(_("email"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    language_code = models.CharField(_("language"), max_length=10, default="vi")
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Accounts registered through the API start unconfirmed and cannot sign in until the link
    # sent by email is followed; accounts created by staff are trusted.
    is_confirmed = models.BooleanField(_("email confirmed"), default=True)
    # Part of every token issued to the user: a new key (new password, signing out everywhere)
    # makes all earlier tokens invalid.
    jwt_token_key = models.CharField(max_length=12, default=new_jwt_token_key, editable=False)
    default_shipping_address = models.ForeignKey(
        "accounts.Address",
        verbose_name=_("default shipping address"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    default_billing_address = models.ForeignKey(
        "accounts.Address",
        verbose_name=_("default billing address"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email


class Address(models.Model):
    """A postal address in Viet Nam: `city` holds the ward or commune, `country_area` the province.

    An address belongs to a user's address book, or to nobody (checkout and order copies).
    """

    user = models.ForeignKey(
        User,
        verbose_name=_("user"),
        related_name="addresses",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    first_name = models.CharField(_("given name"), max_length=256, blank=True)
    last_name = models.CharField(_("family name"), max_length=256, blank=True)
    company_name = models.CharField(_("company or group"), max_length=256, blank=True)
    street_address_1 = models.CharField(_("house number and street"), max_length=256, blank=True)
    street_address_2 = models.CharField(_("address, line 2"), max_length=256, blank=True)
    city = models.CharField(_("ward or commune"), max_length=256, blank=True)
    city_area = models.CharField(_("village or residential group"), max_length=128, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    country = models.CharField(_("country"), max_length=2, default="VN")
    country_area = models.CharField(_("province or city"), max_length=128, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ("pk",)

    def __str__(self) -> str:
        return ", ".join(part for part in (self.city, self.country_area) if part)


class StaffPermissions(models.Model):
    """Holds the staff permissions of the marketplace (no table): Saleor's, and ours.

    Staff get them through Django groups or directly; `marketplace.core.permissions` reads them.
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("manage_products", _("Manage products of any booth")),
            ("manage_orders", _("Manage orders")),
            ("manage_users", _("Manage customers")),
            ("manage_staff", _("Manage staff")),
            ("manage_channels", _("Manage channels")),
            ("manage_pages", _("Manage pages")),
            ("manage_menus", _("Manage menus")),
            ("manage_translations", _("Manage translations")),
            ("manage_vendors", _("Approve and manage booths")),
            ("verify_certificates", _("Verify OCOP, VietGAP and organic certificates")),
            ("curate_content", _("Curate featured booths and campaigns")),
            ("view_producer_identity", _("Read producers' private identity (audited)")),
        ]
