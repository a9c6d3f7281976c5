"""Booths in the API, called vendors as in marketplace APIs: the public face (group name, kind,
province, story of the group) and, for the booth's managers and staff, the private part."""

import graphene
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from graphql import GraphQLError

from marketplace.catalog.graphql.types import (
    ProductCountableConnection,
    channel_or_error,
    image_args,
    image_url,
    product_connection_args,
    resolve_product_connection,
)
from marketplace.certifications.graphql.types import vendor_certifications_field
from marketplace.core.errors import DomainError
from marketplace.core.permissions import Action, can
from marketplace.graphql.core.batching import batch_deferred, tag_batch
from marketplace.graphql.core.connection import CountableConnection, connection_args, paginate
from marketplace.graphql.core.ids import resolve_global_id
from marketplace.graphql.core.mutations import BaseMutation, error_type
from marketplace.graphql.core.scalars import Upload
from marketplace.graphql.core.translations import (
    find_translation,
    resolve_language,
    translation_field,
)
from marketplace.graphql.core.types import Image, LanguageDisplay, ModelObjectType
from marketplace.privacy.graphql import ProducerProfile, resolve_public_profiles
from vendors import models, selectors, services

VendorErrorCode = graphene.Enum.from_enum(services.VendorErrorCode)
VendorError = error_type("VendorError", VendorErrorCode)
VendorKindEnum = graphene.Enum(
    "VendorKindEnum", [(kind.name, kind.value) for kind in models.BoothKind]
)
VendorStatusEnum = graphene.Enum(
    "VendorStatusEnum", [(status.name, status.value) for status in models.BoothStatus]
)
VendorRoleEnum = graphene.Enum("VendorRoleEnum", [(r.name, r.value) for r in models.BoothRole])


def _value(enum_or_value):
    return getattr(enum_or_value, "value", enum_or_value)


class VendorTranslation(ModelObjectType):
    language = graphene.Field(LanguageDisplay, required=True, resolver=resolve_language)
    description = graphene.String(description="Translated description of the group.")

    class Meta:
        model = models.BoothTranslation
        interfaces = (graphene.relay.Node,)


class VendorStatusChange(ModelObjectType):
    from_status = graphene.Field(VendorStatusEnum, required=True)
    to_status = graphene.Field(VendorStatusEnum, required=True)
    reason = graphene.String(required=True)
    created_at = graphene.DateTime(required=True)

    class Meta:
        model = models.BoothStatusChange
        interfaces = (graphene.relay.Node,)


class VendorMember(ModelObjectType):
    email = graphene.String(required=True, description="Sign-in email of the member.")
    role = graphene.Field(VendorRoleEnum, required=True)

    class Meta:
        model = models.BoothMember
        interfaces = (graphene.relay.Node,)
        description = "A person who helps run the booth (visible to the booth's owners and staff)."

    @staticmethod
    def resolve_email(root, info):
        return root.user.email


class VendorPrivateInfo(graphene.ObjectType):
    """What only the booth's owners and managers, and staff, may read."""

    status = graphene.Field(VendorStatusEnum, required=True)
    commission_rate = graphene.Float(required=True, description="Platform commission, percent.")
    bank_account = graphene.String(description="Bank account for payouts.")
    contact_email = graphene.String()
    contact_phone = graphene.String()
    status_history = graphene.NonNull(graphene.List(graphene.NonNull(VendorStatusChange)))
    members = graphene.NonNull(graphene.List(graphene.NonNull(VendorMember)))

    @staticmethod
    def resolve_commission_rate(root, info):
        return float(root.commission_rate)

    @staticmethod
    def resolve_status_history(root, info):
        return list(root.status_changes.all())

    @staticmethod
    def resolve_members(root, info):
        if not can(info.context.user, Action.BOOTH_MEMBERS_MANAGE, root):
            return []
        return list(root.memberships.select_related("user").order_by("pk"))


