"""Enums of the certificates and listing review API (imported by the catalog's product filters)."""

import graphene

from marketplace.catalog.models import ModerationStatus
from marketplace.certifications.models import (
    CertificationKind,
    CertificationStatus,
    IssuingLevel,
    ListingReviewAction,
)
from marketplace.certifications.moderation import ListingReviewErrorCode
from marketplace.certifications.services import CertificationErrorCode


def _enum(name: str, choices, description: str) -> type[graphene.Enum]:
    return graphene.Enum(
        name,
        [(choice.name, choice.value) for choice in choices],
        description=description,
    )


CertificationKindEnum = _enum(
    "CertificationKind",
    CertificationKind,
    "Kind of certificate: OCOP (One Commune One Product, 3 to 5 stars), VietGAP (good "
    "agricultural practice) or organic.",
)
CertificationStatusEnum = _enum(
    "CertificationStatus",
    CertificationStatus,
    "Where a certificate stands: submitted by the booth, verified or rejected by staff, revoked "
    "by staff, or expired.",
)
CertificationIssuingLevelEnum = _enum(
    "CertificationIssuingLevel",
    IssuingLevel,
    "Who awarded an OCOP rating: the province (3 and 4 stars) or the central council (5 stars).",
)
ListingReviewStatusEnum = _enum(
    "ListingReviewStatus",
    ModerationStatus,
    "Staff review of a product: pending (hidden until approved), approved, or rejected.",
)
ListingReviewActionEnum = _enum(
    "ListingReviewAction",
    ListingReviewAction,
    "A step in a product's review history.",
)
CertificationErrorCodeEnum = graphene.Enum.from_enum(CertificationErrorCode)
ListingReviewErrorCodeEnum = graphene.Enum.from_enum(ListingReviewErrorCode)


def enum_value(enum_or_value):
    """The stored value of an enum argument (graphene passes enum members)."""
    return getattr(enum_or_value, "value", enum_or_value)
