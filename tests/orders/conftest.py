"""Fixtures of the checkout specifications."""

import pytest

from tests.checkout.shop import Shop, build_shop


@pytest.fixture
def shop(db) -> Shop:
    return build_shop()
