"""The public face of a booth: group name, slug and province only."""

import graphene

from marketplace.graphql.core.types import ModelObjectType
from vendors import models


class Vendor(ModelObjectType):
    name = graphene.String(
        required=True, description="Name of the livelihood group or cooperative."
    )
    slug = graphene.String(required=True, description="Slug of the booth.")
    province = graphene.String(required=True, description="Province where the group works (name).")
    province_code = graphene.String(required=True, description="Province code name, e.g. gia_lai.")

    class Meta:
        model = models.Booth
        interfaces = (graphene.relay.Node,)
        description = "A booth: a livelihood group, cooperative or women-owned enterprise."

    @staticmethod
    def resolve_province(root, info):
        return root.province_name

    @staticmethod
    def resolve_province_code(root, info):
        return root.province
