"""Producer profiles in the API: the public, anonymised `ProducerProfile`; consents and profile
edits for the booth's owners and managers; identity, erasure and the access log for staff with
VIEW_PRODUCER_IDENTITY.

`ProducerIdentity` is reachable only through the staff-only `producerIdentity` query, which needs a
reason and writes the access log; it is not a Relay node, so no `node(id)` lookup can reach it.
"""

import graphene
from django.urls import reverse
from django.utils.translation import gettext as _

from marketplace.core.errors import DomainError
from marketplace.core.ids import to_global_id
from marketplace.core.urls import absolute_uri
from marketplace.graphql.core.batching import batch_related
from marketplace.graphql.core.connection import CountableConnection, connection_args, paginate
from marketplace.graphql.core.ids import resolve_global_id
from marketplace.graphql.core.mutations import BaseMutation, error_type
from marketplace.graphql.core.scalars import Upload
from marketplace.graphql.core.types import Image, ModelObjectType
from marketplace.privacy import models, selectors, services
from vendors.models import Booth

ProducerErrorCode = graphene.Enum.from_enum(services.ProducerErrorCode)
ProducerError = error_type("ProducerError", ProducerErrorCode)
ProducerConsentScopeEnum = graphene.Enum(
    "ProducerConsentScopeEnum", [(scope.name, scope.value) for scope in models.ConsentScope]
)
ProducerAccessActionEnum = graphene.Enum(
    "ProducerAccessActionEnum", [(action.name, action.value) for action in models.AccessAction]
)


def _value(enum_or_value):
    return getattr(enum_or_value, "value", enum_or_value)


class ProducerProfile(ModelObjectType):
    pseudonym = graphene.String(
        required=True,
        description='The name she chose to be known by; "Thành viên cũ" / "Former member" (in the '
        "request's language) once her data has been erased.",
    )
    province = graphene.String(
        required=True, description="Province where she works: the name only, never a finer place."
    )
    craft = graphene.String(required=True, description="What she makes, e.g. brocade weaving.")
    story = graphene.String(
        description="Her story in Vietnamese; null unless her consent to publish it is in force."
    )
    story_en = graphene.String(
        description="Her story in English; null unless her consent to publish it is in force."
    )
    photo = graphene.Field(
        Image,
        description="Her photo (re-encoded without any metadata); null unless her consent to "
        "publish it is in force.",
    )

    class Meta:
        model = models.ProducerProfile
        interfaces = (graphene.relay.Node,)
        description = (
            "The anonymised public profile of a producer: pseudonym, province and craft, and her "
            "story and photo only while she consents. Never any part of her identity."
        )

    @staticmethod
    def resolve_pseudonym(root, info):
        return root.display_name

    @staticmethod
    def resolve_province(root, info):
        return root.province_name

    @staticmethod
    def resolve_story(root, info):
        return selectors.public_story(root)

    @staticmethod
    def resolve_story_en(root, info):
        return selectors.public_story(root, english=True)

    @staticmethod
    def resolve_photo(root, info):
        photo = selectors.public_photo(root)
        if photo is None:
            return None
        path = reverse(
            "producer-photo", kwargs={"profile_id": to_global_id("ProducerProfile", root.pk)}
        )
        return Image(url=absolute_uri(info.context, path), alt=root.display_name)


def resolve_public_profiles(vendor, info) -> list[models.ProducerProfile]:
    """The public profiles of `vendor`'s producers (erased ones left out), loaded for the whole
    list of vendors at once; for `Vendor.producerProfiles`."""
    return batch_related(
        vendor,
        "producer_profiles",
        queryset=selectors.public_profiles(),
        to_attr="public_producer_profiles",
    )


class ProducerConsent(ModelObjectType):
    scope = graphene.Field(ProducerConsentScopeEnum, required=True)
    granted_at = graphene.DateTime(required=True)
    expires_at = graphene.DateTime(description="When the consent ends by itself; null: never.")
    revoked_at = graphene.DateTime(description="When the consent was withdrawn.")
    is_active = graphene.Boolean(required=True, description="Whether the consent is in force now.")

    class Meta:
        model = models.ProducerConsent
        interfaces = (graphene.relay.Node,)
        description = "A producer's recorded consent to publish her story or her photo."

    @staticmethod
    def resolve_is_active(root, info):
        return root.is_active()


class ProducerIdentity(graphene.ObjectType):
    legal_name = graphene.String(required=True, description="Name on her identity card.")
    phone = graphene.String(required=True, description="Her phone number.")
    national_id_number = graphene.String(
        required=True, description="CMND (9 digits) or CCCD (12 digits) number."
    )
    date_of_birth = graphene.Date(description="Her date of birth.")
    home_address = graphene.String(required=True, description="Where she lives.")
    updated_at = graphene.DateTime(required=True, description="When it was last changed.")

    class Meta:
        description = (
            "Who a producer is. Only staff with VIEW_PRODUCER_IDENTITY can read it, through "
            "`producerIdentity`, and every read is logged."
        )


