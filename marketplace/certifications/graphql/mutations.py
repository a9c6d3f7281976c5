"""Mutations: booths submit certificates; staff verify, reject and revoke them, and review
listings. Who may do what is decided by the services (through `marketplace.core.permissions`)."""

import graphene
from django.utils.translation import gettext as _

from marketplace.catalog.models import Product
from marketplace.certifications import moderation, services
from marketplace.certifications.graphql.enums import (
    CertificationErrorCodeEnum,
    CertificationIssuingLevelEnum,
    CertificationKindEnum,
    ListingReviewErrorCodeEnum,
    enum_value,
)
from marketplace.certifications.graphql.types import Certification, ListingReview
from marketplace.certifications.models import Certification as CertificationModel
from marketplace.core.errors import DomainError
from marketplace.core.permissions import Action, can
from marketplace.graphql.core.batching import tag_batch
from marketplace.graphql.core.ids import resolve_global_id
from marketplace.graphql.core.mutations import BaseMutation, error_type
from marketplace.graphql.core.scalars import Upload
from vendors.models import Booth

CertificationError = error_type("CertificationError", CertificationErrorCodeEnum)
ListingReviewError = error_type("ListingReviewError", ListingReviewErrorCodeEnum)
MAX_SCAN_READ = 10 * 1024 * 1024 + 1


class CertificationCreateInput(graphene.InputObjectType):
    vendor = graphene.ID(description="The booth; may be left out when `product` is given.")
    product = graphene.ID(description="The product certified (required for OCOP).")
    kind = CertificationKindEnum(required=True, description="Kind of certificate.")
    stars = graphene.Int(description="OCOP rating: 3, 4 or 5.")
    code = graphene.String(
        required=True, description="Certificate code or OCOP decision number, as printed."
    )
    issuer = graphene.String(required=True, description="Who issued the certificate.")
    issuing_level = CertificationIssuingLevelEnum(
        description="OCOP: province (3, 4 stars) or central (5 stars); derived when left out."
    )
    product_group = graphene.String(description="OCOP: the product group.")
    scope = graphene.String(description="What the certificate covers (VietGAP: crops, area).")
    standard = graphene.String(description="Organic: the standard (e.g. TCVN 11041).")
    issued_at = graphene.DateTime(required=True, description="Date of issue.")
    expires_at = graphene.DateTime(
        description="End of validity; OCOP defaults to 36 months and VietGAP to 24 months "
        "after issue. Required for organic certificates."
    )
    document = Upload(
        description="Scan of the certificate (PDF or image, 10 MB at most); seen by staff only."
    )


def _not_found(message: str, field: str = "id") -> DomainError:
    return DomainError(message, code=services.CertificationErrorCode.NOT_FOUND, field=field)


def _certification(global_id: str, user) -> CertificationModel:
    """The certificate, when the user may see it (its booth's members, verifying staff)."""
    pk = resolve_global_id(global_id, "Certification")
    certification = CertificationModel.objects.select_related("vendor").filter(pk=pk).first()
    if certification is None or not can(user, Action.CERTIFICATE_SUBMIT, certification.vendor):
        raise _not_found(_("Certificate not found."))
    return certification


def _read(upload) -> bytes | None:
    if upload is None:
        return None
    return upload if isinstance(upload, bytes) else upload.read(MAX_SCAN_READ)


class CertificationCreate(BaseMutation):
    certification = graphene.Field(Certification)

    class Arguments:
        input = CertificationCreateInput(required=True)

    class Meta:
        error_type = CertificationError
        login_required = True
        description = (
            "Submit a certificate of a booth or product for staff verification (members of the "
            "booth, or staff with VERIFY_CERTIFICATES). It is public once verified."
        )

    @classmethod
    def perform_mutation(cls, root, info, input):
        product = vendor = None
        if input.get("product"):
            pk = resolve_global_id(input["product"], "Product")
            product = Product.objects.select_related("vendor").filter(pk=pk).first()
            if product is None:
                raise _not_found(_("Product not found."), "product")
        if input.get("vendor"):
            vendor = Booth.objects.filter(pk=resolve_global_id(input["vendor"], "Vendor")).first()
            if vendor is None:
                raise _not_found(_("Booth not found."), "vendor")
        certification = services.submit_certificate(
            actor=info.context.user,
            vendor=vendor,
            product=product,
            kind=enum_value(input["kind"]),
            stars=input.get("stars"),
            code=input.get("code"),
            issuer=input.get("issuer"),
            issuing_level=enum_value(input.get("issuing_level")) or "",
            product_group=input.get("product_group") or "",
            scope=input.get("scope") or "",
            standard=input.get("standard") or "",
            issued_at=input.get("issued_at"),
            expires_at=input.get("expires_at"),
            document=_read(input.get("document")),
        )
        return cls(certification=certification)


