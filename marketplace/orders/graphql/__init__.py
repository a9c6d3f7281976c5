"""Orders in the API: the shopper's orders in Saleor 3's shapes, booths' sub-orders, ledgers."""
