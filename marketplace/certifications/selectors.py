"""Reads of certificates, with the one rule for what the public sees: verified by staff and not
expired at this instant (a certificate whose expiry equals now is expired)."""

from collections.abc import Iterable, Sequence
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from marketplace.catalog.models import Product
from marketplace.certifications.models import (
    Certification,
    CertificationKind,
    CertificationStatus,
)
from marketplace.core.permissions import Action, booths_of, can
from marketplace.core.text import fold_vietnamese, search_terms

# What shoppers type to find certified products ("ocop 4 sao", "vietgap", "huu co").
KIND_SEARCH_WORDS = {
    CertificationKind.OCOP: "OCOP",
    CertificationKind.VIETGAP: "VietGAP",
    CertificationKind.ORGANIC: "hữu cơ organic",
}


def public_certifications(*, at: datetime | None = None) -> QuerySet[Certification]:
    """Certificates shown to shoppers: verified and expiring after `at` (now by default)."""
    return Certification.objects.filter(
        status=CertificationStatus.VERIFIED, expires_at__gt=at or timezone.now()
    )


def is_public(certification: Certification, *, at: datetime | None = None) -> bool:
    return certification.status == CertificationStatus.VERIFIED and certification.expires_at > (
        at or timezone.now()
    )


def effective_status(certification: Certification, *, at: datetime | None = None) -> str:
    """The status as of now: a verified certificate past its expiry is expired already, before
    the daily job writes it down."""
    if certification.status == CertificationStatus.VERIFIED and not is_public(certification, at=at):
        return CertificationStatus.EXPIRED
    return certification.status


def _covers(certification: Certification, product: Product) -> bool:
    if certification.product_id is not None:
        return certification.product_id == product.pk
    return certification.vendor_id == product.vendor_id


def public_certifications_of_products(
    products: Sequence[Product],
) -> dict[int, list[Certification]]:
    """Public certificates of each product (its own and its booth's), in one query for all.

    Ordered by kind, then most stars, then latest issue.
    """
    if not products:
        return {}
    product_ids = {product.pk for product in products}
    vendor_ids = {product.vendor_id for product in products}
    found = list(
        public_certifications()
        .filter(Q(product_id__in=product_ids) | Q(product__isnull=True, vendor_id__in=vendor_ids))
        .order_by("kind", "-stars", "-issued_at", "pk")
    )
    return {product.pk: [cert for cert in found if _covers(cert, product)] for product in products}


def public_certifications_of_booths(booths: Iterable) -> dict[int, list[Certification]]:
    """Public certificates of each booth: for its production and for each of its products."""
    booth_ids = {booth.pk for booth in booths}
    by_booth: dict[int, list[Certification]] = {pk: [] for pk in booth_ids}
    if booth_ids:
        for cert in (
            public_certifications()
            .filter(vendor_id__in=booth_ids)
            .order_by("kind", "-stars", "-issued_at", "pk")
        ):
            by_booth[cert.vendor_id].append(cert)
    return by_booth


def with_certifications(
    products: QuerySet[Product],
    *,
    kinds: Iterable[str] | None = None,
    ocop_stars: dict | None = None,
) -> QuerySet[Product]:
    """Products holding a public certificate of one of `kinds`, and, with `ocop_stars`
    ({gte, lte}), a public OCOP rating within that range."""
    kinds = list(kinds or [])
    if kinds:
        products = products.filter(_holds(public_certifications().filter(kind__in=kinds)))
    if ocop_stars and (ocop_stars.get("gte") is not None or ocop_stars.get("lte") is not None):
        rated = public_certifications().filter(kind=CertificationKind.OCOP)
        if ocop_stars.get("gte") is not None:
            rated = rated.filter(stars__gte=ocop_stars["gte"])
        if ocop_stars.get("lte") is not None:
            rated = rated.filter(stars__lte=ocop_stars["lte"])
        products = products.filter(_holds(rated))
    return products


def _holds(certifications: QuerySet[Certification]) -> Q:
    """A product holds a certificate of its own, or one of its booth covering all products."""
    own = certifications.filter(product=OuterRef("pk"))
    booth_wide = certifications.filter(product__isnull=True, vendor=OuterRef("vendor_id"))
    return Q(Exists(own)) | Q(Exists(booth_wide))


def certificate_search_text(certification: Certification) -> str:
    """The folded words that find a certificate's products: kind, stars, code."""
    words = [KIND_SEARCH_WORDS[certification.kind]]
    if certification.kind == CertificationKind.OCOP and certification.stars:
        words.append(f"{certification.stars} sao {certification.stars} stars")
    words.append(certification.code)
    folded = fold_vietnamese(" ".join(words))
    return f" {folded} " if folded else ""


def products_with_certificate_term(term: str) -> Q:
    """Products holding, right now, a public certificate one of whose words begins with `term`
    (already folded). Search asks this live rather than storing certificate words with the
    product, so an expired or revoked certificate stops finding products at once."""
    matching = public_certifications().filter(search_text__contains=f" {term}")
    # Not correlated with the product row: the database computes each list once per query.
    return Q(pk__in=matching.filter(product__isnull=False).values("product_id")) | Q(
        vendor_id__in=matching.filter(product__isnull=True).values("vendor_id")
    )


def products_covered_by(certification: Certification) -> QuerySet[Product]:
    """The products whose badges (and search texts) depend on `certification`."""
    if certification.product_id is not None:
        return Product.objects.filter(pk=certification.product_id)
    return Product.objects.filter(vendor_id=certification.vendor_id)


def certifications_visible_to(user) -> QuerySet[Certification]:
    """Every certificate for staff verifying them; a booth's own for its members; none else."""
    if can(user, Action.CERTIFICATE_VERIFY):
        return Certification.objects.all()
    return Certification.objects.filter(vendor_id__in=booths_of(user, Action.CERTIFICATE_SUBMIT))


def search_certifications(
    certifications: QuerySet[Certification], text: str
) -> QuerySet[Certification]:
    """Certificates whose code, issuer or booth name contain every word of `text`."""
    for term in search_terms(text):
        certifications = certifications.filter(
            Q(code__icontains=term)
            | Q(issuer__icontains=term)
            | Q(vendor__search_text__contains=f" {term}")
        )
    return certifications


def expiring_between(start: datetime, end: datetime) -> QuerySet[Certification]:
    """Verified certificates that expire after `start` and no later than `end`."""
    return Certification.objects.filter(
        status=CertificationStatus.VERIFIED, expires_at__gt=start, expires_at__lte=end
    ).select_related("vendor", "product")
