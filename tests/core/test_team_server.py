"""The test PostgreSQL server itself: it starts, answers, stops and starts again."""

from __future__ import annotations

import psycopg

from tests.pgcluster import Cluster


def test_server_answers_and_restarts(pg_cluster: Cluster, pg_url: str) -> None:
    with psycopg.connect(pg_url) as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)
    pg_cluster.stop()
    assert not pg_cluster.running()
    pg_cluster.start()
    with psycopg.connect(pg_url) as connection:
        assert connection.execute("SELECT current_database()").fetchone() == (pg_url.rsplit("/", 1)[1],)