class Vendor(ModelObjectType):
    name = graphene.String(
        required=True, description="Name of the livelihood group or cooperative."
    )
    slug = graphene.String(required=True, description="Slug of the booth.")
    kind = graphene.Field(VendorKindEnum, required=True, description="What kind of group it is.")
    description = graphene.String(description="About the group, in Vietnamese.")
    translation = translation_field(VendorTranslation)
    logo = graphene.Field(Image, **image_args(), description="The group's logo.")
    province = graphene.String(required=True, description="Province where the group works.")
    province_code = graphene.String(required=True, description="Province code, e.g. gia_lai.")
    founding_year = graphene.Int(description="Year the group was founded.")
    member_count = graphene.Int(description="Number of members of the group.")
    is_open = graphene.Boolean(required=True, description="Whether the booth sells now.")
    products = graphene.Field(
        ProductCountableConnection,
        **product_connection_args(),
        description="The booth's products visible in the channel.",
    )
    producer_profiles = graphene.NonNull(
        graphene.List(graphene.NonNull(ProducerProfile)),
        description="The group's producers, anonymised: a pseudonym, province and craft; her "
        "story and photo only while she consents. Never any part of her identity.",
    )
    private_info = graphene.Field(
        VendorPrivateInfo,
        description="Status, commission, payout and contact details: for the booth's owners "
        "and managers and for staff only (null for anyone else).",
    )
    certifications = vendor_certifications_field()

    class Meta:
        model = models.Booth
        interfaces = (graphene.relay.Node,)
        description = "A booth: a livelihood group, cooperative or women-owned enterprise."

    @staticmethod
    def resolve_province(root, info):
        return root.province_name

    @staticmethod
    def resolve_description(root, info):
        return batch_deferred(root, "description")

    @staticmethod
    def resolve_province_code(root, info):
        return root.province

    @staticmethod
    def resolve_translation(root, info, language_code):
        return find_translation(root, language_code)

    @staticmethod
    def resolve_logo(root, info, size=None, format=None):
        url = image_url(root, root.logo, size, format, info)
        return Image(url=url, alt=root.name) if url else None

    @staticmethod
    def resolve_products(root, info, channel=None, **kwargs):
        return resolve_product_connection(
            info,
            channel=channel_or_error(channel),
            narrow=lambda products: products.filter(vendor=root),
            **kwargs,
        )

    @staticmethod
    def resolve_producer_profiles(root, info):
        return resolve_public_profiles(root, info)

    @staticmethod
    def resolve_private_info(root, info):
        return root if can(info.context.user, Action.BOOTH_VIEW_PRIVATE, root) else None


class VendorCountableConnection(CountableConnection):
    class Meta:
        node = Vendor
        strict_types = True


class VendorFilterInput(graphene.InputObjectType):
    search = graphene.String(description="Words of the name or description; diacritics optional.")
    provinces = graphene.List(graphene.NonNull(graphene.String), description="Province codes.")
    kinds = graphene.List(graphene.NonNull(VendorKindEnum))
    statuses = graphene.List(
        graphene.NonNull(VendorStatusEnum),
        description="Staff only: booths in these states (the public sees open booths).",
    )


class VendorQueries(graphene.ObjectType):
    vendor = graphene.Field(
        Vendor,
        slug=graphene.String(),
        id=graphene.ID(),
        description="Look up a booth by slug or ID. Booths that are not open are visible only "
        "to their members and to staff.",
    )
    vendors = graphene.Field(
        VendorCountableConnection,
        filter=VendorFilterInput(),
        **connection_args(),
        description="List of open booths.",
    )
    my_vendors = graphene.List(
        graphene.NonNull(Vendor), description="The booths the signed-in user belongs to."
    )

    @staticmethod
    def resolve_vendor(root, info, slug=None, id=None):
        if bool(slug) == bool(id):
            raise GraphQLError("Provide exactly one of `id` or `slug` to get a vendor.")
        booths = selectors.booths_visible_to(info.context.user)
        booth = (
            booths.filter(pk=resolve_global_id(id, "Vendor")) if id else booths.filter(slug=slug)
        ).first()
        return tag_batch([booth])[0] if booth else None

    @staticmethod
    def resolve_vendors(root, info, filter=None, **page):
        user = info.context.user
        spec = filter or {}
        if spec.get("statuses"):
            if not can(user, Action.BOOTH_CHANGE_STATUS):
                raise GraphQLError(_("Only staff managing booths can list booths by status."))
            booths = selectors.booths_visible_to(user).filter(
                status__in=[_value(s) for s in spec["statuses"]]
            )
        else:
            booths = selectors.open_booths()
        if spec.get("provinces"):
            booths = booths.filter(province__in=spec["provinces"])
        if spec.get("kinds"):
            booths = booths.filter(kind__in=[_value(k) for k in spec["kinds"]])
        if spec.get("search"):
            booths = selectors.search_booths(booths, spec["search"])
        return paginate(booths.order_by("name", "pk"), VendorCountableConnection, info, **page)

    @staticmethod
    def resolve_my_vendors(root, info):
        return tag_batch(list(selectors.member_booths(info.context.user).order_by("name")))


