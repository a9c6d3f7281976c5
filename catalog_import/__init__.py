"""Catalog import from spreadsheets: one upload instead of eighty products typed on a phone.

`readers` streams rows from XLSX and CSV files, `validation` turns each row into a clean record or
a list of problems, `upsert` writes records in chunks (created, updated or left unchanged by SKU),
`services` runs a whole import and the import jobs behind the API, `report` and `template` write
the files people download.
"""
