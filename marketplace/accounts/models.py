from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email


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
