"""On SQLite an autosave and a submit writing at once both succeed: the portal's database
settings wait for a lock and take it when a transaction begins (issue 17, decision 0028)."""

import contextlib
import threading
import time

import pytest
from django.conf import settings
from django.db import connections, transaction


@pytest.fixture
def sqlite_file(tmp_path, django_db_blocker):
    """A second connection, with the portal's SQLite settings, to a database file (the test
    database lives in memory, where SQLite's locks work otherwise)."""
    default = settings.DATABASES["default"]
    if not default["ENGINE"].endswith("sqlite3"):
        pytest.skip("SQLite's locking")
    alias = "sqlite_file"
    connections.settings[alias] = {**default, "NAME": str(tmp_path / "portal.sqlite3")}
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE drafts (title TEXT)")
        yield alias
        connections[alias].close()
    del connections.settings[alias]


def test_an_autosave_and_a_submit_writing_at_once_both_succeed_on_sqlite(sqlite_file):
    """Each reads, then writes, as a save does; without immediate transactions the second
    one's write fails at once with "database is locked"."""
    errors = []
    both_read = threading.Barrier(2, timeout=1)

    def save(title):
        try:
            with (
                transaction.atomic(using=sqlite_file),
                connections[sqlite_file].cursor() as cursor,
            ):
                cursor.execute("SELECT count(*) FROM drafts")
                # With immediate transactions the other one waits at its start instead.
                with contextlib.suppress(threading.BrokenBarrierError):
                    both_read.wait()
                time.sleep(0.2)
                cursor.execute("INSERT INTO drafts VALUES (%s)", [title])
        except Exception as error:  # noqa: BLE001 - the test reports whatever failed
            errors.append(error)
        finally:
            connections[sqlite_file].close()

    threads = [threading.Thread(target=save, args=(title,)) for title in ("autosave", "submit")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with connections[sqlite_file].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM drafts")
        assert cursor.fetchone() == (2,)
