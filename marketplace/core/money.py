"""Money in Vietnamese dong: a zero-decimal currency, kept as integers everywhere."""

from decimal import Decimal

CURRENCY = "VND"
SYMBOL = "₫"


def vnd(amount: int | Decimal | str) -> int:
    """Return `amount` as a whole number of dong; refuses fractions and floats."""
    if isinstance(amount, float):
        raise TypeError("Money is never a float; pass an int or a Decimal.")
    value = Decimal(amount)
    if value != value.to_integral_value():
        raise ValueError(f"VND has no minor unit: {amount} is not a whole number of dong.")
    return int(value)


def format_vnd(amount: int | Decimal, language: str = "vi") -> str:
    """Format an amount for people: "125.000 ₫" in Vietnamese, "125,000 ₫" in English."""
    grouped = f"{vnd(amount):,}"
    if language.startswith("vi"):
        grouped = grouped.replace(",", ".")
    return f"{grouped}\u00a0{SYMBOL}"
