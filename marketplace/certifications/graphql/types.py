"""Certificates and listing reviews in the API.

`Product.certifications` and `Vendor.certifications` (fields made here, added to those types)
show only public certificates: verified and not expired at the time of the request. Lists load
them for the whole list in one query.
"""

import graphene
from django.urls import reverse

from marketplace.certifications import models, moderation, selectors
from marketplace.certifications.graphql.enums import (
    CertificationIssuingLevelEnum,
    CertificationKindEnum,
    CertificationStatusEnum,
    ListingReviewActionEnum,
    ListingReviewStatusEnum,
)
from marketplace.core.permissions import Action, can
from marketplace.core.urls import absolute_uri
from marketplace.graphql.core.batching import batch_of, batch_related, batch_related_one, tag_batch
from marketplace.graphql.core.connection import CountableConnection
from marketplace.graphql.core.types import ModelObjectType


def _may_see_private(info, certification) -> bool:
    """The booth's members and staff verifying certificates see how a certificate stands."""
    return can(info.context.user, Action.CERTIFICATE_SUBMIT, certification.vendor_id)


class Certification(ModelObjectType):
    kind = graphene.Field(CertificationKindEnum, required=True, description="Kind of certificate.")
    stars = graphene.Int(description="OCOP rating: 3, 4 or 5 stars (null for other kinds).")
    code = graphene.String(
        required=True,
        description="Certificate code (e.g. VietGAP-TT-13-09-68-0096) or OCOP decision number.",
    )
    issuer = graphene.String(
        required=True, description="Who issued it (a province, a certifying body...)."
    )
    issuing_level = graphene.Field(
        CertificationIssuingLevelEnum, description="OCOP only: province or central."
    )
    product_group = graphene.String(description="OCOP only: the product group rated.")
    scope = graphene.String(description="What the certificate covers (crops, area...).")
    standard = graphene.String(description="Organic only: the standard certified against.")
    issued_at = graphene.DateTime(required=True, description="When it was issued.")
    expires_at = graphene.DateTime(
        required=True, description="When it expires; from that instant it is no longer shown."
    )
    verified = graphene.Boolean(
        required=True,
        description="Verified by Women's Union staff and not expired (always true where the "
        "public sees certificates).",
    )
    status = graphene.Field(
        CertificationStatusEnum,
        required=True,
        description="Where the certificate stands now (EXPIRED from its expiry instant).",
    )
    status_reason = graphene.String(
        description="Why staff rejected or revoked it: for the booth's members and staff only."
    )
    submitted_at = graphene.DateTime(required=True, description="When the booth submitted it.")
    vendor = graphene.Field(
        "vendors.graphql.Vendor",
        description="The booth holding the certificate: for its members and staff only.",
    )
    product = graphene.Field(
        "marketplace.catalog.graphql.types.Product",
        description="The product certified (OCOP), or null when the certificate covers all the "
        "booth's products: for the booth's members and staff only.",
    )
    document_url = graphene.String(
        description="Where staff download the scan of the certificate (staff verifying "
        "certificates only; the file itself is never public)."
    )

    class Meta:
        model = models.Certification
        interfaces = (graphene.relay.Node,)
        description = "A certificate (OCOP, VietGAP, organic) of a booth or of one of its products."

    @staticmethod
    def resolve_kind(root, info):
        return str(root.kind)

    @staticmethod
    def resolve_verified(root, info):
        return selectors.is_public(root)

    @staticmethod
    def resolve_status(root, info):
        return str(selectors.effective_status(root))

    @staticmethod
    def resolve_issuing_level(root, info):
        return str(root.issuing_level) if root.issuing_level else None

    @staticmethod
    def resolve_product_group(root, info):
        return root.product_group or None

    @staticmethod
    def resolve_scope(root, info):
        return root.scope or None

    @staticmethod
    def resolve_standard(root, info):
        return root.standard or None

    @staticmethod
    def resolve_status_reason(root, info):
        return root.status_reason or None if _may_see_private(info, root) else None

    @staticmethod
    def resolve_submitted_at(root, info):
        return root.created_at

    @staticmethod
    def resolve_vendor(root, info):
        return batch_related_one(root, "vendor") if _may_see_private(info, root) else None

    @staticmethod
    def resolve_product(root, info):
        if root.product_id is None or not _may_see_private(info, root):
            return None
        return batch_related_one(root, "product")

    @staticmethod
    def resolve_document_url(root, info):
        if not root.document or not can(info.context.user, Action.CERTIFICATE_VERIFY):
            return None
        path = reverse("admin:certifications_certification_document", args=[root.pk])
        return absolute_uri(info.context, path)


