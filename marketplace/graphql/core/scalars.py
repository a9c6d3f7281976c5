"""The `Upload` scalar of the GraphQL multipart request spec: a file sent beside the query."""

import graphene


class Upload(graphene.types.Scalar):
    """A file uploaded with the request (multipart/form-data)."""

    @staticmethod
    def serialize(value):
        return value

    @staticmethod
    def parse_literal(node, _variables=None):
        return node

    @staticmethod
    def parse_value(value):
        return value
