"""No identity leaks anywhere: producers' identities are seeded with unique canary strings, then
every public query (found by walking the schema), every storefront page, the search backend, the
admin, error responses, every database table and every log line are searched for them.

The walk builds its queries from the schema itself, so fields added later are covered too.
"""

import io
import json
import logging

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.urls import NoReverseMatch, URLPattern, reverse
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
)

from marketplace.accounts.models import User
from marketplace.catalog.models import Product
from marketplace.graphql.schema import schema
from marketplace.privacy import services
from marketplace.privacy.models import ConsentScope
from marketplace.search import get_search_backend
from storefront_theme import urls as storefront_routes
from tests import factories
from tests.conftest import GRAPHQL_URL
from tests.privacy.conftest import SETUP, gid, make_user, member, producer

pytestmark = pytest.mark.django_db

# Unique strings in every identity field; none may be seen outside the audited staff query.
IDENTITY = {
    "legal_name": "Nguyễn Thị Canarylegalname",
    "phone": "0399 871 234",
    "national_id_number": "079284613572",
    "date_of_birth": "1987-03-14",
    "home_address": "Số 7 đường Canarystreetaddr, xã Canaryvillage",
}
IDENTITY_NEEDLES = [
    "canarylegalname",
    "0399 871 234",
    "0399871234",
    "079284613572",
    "1987-03-14",
    "14/03/1987",
    "canarystreetaddr",
    "canaryvillage",
]
# A story kept by the booth but not consented to: not an identity, and not public either.
UNPUBLISHED_STORY = "Câu chuyện Canaryunpublishedstory"
NEEDLES = [*IDENTITY_NEEDLES, "canaryunpublishedstory"]
PUBLIC_STORY = "Chị kể về nghề dệt của mình."

MAX_DEPTH = 7
PAGE_SIZE = 3


def leaks(text: str, needles=NEEDLES) -> list[str]:
    folded = text.lower()
    return [needle for needle in needles if needle in folded]


class World:
    """What the walk needs to fill arguments: the seeded objects."""

    def __init__(self):
        self.channel = factories.channel()
        self.category = factories.category("Thổ cẩm")
        self.booth = factories.booth("Nhóm dệt Hoa Ban", province="dien_bien")
        self.products = [
            factories.product("Khăn thổ cẩm", vendor=self.booth, category=self.category),
            factories.product("Túi thổ cẩm", vendor=self.booth, category=self.category),
        ]
        # One producer with identity and unpublished story and photo; one with a public story.
        self.secret = producer(
            self.booth,
            pseudonym="Chị Ban",
            story=UNPUBLISHED_STORY,
            story_en=UNPUBLISHED_STORY,
            photo=io.BytesIO(factories.jpeg_with_gps()),
        )
        services.update_identity(actor=SETUP, profile=self.secret, **IDENTITY)
        self.public = producer(self.booth, pseudonym="Chị Mai", story=PUBLIC_STORY)
        services.grant_consent(actor=SETUP, profile=self.public, scope=ConsentScope.STORY)
        services.update_identity(
            actor=SETUP, profile=self.public, **(IDENTITY | {"legal_name": "Canarylegalname Hai"})
        )
        # An audited read happened: the log must not carry the identity either.
        services.reveal_identity(actor=SETUP, profile=self.secret, reason="Trả tiền tháng 5")

    def slug_for(self, type_name: str) -> str | None:
        return {
            "Vendor": self.booth.slug,
            "Product": self.products[0].slug,
            "Category": self.category.slug,
            "Channel": self.channel.slug,
        }.get(type_name)


# --- Building queries from the schema -----------------------------------------------------------


def literal(value, type_) -> str:
    named = get_named_type(type_)
    if isinstance(value, list):
        return "[" + ", ".join(literal(item, named) for item in value) + "]"
    if isinstance(named, GraphQLEnumType):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def default_for(type_, world: World):
    """A value for a required argument nobody named, by its type; None when there is none."""
    named = get_named_type(type_)
    if isinstance(type_, GraphQLNonNull) and isinstance(type_.of_type, GraphQLList):
        return []
    if isinstance(named, GraphQLEnumType):
        return next(iter(named.values))
    if isinstance(named, GraphQLInputObjectType):
        return None
    return {
        "String": "Kiểm tra",
        "ID": gid(world.secret),
        "Int": 1,
        "Boolean": False,
        "CountryCode": "VN",
    }.get(named.name)