class ProducerAccessLogEntry(ModelObjectType):
    action = graphene.Field(ProducerAccessActionEnum, required=True)
    reason = graphene.String(required=True, description="Why, as the staff member wrote it.")
    created_at = graphene.DateTime(required=True)
    staff_email = graphene.String(required=True, description="Who read or changed the identity.")
    producer = graphene.Field(ProducerProfile, required=True)

    class Meta:
        model = models.AccessLogEntry
        interfaces = (graphene.relay.Node,)
        description = "One read or change of a producer's identity."

    @staticmethod
    def resolve_staff_email(root, info):
        return root.actor_email


class ProducerAccessLogEntryCountableConnection(CountableConnection):
    class Meta:
        node = ProducerAccessLogEntry
        strict_types = True


def _producer(global_id: str) -> models.ProducerProfile:
    return selectors.get_profile(resolve_global_id(global_id, "ProducerProfile"))


class PrivacyQueries(graphene.ObjectType):
    producer_identity = graphene.Field(
        ProducerIdentity,
        producer=graphene.ID(required=True, description="ID of the producer's profile."),
        reason=graphene.String(
            required=True, description="Why you need it; kept in the access log."
        ),
        description="A producer's identity, for staff with VIEW_PRODUCER_IDENTITY only. Every "
        "read is written to the access log with its reason; null when none was recorded.",
    )
    producer_access_log = graphene.Field(
        ProducerAccessLogEntryCountableConnection,
        producer=graphene.ID(description="Only the entries about this producer."),
        **connection_args(),
        description="Reads and changes of producers' identities, newest first (staff with "
        "VIEW_PRODUCER_IDENTITY only).",
    )

    @staticmethod
    def resolve_producer_identity(root, info, producer, reason):
        return services.reveal_identity(
            actor=info.context.user, profile=_producer(producer), reason=reason
        )

    @staticmethod
    def resolve_producer_access_log(root, info, producer=None, **page):
        entries = selectors.access_log(
            actor=info.context.user, producer=_producer(producer) if producer else None
        )
        return paginate(entries, ProducerAccessLogEntryCountableConnection, info, **page)


# --- Mutations ---------------------------------------------------------------------------------


class ProducerProfileInput(graphene.InputObjectType):
    pseudonym = graphene.String(description="A name that does not identify her.")
    province = graphene.String(description="Province code, e.g. gia_lai (default: the booth's).")
    craft = graphene.String(description="What she makes.")
    story = graphene.String(description="Her story in Vietnamese (public only with consent).")
    story_en = graphene.String(description="Her story in English (public only with consent).")
    photo = Upload(description="Her photo; every metadata (EXIF, GPS, XMP, ICC) is removed.")


def _profile_fields(input) -> dict:
    fields = {key: input.get(key) for key in ("pseudonym", "province", "craft", "story")}
    fields["story_en"] = input.get("story_en")
    photo = input.get("photo")
    if photo is not None and not hasattr(photo, "read"):
        raise DomainError(
            _("Send the photo as a file upload."),
            code=services.ProducerErrorCode.INVALID,
            field="photo",
        )
    fields["photo"] = photo
    return fields


class ProducerProfileCreate(BaseMutation):
    producer = graphene.Field(ProducerProfile)

    class Arguments:
        vendor = graphene.ID(required=True, description="ID of the booth.")
        input = ProducerProfileInput(required=True)

    class Meta:
        error_type = ProducerError
        login_required = True
        description = (
            "Add a producer's public profile to a booth (its owners and managers, or "
            "staff managing booths). Story and photo stay hidden until she consents."
        )

    @classmethod
    def perform_mutation(cls, root, info, vendor, input):
        booth = Booth.objects.filter(pk=resolve_global_id(vendor, "Vendor")).first()
        if booth is None:
            raise DomainError(
                _("Booth not found."), code=services.ProducerErrorCode.NOT_FOUND, field="vendor"
            )
        fields = _profile_fields(input)
        profile = services.create_profile(
            actor=info.context.user,
            booth=booth,
            pseudonym=fields.pop("pseudonym") or "",
            craft=fields.pop("craft") or "",
            province=fields.pop("province"),
            story=fields.pop("story") or "",
            story_en=fields.pop("story_en") or "",
            photo=fields.pop("photo"),
        )
        return cls(producer=profile)


class ProducerProfileUpdate(BaseMutation):
    producer = graphene.Field(ProducerProfile)

    class Arguments:
        id = graphene.ID(required=True, description="ID of the producer's profile.")
        input = ProducerProfileInput(required=True)

    class Meta:
        error_type = ProducerError
        login_required = True
        description = "Edit a producer's public profile (fields left out stay as they are)."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        profile = services.update_profile(
            actor=info.context.user, profile=_producer(id), **_profile_fields(input)
        )
        return cls(producer=profile)


