"""The demo catalog: booths of livelihood groups, their products, pages and menus.

`marketplace loaddemo` loads it through the domain services. Every group, product and text here is
made up for demonstration; booths carry group names and provinces only, never a person's name or
a place more exact than the province.
"""
