"""The GraphQL endpoint: POST for clients, GraphiQL in a browser.

Parsed and validated documents are kept per query text, so a storefront sending the same queries
pays for parsing once. Unexpected errors are reported as "Internal Server Error" only: an exception
text could carry personal data, so neither the response nor the log repeats it.
"""

import json
import logging
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed
from django.middleware.csrf import CsrfViewMiddleware
from graphene_django.views import GraphQLView, HttpError
from graphql import ExecutionResult, GraphQLError, execute, get_operation_ast, parse, validate
from graphql.language import OperationType

from marketplace.core.errors import DomainError
from marketplace.graphql.core import cache as public_cache
from marketplace.graphql.core.validation import query_limit_errors

logger = logging.getLogger("marketplace.graphql")


def _signs_in_by_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES and not request.headers.get(
        "Authorization"
    )


def parse_multipart_request(request) -> dict:
    """Files uploaded by the GraphQL multipart request spec: `operations` holds the query with
    nulls where files go, `map` says which form file goes to which variable path."""
    try:
        operations = json.loads(request.POST.get("operations", ""))
        mapping = json.loads(request.POST.get("map", "{}"))
    except json.JSONDecodeError as error:
        raise HttpError(HttpResponseBadRequest("Invalid multipart request: bad JSON.")) from error
    if not isinstance(operations, dict) or not isinstance(mapping, dict):
        raise HttpError(HttpResponseBadRequest("Invalid multipart request."))
    for key, paths in mapping.items():
        upload = request.FILES.get(key)
        if upload is None or not isinstance(paths, list):
            raise HttpError(HttpResponseBadRequest(f"Invalid multipart request: no file {key}."))
        for path in paths:
            _place_file(operations, str(path).split("."), upload)
    return operations


def _place_file(target, path: list[str], upload) -> None:
    *parents, last = path
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target.get(part)
        if target is None:
            raise HttpError(HttpResponseBadRequest("Invalid multipart request: bad map path."))
    if isinstance(target, list):
        target[int(last)] = upload
    else:
        target[last] = upload


@lru_cache(maxsize=512)
def _parse_and_validate(schema, query: str):
    try:
        document = parse(query)
    except GraphQLError as error:
        return None, [error]
    return document, validate(schema, document)


def _prepare(schema, query: str, variables, operation_name):
    """(document, operation, errors) of a request: a query of bearable length, variables as an
    object, a valid document and the operation it names."""
    if len(query) > settings.GRAPHQL_MAX_QUERY_LENGTH:
        return None, None, [GraphQLError("The query is too long.")]
    if variables is not None and not isinstance(variables, dict):
        return None, None, [GraphQLError("Variables must be a JSON object.")]
    document, errors = _parse_and_validate(schema, query)
    if errors:
        return None, None, errors
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return None, None, [GraphQLError("Unknown or ambiguous operation name.")]
    return document, operation, []


class MarketplaceGraphQLView(GraphQLView):
    def dispatch(self, request, *args, **kwargs):
        # A browser sends the session cookie with any request, even one a foreign site makes it
        # send; a request that signs in by its session cookie (GraphiQL, the vendor portal) must
        # therefore carry the CSRF token. Storefronts and apps sign in with a bearer token.
        if request.method == "POST" and _signs_in_by_session(request):
            refusal = CsrfViewMiddleware(lambda _request: None).process_view(request, None, (), {})
            if refusal is not None:
                return refusal
        return super().dispatch(request, *args, **kwargs)

    def parse_body(self, request):
        if self.get_content_type(request) == "multipart/form-data":
            return parse_multipart_request(request)
        return super().parse_body(request)

    def get_response(self, request, data, show_graphiql=False):
        """Anonymous catalog queries are answered from the cache while the public data stays as
        it was (core/cache.py); everything else is executed."""
        key = None if show_graphiql else self._answer_key(request, data)
        if key is not None:
            body = public_cache.kept_answer(key)
            if body is not None:
                return body, 200
        body, status = super().get_response(request, data, show_graphiql)
        if key is not None and status == 200 and getattr(request, "_answer_is_public", False):
            public_cache.keep_answer(key, request._answer_version, body)
        return body, status

    def _answer_key(self, request, data) -> str | None:
        if not settings.GRAPHQL_CACHE_SECONDS or not public_cache.is_anonymous(request):
            return None
        try:
            query, variables, operation_name, _id = self.get_graphql_params(request, data)
        except HttpError:
            return None
        if not query:
            return None
        _document, operation, errors = _prepare(
            self.schema.graphql_schema, query, variables, operation_name
        )
        if errors or not public_cache.is_public_query(operation):
            return None
        request._answer_version = public_cache.current_version()
        return public_cache.answer_key(
            request, request._answer_version, query, variables, operation_name
        )

    def execute_graphql_request(
        self, request, data, query, variables, operation_name, show_graphiql=False
    ):
        if not query:
            if show_graphiql:
                return None
            raise HttpError(HttpResponseBadRequest("Must provide query string."))
        schema = self.schema.graphql_schema
        document, operation, errors = _prepare(schema, query, variables, operation_name)
        if errors:
            return ExecutionResult(errors=errors)
        if request.method.lower() == "get" and operation.operation != OperationType.QUERY:
            if show_graphiql:
                return None
            raise HttpError(
                HttpResponseNotAllowed(["POST"], "Mutations are accepted only in POST requests.")
            )
        limit_errors = query_limit_errors(document, operation_name, variables)
        if limit_errors:
            return ExecutionResult(errors=limit_errors)
        options = {
            "root_value": self.get_root_value(request),
            "context_value": self.get_context(request),
            "variable_values": variables,
            "operation_name": operation_name,
            "middleware": self.get_middleware(request),
        }
        if operation.operation == OperationType.MUTATION:
            with transaction.atomic():
                result = execute(schema, document, **options)
                if result.errors:
                    transaction.set_rollback(True)
                return result
        result = execute(schema, document, **options)
        request._answer_is_public = not result.errors
        return result

    @staticmethod
    def format_error(error):
        if isinstance(error, GraphQLError):
            original = error.original_error
            if original is None or isinstance(original, GraphQLError | DomainError):
                formatted = error.formatted
                if isinstance(original, DomainError):
                    formatted["extensions"] = {"code": original.code}
                return formatted
            logger.error(
                "Unexpected %s while resolving %s",
                type(original).__name__,
                ".".join(str(part) for part in error.path or ()),
            )
            return {
                "message": "Internal Server Error",
                "locations": error.formatted.get("locations"),
                "path": error.path,
                "extensions": {"code": "INTERNAL_ERROR"},
            }
        return {"message": str(error)}