class ProducerConsentInput(graphene.InputObjectType):
    scope = ProducerConsentScopeEnum(required=True, description="What she agrees to publish.")
    expires_at = graphene.DateTime(description="When the consent ends by itself.")
    note = graphene.String(description="How consent was recorded; never public.")


class ProducerConsentGrant(BaseMutation):
    consent = graphene.Field(ProducerConsent)
    producer = graphene.Field(ProducerProfile)

    class Arguments:
        producer = graphene.ID(required=True, description="ID of the producer's profile.")
        input = ProducerConsentInput(required=True)

    class Meta:
        error_type = ProducerError
        login_required = True
        description = (
            "Record a producer's consent to publish her story or photo (the booth's "
            "owners and managers, or staff managing booths)."
        )

    @classmethod
    def perform_mutation(cls, root, info, producer, input):
        consent = services.grant_consent(
            actor=info.context.user,
            profile=_producer(producer),
            scope=_value(input["scope"]),
            expires_at=input.get("expires_at"),
            note=input.get("note") or "",
        )
        return cls(consent=consent, producer=consent.producer)


class ProducerConsentRevoke(BaseMutation):
    consents = graphene.List(
        graphene.NonNull(ProducerConsent), description="The consents now withdrawn."
    )
    producer = graphene.Field(ProducerProfile)

    class Arguments:
        id = graphene.ID(description="ID of one consent to withdraw.")
        producer = graphene.ID(description="ID of a producer whose consents to withdraw.")
        scope = ProducerConsentScopeEnum(
            description="With `producer`: withdraw only consents of this scope."
        )

    class Meta:
        error_type = ProducerError
        login_required = True
        description = (
            "Withdraw consent: one by `id`, or a producer's (of one `scope`, or all). "
            "What it covered is hidden at once."
        )

    @classmethod
    def perform_mutation(cls, root, info, id=None, producer=None, scope=None):
        user = info.context.user
        if bool(id) == bool(producer):
            raise DomainError(
                _("Give either a consent `id` or a `producer`."),
                code=services.ProducerErrorCode.INVALID,
                field="id",
            )
        if id:
            consent = selectors.get_consent(resolve_global_id(id, "ProducerConsent"))
            consent = services.revoke_consent(actor=user, consent=consent)
            return cls(consents=[consent], producer=consent.producer)
        profile = _producer(producer)
        consents = services.revoke_consents(
            actor=user, profile=profile, scope=_value(scope) if scope else None
        )
        return cls(consents=consents, producer=profile)


class ProducerIdentityInput(graphene.InputObjectType):
    legal_name = graphene.String(description="Name on her identity card.")
    phone = graphene.String(description="Phone number, 8 to 15 digits.")
    national_id_number = graphene.String(description="CMND (9 digits) or CCCD (12 digits).")
    date_of_birth = graphene.String(description="YYYY-MM-DD.")
    home_address = graphene.String(description="Where she lives.")


class ProducerIdentityUpdate(BaseMutation):
    producer = graphene.Field(ProducerProfile)

    class Arguments:
        producer = graphene.ID(required=True, description="ID of the producer's profile.")
        input = ProducerIdentityInput(required=True)

    class Meta:
        error_type = ProducerError
        login_required = True
        description = (
            "Record who a producer is (staff with VIEW_PRODUCER_IDENTITY). Stored "
            "encrypted; fields left out stay as they are, an empty string clears one. The identity "
            "is not returned: read it with `producerIdentity`."
        )

    @classmethod
    def perform_mutation(cls, root, info, producer, input):
        profile = _producer(producer)
        services.update_identity(actor=info.context.user, profile=profile, **dict(input))
        return cls(producer=profile)


class ProducerErase(BaseMutation):
    producer = graphene.Field(ProducerProfile)

    class Arguments:
        producer = graphene.ID(required=True, description="ID of the producer's profile.")
        reason = graphene.String(description="Kept in the access log.")

    class Meta:
        error_type = ProducerError
        login_required = True
        description = (
            "Erase a producer at her request (staff with VIEW_PRODUCER_IDENTITY): her identity, "
            'story and photo are deleted; she is shown as "former member" and every ledger and '
            "order amount stays."
        )

    @classmethod
    def perform_mutation(cls, root, info, producer, reason=None):
        profile = services.erase_producer(
            actor=info.context.user, profile=_producer(producer), reason=reason or ""
        )
        return cls(producer=profile)


class PrivacyMutations(graphene.ObjectType):
    producer_profile_create = ProducerProfileCreate.Field()
    producer_profile_update = ProducerProfileUpdate.Field()
    producer_consent_grant = ProducerConsentGrant.Field()
    producer_consent_revoke = ProducerConsentRevoke.Field()
    producer_identity_update = ProducerIdentityUpdate.Field()
    producer_erase = ProducerErase.Field()