class CertificationCountableConnection(CountableConnection):
    class Meta:
        node = Certification
        strict_types = True


def _public_list(root, cache: str, load) -> list:
    """The public certificates of `root`, loaded for root's whole batch on first use."""
    if not hasattr(root, cache):
        batch = [item for item in batch_of(root) if not hasattr(item, cache)]
        found = load(batch)
        for item in batch:
            setattr(item, cache, found.get(item.pk, []))
        tag_batch([cert for item in batch for cert in getattr(item, cache)])
    return getattr(root, cache)


def product_certifications_field() -> graphene.Field:
    """`Product.certifications`: the product's own public certificates and its booth's."""
    return graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(Certification))),
        description="Verified, unexpired certificates of the product: its own (OCOP) and "
        "those of its booth's production (VietGAP, organic).",
        resolver=lambda root, info: _public_list(
            root, "_public_certifications", selectors.public_certifications_of_products
        ),
    )


def vendor_certifications_field() -> graphene.Field:
    """`Vendor.certifications`: the booth's public certificates, for its production and for
    each of its products."""
    return graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(Certification))),
        description="Verified, unexpired certificates of the booth: for its production "
        "(VietGAP, organic) and for its products (OCOP).",
        resolver=lambda root, info: _public_list(
            root, "_public_certifications", selectors.public_certifications_of_booths
        ),
    )


class ListingReviewEvent(ModelObjectType):
    action = graphene.Field(ListingReviewActionEnum, required=True)
    reason = graphene.String(description="The reason staff gave for a rejection.")
    created_at = graphene.DateTime(required=True)

    class Meta:
        model = models.ListingReviewEvent
        interfaces = (graphene.relay.Node,)
        description = "A step in a product's review: what the booth did, what staff decided."

    @staticmethod
    def resolve_action(root, info):
        return str(root.action)

    @staticmethod
    def resolve_reason(root, info):
        return root.reason or None


class ListingReview(graphene.ObjectType):
    """A product as staff review it, and as its booth sees the review."""

    product = graphene.Field("marketplace.catalog.graphql.types.Product", required=True)
    status = graphene.Field(
        ListingReviewStatusEnum,
        required=True,
        description="PENDING: hidden until staff approve; APPROVED: public when published; "
        "REJECTED: hidden, see `reason`.",
    )
    reason = graphene.String(description="Why staff rejected the product.")
    waiting_for_review = graphene.Boolean(
        required=True, description="Staff have not yet looked at the latest change."
    )
    last_changed_at = graphene.DateTime(description="When the latest review step happened.")
    history = graphene.NonNull(
        graphene.List(graphene.NonNull(ListingReviewEvent)),
        description="The review steps, latest first.",
    )

    @staticmethod
    def resolve_product(root, info):
        return root

    @staticmethod
    def resolve_status(root, info):
        return str(root.moderation_status)

    @staticmethod
    def resolve_reason(root, info):
        return root.moderation_reason or None

    @staticmethod
    def resolve_waiting_for_review(root, info):
        return moderation.needs_review(root)

    @staticmethod
    def resolve_last_changed_at(root, info):
        return getattr(root, "last_review_at", None)

    @staticmethod
    def resolve_history(root, info):
        return batch_related(root, "review_events")


class ListingReviewCountableConnection(CountableConnection):
    class Meta:
        node = ListingReview
        strict_types = True