def arguments(field, owner_type: str, world: World, search: str | None) -> dict | None:
    """Arguments for `field`; None when a required one cannot be filled."""
    target = get_named_type(field.type).name
    chosen = {}
    for name, argument in field.args.items():
        value = None
        if name == "first":
            value = PAGE_SIZE
        elif name == "channel":
            value = world.channel.slug
        elif name == "slug" and world.slug_for(target):
            value = world.slug_for(target)
        elif name == "search" and search:
            value = search
        elif name == "languageCode":
            value = "EN"
        elif name == "producer":
            value = gid(world.secret)
        elif name == "reason":
            value = "Kiểm tra"
        elif name == "sku":
            value = world.products[0].variants.first().sku
        elif isinstance(argument.type, GraphQLNonNull):
            value = default_for(argument.type, world)
            if value is None:
                return None
        if value is not None:
            chosen[name] = (value, argument.type)
    if "slug" in chosen:
        chosen.pop("id", None)
    return chosen


def selection(type_, world: World, depth: int, alias: str = "") -> str:
    """Every field of `type_` down to MAX_DEPTH. Inside a fragment on one of several possible
    types, fields are aliased by type (`Type_field`) so that same-named fields never conflict."""
    named = get_named_type(type_)
    if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType):
        return ""
    if depth >= MAX_DEPTH:
        return "{ __typename }"
    if isinstance(named, GraphQLUnionType | GraphQLInterfaceType):
        parts = ["__typename"]
        for possible in schema.graphql_schema.get_possible_types(named):
            inner = selection(possible, world, depth + 1, alias=f"{possible.name}_")
            parts.append(f"... on {possible.name} {inner}")
        return "{ " + " ".join(parts) + " }"
    parts = ["__typename"]
    for name, field in named.fields.items():
        args = arguments(field, named.name, world, search=None)
        if args is None:
            continue
        rendered = ""
        if args:
            rendered = "(" + ", ".join(f"{k}: {literal(v, t)}" for k, (v, t) in args.items()) + ")"
        inner = selection(field.type, world, depth + 1)
        label = f"{alias}{name}: {name}" if alias else name
        parts.append(f"{label}{rendered} {inner}".strip())
    return "{ " + " ".join(parts) + " }"


def root_queries(world: World) -> list[tuple[str, str | None, str]]:
    """(field name, search, query) for every field of Query: plainly, and searching canaries."""
    queries = []
    for name, field in schema.graphql_schema.query_type.fields.items():
        for search in (None, "Canarylegalname", "079284613572"):
            if search and "search" not in field.args:
                continue
            args = arguments(field, "Query", world, search)
            if args is None:
                continue
            rendered = ", ".join(f"{k}: {literal(v, t)}" for k, (v, t) in args.items())
            call = f"{name}({rendered})" if rendered else name
            queries.append((name, search, f"query {{ {call} {selection(field.type, world, 1)} }}"))
    return queries


# --- What the public (and everyone but identity officers) can reach -----------------------------


def visitors(world: World, booth_staff: User) -> dict[str, Client]:
    """Everyone who must not see an identity: the public, a shopper, the producers' own booth
    owner, and staff who manage booths but do not hold VIEW_PRODUCER_IDENTITY."""
    clients = {"anonymous": Client()}
    for label, user in (
        ("shopper", make_user("shopper@example.org")),
        ("booth-owner", member(world.booth, "owner")),
        ("staff-managing-booths", booth_staff),
    ):
        clients[label] = Client()
        clients[label].force_login(user)
    return clients


def storefront_urls(world: World) -> list[str]:
    """Every storefront page, with every known slug for the pages that take one."""
    slugs = [world.booth.slug, world.category.slug, "no-such-page"] + [
        product.slug for product in world.products
    ]
    found = []
    for pattern in storefront_routes.urlpatterns:
        if not isinstance(pattern, URLPattern) or not pattern.name:
            continue
        name = f"storefront:{pattern.name}"
        if pattern.pattern.regex.groups == 0:
            found.append(reverse(name))
            continue
        for slug in slugs:
            try:
                found.append(reverse(name, kwargs={"slug": slug}))
            except NoReverseMatch:
                continue
    return found


@pytest.fixture
def world(db) -> World:
    return World()


