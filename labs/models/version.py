from django.db import connection, models
from django.db.models import F


class CatalogueVersion(models.Model):
    """One row whose number changes with every change to the public catalogue.

    Cached catalogue pages are keyed on it. It lives in the database, not in the
    cache, so that it changes in the same transaction as the data and is the same
    for every process whatever cache backend is configured."""

    number = models.BigIntegerField(default=0)

    def __str__(self):
        return str(self.number)

    @classmethod
    def current(cls):
        # Read on every catalogue page, cached or not: plain SQL skips the ORM's cost of building the query.
        with connection.cursor() as cursor:
            cursor.execute("SELECT number FROM labs_catalogueversion WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else 0

    @classmethod
    def bump(cls):
        if not cls.objects.filter(pk=1).update(number=F("number") + 1):
            cls.objects.get_or_create(pk=1, defaults={"number": 1})
