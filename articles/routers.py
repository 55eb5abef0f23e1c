"""Database routing: only what keeps the search documents out of dumps and loads."""

# Unmanaged models over columns the database generates in other tables
# (articles.models.ReleaseSearchDocument, QuoteSearchDocument): nothing to
# migrate, and nothing for dumpdata to write or loaddata to read back.
SEARCH_DOCUMENTS = {"releasesearchdocument", "quotesearchdocument"}


class SearchDocumentRouter:
    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if app_label == "articles" and model_name in SEARCH_DOCUMENTS:
            return False
        return None
