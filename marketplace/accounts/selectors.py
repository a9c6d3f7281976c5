"""Reads of accounts and address books."""

from django.db.models import QuerySet

from marketplace.accounts.models import Address, User


def user_by_email(email: str) -> User | None:
    """The account registered with `email` (case does not matter), or None."""
    if not email or not email.strip():
        return None
    return User.objects.filter(email__iexact=email.strip()).order_by("pk").first()


def addresses_of(user: User) -> QuerySet[Address]:
    """The user's address book, oldest first."""
    return Address.objects.filter(user=user).order_by("pk")


def address_of(user: User, address_id: int) -> Address | None:
    """The address `address_id` if it is in the user's address book, else None."""
    return addresses_of(user).filter(pk=address_id).first()
