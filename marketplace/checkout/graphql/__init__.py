"""The checkout part of the storefront API, in Saleor 3's shapes."""