class VendorInput(graphene.InputObjectType):
    name = graphene.String()
    kind = VendorKindEnum()
    description = graphene.String()
    description_en = graphene.String()
    province = graphene.String(description="Province code, e.g. gia_lai.")
    founding_year = graphene.Int()
    member_count = graphene.Int()
    bank_account = graphene.String()
    contact_email = graphene.String()
    contact_phone = graphene.String()
    logo = Upload(description="Logo image; metadata is removed.")


class VendorCreateInput(VendorInput):
    slug = graphene.String()
    commission_rate = graphene.Float()


def _booth_fields(data) -> dict:
    fields = {key: _value(value) for key, value in data.items() if key != "logo"}
    if "commission_rate" in fields and fields["commission_rate"] is not None:
        from decimal import Decimal

        fields["commission_rate"] = Decimal(str(fields["commission_rate"]))
    return fields


def _booth(global_id: str, user, action: Action) -> models.Booth:
    """The booth named by `global_id`, if the user may see it; else a NOT_FOUND error that does
    not tell whether it exists."""
    booth = models.Booth.objects.filter(pk=resolve_global_id(global_id, "Vendor")).first()
    if booth is None or not (
        can(user, action, booth) or selectors.booths_visible_to(user).filter(pk=booth.pk).exists()
    ):
        raise DomainError(
            _("Booth not found."), code=services.VendorErrorCode.NOT_FOUND, field="id"
        )
    return booth


class VendorCreate(BaseMutation):
    vendor = graphene.Field(Vendor)

    class Arguments:
        input = VendorCreateInput(required=True)

    class Meta:
        error_type = VendorError
        login_required = True
        description = "Register a booth (staff with MANAGE_VENDORS). It starts as applied."

    @classmethod
    def perform_mutation(cls, root, info, input):
        fields = _booth_fields(input)
        booth = services.create_booth(
            actor=info.context.user,
            name=fields.pop("name", "") or "",
            province=fields.pop("province", "") or "",
            **fields,
        )
        return cls(vendor=booth)


class VendorUpdate(BaseMutation):
    vendor = graphene.Field(Vendor)

    class Arguments:
        id = graphene.ID(required=True)
        input = VendorInput(required=True)

    class Meta:
        error_type = VendorError
        login_required = True
        description = "Edit a booth's profile (its owners and managers, or staff)."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        user = info.context.user
        booth = _booth(id, user, Action.BOOTH_UPDATE)
        logo = input.get("logo")
        booth = services.update_booth(
            actor=user,
            booth=booth,
            logo=logo.read() if logo is not None else None,
            **_booth_fields(input),
        )
        return cls(vendor=booth)


def _status_mutation(name: str, to_status: str, description: str) -> type:
    class Arguments:
        id = graphene.ID(required=True)
        reason = graphene.String(required=True, description="Why; kept in the booth's history.")

    def perform_mutation(cls, root, info, id, reason):
        user = info.context.user
        booth = _booth(id, user, Action.BOOTH_CHANGE_STATUS)
        booth = services.change_booth_status(
            actor=user, booth=booth, to_status=to_status, reason=reason
        )
        return cls(vendor=booth)

    meta = type(
        "Meta",
        (),
        {"error_type": VendorError, "login_required": True, "description": description},
    )
    return type(
        name,
        (BaseMutation,),
        {
            "vendor": graphene.Field(Vendor),
            "Arguments": Arguments,
            "Meta": meta,
            "perform_mutation": classmethod(perform_mutation),
        },
    )


