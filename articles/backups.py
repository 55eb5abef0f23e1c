"""Shared by the backup and restore commands."""

import os

DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
MEDIA_FILE = "media.tar.gz"


def pg_environment(settings_dict: dict) -> tuple[str, dict]:
    """The database name and the libpq environment for pg_dump / pg_restore."""
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return settings_dict["NAME"], env
