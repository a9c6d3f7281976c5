"""Queries of certificates and listing reviews, for staff and for the booths concerned."""

import graphene
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from graphql import GraphQLError

from marketplace.certifications import moderation, selectors
from marketplace.certifications.graphql.enums import (
    CertificationKindEnum,
    CertificationStatusEnum,
    ListingReviewStatusEnum,
    enum_value,
)
from marketplace.certifications.graphql.mutations import CertificationMutations
from marketplace.certifications.graphql.types import (
    CertificationCountableConnection,
    ListingReviewCountableConnection,
)
from marketplace.certifications.models import CertificationStatus
from marketplace.graphql.core.connection import connection_args, paginate
from marketplace.graphql.core.ids import resolve_global_ids

__all__ = ["CertificationMutations", "CertificationQueries"]


class CertificationFilterInput(graphene.InputObjectType):
    kinds = graphene.List(graphene.NonNull(CertificationKindEnum))
    statuses = graphene.List(
        graphene.NonNull(CertificationStatusEnum),
        description="Statuses as of now (a verified certificate past its expiry is EXPIRED).",
    )
    vendors = graphene.List(graphene.NonNull(graphene.ID), description="Booths.")
    products = graphene.List(graphene.NonNull(graphene.ID))
    expires_before = graphene.DateTime(description="Expiring before this moment.")
    search = graphene.String(description="Words of the code, the issuer or the booth's name.")


class ListingReviewFilterInput(graphene.InputObjectType):
    vendors = graphene.List(graphene.NonNull(graphene.ID), description="Booths.")
    statuses = graphene.List(graphene.NonNull(ListingReviewStatusEnum))
    waiting_for_review = graphene.Boolean(
        description="Only products whose latest change staff have not looked at yet (the "
        "review queue, longest waiting first)."
    )


def _signed_in(info):
    user = info.context.user
    if not (user and user.is_authenticated):
        raise GraphQLError(_("You need to sign in to do this."))
    return user


def _status_filter(certifications, statuses: list[str]):
    now = timezone.now()
    wanted = Q()
    for status in statuses:
        if status == CertificationStatus.VERIFIED:
            wanted |= Q(status=status, expires_at__gt=now)
        elif status == CertificationStatus.EXPIRED:
            wanted |= Q(status=status) | Q(status=CertificationStatus.VERIFIED, expires_at__lte=now)
        else:
            wanted |= Q(status=status)
    return certifications.filter(wanted)


class CertificationQueries(graphene.ObjectType):
    certifications = graphene.Field(
        CertificationCountableConnection,
        filter=CertificationFilterInput(),
        **connection_args(),
        description="Certificates in every state: all of them for staff with "
        "VERIFY_CERTIFICATES, their own booths' for booth members. Latest submitted first.",
    )
    listing_reviews = graphene.Field(
        ListingReviewCountableConnection,
        filter=ListingReviewFilterInput(),
        **connection_args(),
        description="Products with their review state: every product for staff with "
        "MANAGE_PRODUCTS (the review queue), their own booths' for booth members.",
    )

    @staticmethod
    def resolve_certifications(root, info, filter=None, **page):
        certifications = selectors.certifications_visible_to(_signed_in(info))
        spec = filter or {}
        if spec.get("kinds"):
            certifications = certifications.filter(
                kind__in=[enum_value(kind) for kind in spec["kinds"]]
            )
        if spec.get("statuses"):
            certifications = _status_filter(
                certifications, [enum_value(status) for status in spec["statuses"]]
            )
        if spec.get("vendors") is not None:
            certifications = certifications.filter(
                vendor_id__in=resolve_global_ids(spec["vendors"], "Vendor")
            )
        if spec.get("products") is not None:
            certifications = certifications.filter(
                product_id__in=resolve_global_ids(spec["products"], "Product")
            )
        if spec.get("expires_before"):
            certifications = certifications.filter(expires_at__lt=spec["expires_before"])
        if spec.get("search"):
            certifications = selectors.search_certifications(certifications, spec["search"])
        return paginate(
            certifications.order_by("-created_at", "-pk"),
            CertificationCountableConnection,
            info,
            **page,
        )

    @staticmethod
    def resolve_listing_reviews(root, info, filter=None, **page):
        products = moderation.listings_visible_to(_signed_in(info))
        spec = filter or {}
        if spec.get("vendors") is not None:
            products = products.filter(vendor_id__in=resolve_global_ids(spec["vendors"], "Vendor"))
        if spec.get("statuses"):
            statuses = [enum_value(status) for status in spec["statuses"]]
            products = products.filter(moderation_status__in=statuses)
        if spec.get("waiting_for_review") is True:
            products = moderation.review_queue(products)
        else:
            if spec.get("waiting_for_review") is False:
                products = products.filter(
                    Q(last_review_action__isnull=True)
                    | Q(last_review_action__in=moderation.DECIDED)
                )
            products = products.order_by(F("last_review_at").desc(nulls_last=True), "pk")
        return paginate(products, ListingReviewCountableConnection, info, **page)