VendorApprove = _status_mutation(
    "VendorApprove", models.BoothStatus.APPROVED, "Open an applied booth, or reinstate one."
)
VendorSuspend = _status_mutation(
    "VendorSuspend", models.BoothStatus.SUSPENDED, "Suspend a booth: its products hide at once."
)
VendorClose = _status_mutation("VendorClose", models.BoothStatus.CLOSED, "Close a booth for good.")


class VendorMemberInvite(BaseMutation):
    invitation_sent = graphene.Boolean()

    class Arguments:
        vendor = graphene.ID(required=True)
        email = graphene.String(required=True)
        role = VendorRoleEnum(required=True)

    class Meta:
        error_type = VendorError
        login_required = True
        description = "Invite someone by email to help run the booth (owners, or staff)."

    @classmethod
    def perform_mutation(cls, root, info, vendor, email, role):
        user = info.context.user
        booth = _booth(vendor, user, Action.BOOTH_MEMBERS_MANAGE)
        services.invite_member(actor=user, booth=booth, email=email, role=_value(role))
        return cls(invitation_sent=True)


class VendorInvitationAccept(BaseMutation):
    vendor = graphene.Field(Vendor)

    class Arguments:
        token = graphene.String(required=True)

    class Meta:
        error_type = VendorError
        login_required = True
        description = "Join a booth with the code from an invitation email."

    @classmethod
    def perform_mutation(cls, root, info, token):
        member = services.accept_invitation(actor=info.context.user, token=token)
        return cls(vendor=member.booth)


def _member(global_id: str, user) -> models.BoothMember:
    member = (
        models.BoothMember.objects.select_related("booth", "user")
        .filter(pk=resolve_global_id(global_id, "VendorMember"))
        .first()
    )
    if member is None or not can(user, Action.BOOTH_MEMBERS_MANAGE, member.booth):
        raise DomainError(
            _("Member not found."), code=services.VendorErrorCode.NOT_FOUND, field="id"
        )
    return member


class VendorMemberUpdate(BaseMutation):
    member = graphene.Field(VendorMember)

    class Arguments:
        id = graphene.ID(required=True)
        role = VendorRoleEnum(required=True)

    class Meta:
        error_type = VendorError
        login_required = True
        description = "Change a member's role (owners, or staff)."

    @classmethod
    def perform_mutation(cls, root, info, id, role):
        user = info.context.user
        member = services.change_member_role(
            actor=user, member=_member(id, user), role=_value(role)
        )
        return cls(member=member)


class VendorMemberRemove(BaseMutation):
    vendor = graphene.Field(Vendor)

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        error_type = VendorError
        login_required = True
        description = "Remove a member from the booth (owners, or staff)."

    @classmethod
    def perform_mutation(cls, root, info, id):
        user = info.context.user
        member = _member(id, user)
        booth = member.booth
        services.remove_member(actor=user, member=member)
        return cls(vendor=booth)


class VendorMemberAdd(BaseMutation):
    member = graphene.Field(VendorMember)

    class Arguments:
        vendor = graphene.ID(required=True)
        email = graphene.String(required=True, description="Email of an existing account.")
        role = VendorRoleEnum(required=True)

    class Meta:
        error_type = VendorError
        login_required = True
        description = "Attach an existing account to a booth (staff with MANAGE_VENDORS)."

    @classmethod
    def perform_mutation(cls, root, info, vendor, email, role):
        user = info.context.user
        booth = _booth(vendor, user, Action.BOOTH_CREATE)
        account = get_user_model().objects.filter(email=email.strip().lower()).first()
        if account is None:
            raise DomainError(
                _("No account uses this email address."),
                code=services.VendorErrorCode.NOT_FOUND,
                field="email",
            )
        member = services.add_member(actor=user, booth=booth, user=account, role=_value(role))
        return cls(member=member)


class VendorMutations(graphene.ObjectType):
    vendor_create = VendorCreate.Field()
    vendor_update = VendorUpdate.Field()
    vendor_approve = VendorApprove.Field()
    vendor_suspend = VendorSuspend.Field()
    vendor_close = VendorClose.Field()
    vendor_member_invite = VendorMemberInvite.Field()
    vendor_invitation_accept = VendorInvitationAccept.Field()
    vendor_member_update = VendorMemberUpdate.Field()
    vendor_member_remove = VendorMemberRemove.Field()
    vendor_member_add = VendorMemberAdd.Field()