@pytest.fixture
def capture_everything(caplog):
    """Every log record at every level, SQL statements with their parameters included."""
    caplog.set_level(logging.DEBUG)
    previous = connection.force_debug_cursor
    connection.force_debug_cursor = True
    yield caplog
    connection.force_debug_cursor = previous


@override_settings(
    GRAPHQL_MAX_QUERY_LENGTH=10**7,
    GRAPHQL_MAX_COST=10**9,
    GRAPHQL_MAX_DEPTH=50,
    GRAPHQL_MAX_ALIASES=10**5,
)
def test_no_public_query_shows_an_identity_or_an_unpublished_story(
    world, booth_staff, capture_everything
):
    queries = root_queries(world)
    names = {name for name, _search, _query in queries}
    assert {"vendor", "vendors", "products"} <= names

    answered = {}
    for label, client in visitors(world, booth_staff).items():
        for name, search, query in queries:
            response = client.post(
                GRAPHQL_URL, json.dumps({"query": query}), content_type="application/json"
            )
            assert response.status_code in (200, 400), (label, name, response.status_code)
            body = json.dumps(response.json(), ensure_ascii=False)
            assert leaks(body) == [], (label, name, body[:2000])
            if search is None:
                answered[(label, name)] = response.json()

    # The walk did reach the booth, its products and (where the API offers it) its producers.
    vendor = answered[("anonymous", "vendor")]["data"]["vendor"]
    assert vendor["slug"] == world.booth.slug
    assert answered[("anonymous", "vendors")]["data"]["vendors"]["edges"]
    assert answered[("anonymous", "products")]["data"]["products"]["edges"]
    if "producerProfiles" in vendor:
        shown = json.dumps(vendor["producerProfiles"], ensure_ascii=False)
        assert "Chị Ban" in shown and PUBLIC_STORY in shown
    # Identity queries answer everyone here with an error, and nothing else.
    for label in ("anonymous", "shopper", "booth-owner", "staff-managing-booths"):
        refused = answered[(label, "producerIdentity")]
        assert refused["data"]["producerIdentity"] is None
        assert refused["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert leaks(logged(capture_everything)) == []


def logged(caplog) -> str:
    return "\n".join(
        f"{record.getMessage()} {record.exc_text or ''} {record.args!r}"
        for record in caplog.records
    )


MUTATIONS = """
mutation Probe($producer: ID!, $vendor: ID!) {
    producerProfileUpdate(id: $producer, input: {craft: "Dệt thổ cẩm"}) {
        producer { id pseudonym province craft story storyEn photo { url alt } }
        errors { field message code }
    }
    producerProfileCreate(vendor: $vendor, input: {pseudonym: "Chị Mới", craft: "Thêu"}) {
        producer { id pseudonym story }
        errors { field message code }
    }
    producerConsentGrant(producer: $producer, input: {scope: PHOTO}) {
        consent { scope isActive }
        producer { pseudonym story storyEn photo { url alt } }
        errors { field message code }
    }
    producerConsentRevoke(producer: $producer) {
        consents { scope }
        producer { pseudonym story photo { url } }
        errors { field message code }
    }
    producerIdentityUpdate(producer: $producer, input: {phone: "0911 000 000"}) {
        producer { pseudonym }
        errors { field message code }
    }
    producerErase(producer: $producer) {
        producer { pseudonym }
        errors { field message code }
    }
}
"""


def test_no_mutation_answer_or_error_shows_an_identity(world, booth_staff, capture_everything):
    for label, client in visitors(world, booth_staff).items():
        response = client.post(
            GRAPHQL_URL,
            json.dumps(
                {
                    "query": MUTATIONS,
                    "variables": {"producer": gid(world.secret), "vendor": gid(world.booth)},
                }
            ),
            content_type="application/json",
        )
        body = json.dumps(response.json(), ensure_ascii=False)
        assert leaks(body, IDENTITY_NEEDLES) == [], (label, body)
        if label == "booth-owner":
            # The owner edits her producer and sees exactly the public profile.
            data = response.json()["data"]
            assert data["producerProfileUpdate"]["producer"]["pseudonym"] == "Chị Ban"
            assert data["producerIdentityUpdate"]["errors"][0]["code"] == "PERMISSION_DENIED"
    assert leaks(logged(capture_everything), IDENTITY_NEEDLES) == []


def test_malformed_and_foreign_ids_give_errors_without_identity(world, capture_everything):
    client = Client()
    for producer_id in ("not-base64!", gid(world.booth), "UHJvZHVjZXJQcm9maWxlOjk5OTk5"):
        response = client.post(
            GRAPHQL_URL,
            json.dumps(
                {
                    "query": 'query($p: ID!) { producerIdentity(producer: $p, reason: "x") '
                    "{ legalName } }",
                    "variables": {"p": producer_id},
                }
            ),
            content_type="application/json",
        )
        assert response.json()["errors"]
        assert leaks(response.content.decode()) == []
    assert leaks(logged(capture_everything)) == []


def test_no_storefront_page_shows_an_identity(world, booth_staff, capture_everything):
    urls = storefront_urls(world)
    assert "/" in urls and any("/products/" in url for url in urls)
    for label, client in visitors(world, booth_staff).items():
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 404), (label, url, response.status_code)
            assert leaks(response.content.decode()) == [], (label, url)
        # The search page repeats what was asked: search for each canary, look for the others.
        for needle in NEEDLES:
            response = client.get("/search/", {"q": needle})
            others = [other for other in NEEDLES if other != needle]
            assert leaks(response.content.decode(), others) == [], (label, needle)
        for path in ("/graphql/", f"{GRAPHQL_URL}?query={{producerIdentity}}"):
            response = client.get(path, headers={"accept": "text/html"})
            assert leaks(response.content.decode()) == [], (label, path)
    assert leaks(logged(capture_everything)) == []