class CertificationVerify(BaseMutation):
    certification = graphene.Field(Certification)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the certificate.")

    class Meta:
        error_type = CertificationError
        login_required = True
        description = (
            "Verify a submitted certificate: it becomes public until it expires (staff with "
            "VERIFY_CERTIFICATES who are not members of the booth)."
        )

    @classmethod
    def perform_mutation(cls, root, info, id):
        user = info.context.user
        certification = services.verify_certificate(
            actor=user, certification=_certification(id, user)
        )
        return cls(certification=certification)


def _decision_mutation(name: str, decide, description: str) -> type:
    class Arguments:
        id = graphene.ID(required=True, description="ID of the certificate.")
        reason = graphene.String(required=True, description="Why; the booth reads it.")

    def perform_mutation(cls, root, info, id, reason):
        user = info.context.user
        certification = decide(actor=user, certification=_certification(id, user), reason=reason)
        return cls(certification=certification)

    meta = type(
        "Meta",
        (),
        {"error_type": CertificationError, "login_required": True, "description": description},
    )
    return type(
        name,
        (BaseMutation,),
        {
            "certification": graphene.Field(Certification),
            "Arguments": Arguments,
            "Meta": meta,
            "perform_mutation": classmethod(perform_mutation),
        },
    )


CertificationReject = _decision_mutation(
    "CertificationReject",
    services.reject_certificate,
    "Turn down a submitted certificate, with a reason the booth reads (staff with "
    "VERIFY_CERTIFICATES).",
)
CertificationRevoke = _decision_mutation(
    "CertificationRevoke",
    services.revoke_certificate,
    "Withdraw a verified certificate: it stops showing at once (staff with VERIFY_CERTIFICATES).",
)


def _product_to_review(global_id: str, user) -> Product:
    pk = resolve_global_id(global_id, "Product")
    product = moderation.listings_visible_to(user).filter(pk=pk).first()
    if product is None:
        raise DomainError(
            _("Product not found."),
            code=moderation.ListingReviewErrorCode.NOT_FOUND,
            field="product",
        )
    return product


def _reviewed(user, product: Product) -> Product:
    """The product again, with its review state, as the payload shows it."""
    return tag_batch([moderation.listings_visible_to(user).get(pk=product.pk)])[0]


class ListingApprove(BaseMutation):
    listing_review = graphene.Field(ListingReview)

    class Arguments:
        product = graphene.ID(required=True, description="ID of the product.")

    class Meta:
        error_type = ListingReviewError
        login_required = True
        description = (
            "Approve a product after review: it is public wherever it is published "
            "(staff with MANAGE_PRODUCTS)."
        )

    @classmethod
    def perform_mutation(cls, root, info, product):
        user = info.context.user
        approved = moderation.approve_listing(actor=user, product=_product_to_review(product, user))
        return cls(listing_review=_reviewed(user, approved))


class ListingReject(BaseMutation):
    listing_review = graphene.Field(ListingReview)

    class Arguments:
        product = graphene.ID(required=True, description="ID of the product.")
        reason = graphene.String(required=True, description="Why; the booth reads it.")

    class Meta:
        error_type = ListingReviewError
        login_required = True
        description = (
            "Reject a product, with a reason the booth reads: it is hidden until the booth "
            "changes it and staff approve it (staff with MANAGE_PRODUCTS)."
        )

    @classmethod
    def perform_mutation(cls, root, info, product, reason):
        user = info.context.user
        rejected = moderation.reject_listing(
            actor=user, product=_product_to_review(product, user), reason=reason
        )
        return cls(listing_review=_reviewed(user, rejected))


class CertificationMutations(graphene.ObjectType):
    certification_create = CertificationCreate.Field()
    certification_verify = CertificationVerify.Field()
    certification_reject = CertificationReject.Field()
    certification_revoke = CertificationRevoke.Field()
    listing_approve = ListingApprove.Field()
    listing_reject = ListingReject.Field()
