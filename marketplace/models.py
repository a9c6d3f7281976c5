"""Models of the marketplace as a whole (the domain packages keep their own)."""

from django.db import models


class PublicDataVersion(models.Model):
    """One row per committed change to data that anonymous shoppers can read.

    The newest row's token names the current state of the public catalog: answers cached for
    shoppers are filed under it, so a change makes every older answer unreachable at once. Rows
    are only ever added (concurrent writers never wait for one another) and old ones pruned.
    """

    token = models.CharField(max_length=32)
