"""
The admin's lists, with query-string filters checked before the database sees
them.

The admin turns any ``?field__lookup=value`` on a model's own fields into a
filter, and answers one it cannot build with its usual "?e=1" page. A few get
through that check and fail only in the database or in Python's calendar, as
server errors: NUL in a value (PostgreSQL refuses it in a text parameter), a
date-hierarchy year or month past the calendar's end (``OverflowError``, which
the admin does not expect), a regular expression the database cannot compile.
Here they are invalid lookups like any other.
"""

from __future__ import annotations

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.db.models.constants import LOOKUP_SEP

NUL = "\x00"
# Lookups whose value the database compiles (and may fail to, or take long to).
REFUSED_LOOKUPS = frozenset({"regex", "iregex"})


class CheckedChangeList(ChangeList):
    def get_filters(self, request):
        for key, values in self.get_filters_params().items():
            if key.rsplit(LOOKUP_SEP, 1)[-1] in REFUSED_LOOKUPS:
                raise IncorrectLookupParameters(f"Filtering by {key} is not offered.")
            if NUL in key or any(NUL in value for value in values):
                raise IncorrectLookupParameters("A filter holds a NUL character.")
        try:
            return super().get_filters(request)
        except OverflowError as error:
            # A date hierarchy's year, month or day past what a datetime can hold.
            raise IncorrectLookupParameters(error) from error


class CheckedListMixin:
    """
    For a ``ModelAdmin``: its list refuses filters the database cannot run,
    and its search (the list's, and the autocomplete that other forms use)
    ignores NUL characters.
    """

    def get_changelist(self, request, **kwargs):
        return CheckedChangeList

    def get_search_results(self, request, queryset, search_term):
        # The list's own search box already refuses NUL; the autocomplete does not.
        return super().get_search_results(request, queryset, search_term.replace(NUL, ""))
