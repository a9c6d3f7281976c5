"""Relay global IDs as Saleor writes them: base64 of "Type:pk"."""

import binascii
from base64 import b64decode, b64encode


class InvalidGlobalId(ValueError):
    """A global ID that is malformed or names another type."""


def to_global_id(type_name: str, pk: int | str) -> str:
    return b64encode(f"{type_name}:{pk}".encode()).decode()


def parse_global_id(global_id: str) -> tuple[str, str]:
    """Split `global_id` into (type name, primary key)."""
    try:
        decoded = b64decode(global_id, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise InvalidGlobalId(f"Couldn't resolve id: {global_id}.") from error
    type_name, _, pk = decoded.partition(":")
    if not type_name or not pk:
        raise InvalidGlobalId(f"Couldn't resolve id: {global_id}.")
    return type_name, pk


def from_global_id(global_id: str, expected_type: str) -> int:
    """The integer primary key inside `global_id`, which must name `expected_type`."""
    type_name, pk = parse_global_id(global_id)
    if type_name != expected_type:
        raise InvalidGlobalId(f"Must receive a {expected_type} id.")
    if not pk.isdigit():
        raise InvalidGlobalId(f"Couldn't resolve id: {global_id}.")
    return int(pk)
