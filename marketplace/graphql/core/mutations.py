"""Saleor's declarative mutations: each declares its error type and who may run it in `Meta`;
domain errors become `errors { field message code }` in the payload, never a 500."""

import graphene
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from graphene.types.mutation import MutationOptions
from graphql import GraphQLError

from marketplace.core.errors import DomainError


class CommonErrorCode(graphene.Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    PERMISSION_DENIED = "PERMISSION_DENIED"


def error_type(name: str, code_enum: type[graphene.Enum], description: str = "") -> type:
    """An `errors` item type (`field`, `message`, `code`) with its domain's code enum."""
    return type(
        name,
        (graphene.ObjectType,),
        {
            "field": graphene.String(
                description="Name of a field that caused the error. A value of `null` indicates "
                "that the error isn't associated with a particular field."
            ),
            "message": graphene.String(description="The error message."),
            "code": graphene.Field(code_enum, required=True, description="The error code."),
            "Meta": type("Meta", (), {"description": description or f"{name} item."}),
        },
    )


class BaseMutationOptions(MutationOptions):
    error_type = None
    login_required = False


class BaseMutation(graphene.Mutation):
    """Subclasses set `Meta.error_type` and implement `perform_mutation(root, info, **data)`.

    Permission is decided by the service the mutation calls (through the one authorization
    module); `Meta.login_required` only turns an anonymous call into a clear error early.
    """

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(
        cls, error_type=None, login_required=False, _meta=None, **options
    ):
        if not error_type:
            raise TypeError(f"{cls.__name__} needs Meta.error_type")
        _meta = _meta or BaseMutationOptions(cls)
        _meta.error_type = error_type
        _meta.login_required = login_required
        _meta.fields = {
            "errors": graphene.Field(
                graphene.NonNull(graphene.List(graphene.NonNull(error_type))),
                description="Errors of the mutation; empty when it succeeded.",
            )
        }
        super().__init_subclass_with_meta__(_meta=_meta, **options)

    @classmethod
    def mutate(cls, root, info, **data):
        user = getattr(info.context, "user", None)
        if cls._meta.login_required and not (user and user.is_authenticated):
            return cls.failure(
                None, _("You need to sign in to do this."), CommonErrorCode.PERMISSION_DENIED
            )
        try:
            result = cls.perform_mutation(root, info, **data)
        except DomainError as error:
            return cls.failure(error.field, error.message, error.code)
        except PermissionDenied as error:
            message = str(error) or _("You do not have permission to do this.")
            return cls.failure(None, message, CommonErrorCode.PERMISSION_DENIED)
        except DjangoValidationError as error:
            return cls.from_validation_error(error)
        except GraphQLError:
            raise
        if result.errors is None:
            result.errors = []
        return result

    @classmethod
    def perform_mutation(cls, root, info, **data):
        raise NotImplementedError

    @classmethod
    def failure(cls, field, message, code):
        code_value = getattr(code, "value", code)
        return cls(errors=[cls._meta.error_type(field=field, message=message, code=code_value)])

    @classmethod
    def from_validation_error(cls, error: DjangoValidationError):
        errors = []
        for field, messages in (
            error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
        ):
            for message in messages:
                errors.append(
                    cls._meta.error_type(
                        field=None if field == "__all__" else _camel(field),
                        message=message,
                        code=CommonErrorCode.INVALID.value,
                    )
                )
        return cls(errors=errors)


def _camel(name: str | None) -> str | None:
    if not name:
        return name
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