def test_search_backend_never_finds_a_producer_by_her_identity(world):
    backend = get_search_backend()
    backend.index_products(Product.objects.all())

    for needle in NEEDLES:
        assert not backend.search_products(Product.objects.all(), needle).exists(), needle
    for product in Product.objects.all():
        assert leaks(f"{product.search_name} {product.search_document}") == []


def test_no_database_table_holds_an_identity_in_plain_text(world):
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row)
                if leaks(text, IDENTITY_NEEDLES):
                    found.append((table, leaks(text, IDENTITY_NEEDLES)))
    assert found == []


def test_staff_admin_never_shows_an_identity(world, client, capture_everything):
    superuser = User.objects.create_superuser("root@hoilhpn.example", "a-long-pass-phrase")
    client.force_login(superuser)
    pages = [
        reverse("admin:index"),
        reverse("admin:privacy_producerprofile_changelist"),
        reverse("admin:privacy_producerprofile_change", args=[world.secret.pk]),
        reverse("admin:privacy_producerconsent_changelist"),
        reverse("admin:privacy_accesslogentry_changelist"),
        reverse("admin:vendors_booth_change", args=[world.booth.pk]),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert leaks(response.content.decode(), IDENTITY_NEEDLES) == [], page
    # Searching the producers by an identity finds nothing (the box repeats only what was typed).
    changelist = reverse("admin:privacy_producerprofile_changelist")
    for needle in IDENTITY_NEEDLES:
        response = client.get(changelist, {"q": needle})
        assert response.context["cl"].result_count == 0, needle
        others = [other for other in IDENTITY_NEEDLES if other != needle]
        assert leaks(response.content.decode(), others) == [], needle
    with pytest.raises(NoReverseMatch):
        reverse("admin:privacy_produceridentity_changelist")
    assert leaks(logged(capture_everything), IDENTITY_NEEDLES) == []


def test_identity_officer_does_see_it_so_the_canaries_are_real(
    world, client, identity_officer, capture_everything
):
    client.force_login(identity_officer)
    response = client.post(
        GRAPHQL_URL,
        json.dumps(
            {
                "query": 'query($p: ID!) { producerIdentity(producer: $p, reason: "Trả tiền") '
                "{ legalName phone nationalIdNumber dateOfBirth homeAddress } }",
                "variables": {"p": gid(world.secret)},
            }
        ),
        content_type="application/json",
    )

    assert set(leaks(json.dumps(response.json(), ensure_ascii=False), IDENTITY_NEEDLES)) >= {
        "canarylegalname",
        "0399 871 234",
        "079284613572",
        "1987-03-14",
        "canarystreetaddr",
    }
    # Even this read leaves no identity in the logs (SQL included).
    assert leaks(logged(capture_everything), IDENTITY_NEEDLES) == []
