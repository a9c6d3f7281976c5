"""Saleor's `ObjectWithMetadata`: key-value metadata on objects, public and private.

A type implements it by adding `ObjectWithMetadata` to its interfaces and `MetadataResolvers`
to its bases; its model keeps the
values in `metadata` (public) and, if it has one, `private_metadata` (staff only, here never
shown: the marketplace stores nothing private there for storefronts).
"""

import graphene


class Metadata(graphene.Scalar):
    """Metadata is a map of key-value pairs, both keys and values are `String`."""

    @staticmethod
    def serialize(value):
        return dict(value or {})

    @staticmethod
    def parse_value(value):
        return value

    @staticmethod
    def parse_literal(node, _variables=None):
        return None


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


def _public(root) -> dict:
    return dict(getattr(root, "metadata", None) or {})


def _items(values: dict) -> list[MetadataItem]:
    return [MetadataItem(key=key, value=str(value)) for key, value in sorted(values.items())]


def _pick(values: dict, keys) -> dict:
    return values if keys is None else {key: values[key] for key in keys if key in values}


class ObjectWithMetadata(graphene.Interface):
    private_metadata = graphene.NonNull(
        graphene.List(graphene.NonNull(MetadataItem)),
        description="List of private metadata items. Requires staff permissions to access.",
    )
    private_metafield = graphene.String(
        key=graphene.String(required=True),
        description="A single key from private metadata. Requires staff permissions to access.",
    )
    private_metafields = graphene.Field(
        Metadata,
        keys=graphene.List(graphene.NonNull(graphene.String)),
        description="Private metadata. Requires staff permissions to access.",
    )
    metadata = graphene.NonNull(
        graphene.List(graphene.NonNull(MetadataItem)),
        description="List of public metadata items. Can be accessed without permissions.",
    )
    metafield = graphene.String(
        key=graphene.String(required=True),
        description="A single key from public metadata.",
    )
    metafields = graphene.Field(
        Metadata,
        keys=graphene.List(graphene.NonNull(graphene.String)),
        description="Public metadata. Use `keys` to control which fields you want to include.",
    )


class MetadataResolvers:
    """Mix into an object type implementing `ObjectWithMetadata` (graphene does not use an
    interface's resolvers)."""

    @staticmethod
    def resolve_private_metadata(root, info):
        return []

    @staticmethod
    def resolve_private_metafield(root, info, key):
        return None

    @staticmethod
    def resolve_private_metafields(root, info, keys=None):
        return {}

    @staticmethod
    def resolve_metadata(root, info):
        return _items(_public(root))

    @staticmethod
    def resolve_metafield(root, info, key):
        return _public(root).get(key)

    @staticmethod
    def resolve_metafields(root, info, keys=None):
        return _pick(_public(root), keys)
