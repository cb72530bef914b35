"""How often each knowledge-base entry was given as an answer: counted in memory, written in
batches to `entry_hits`, for the report's and the dashboard's "most asked"."""

from __future__ import annotations

import sqlalchemy as sa

from service.operations.batched import BatchedCounts, upsert

HITS_FLUSH_SECONDS = 5.0  # how often counted hits are written (config HITS_FLUSH_SECONDS)

metadata = sa.MetaData()  # the table's own: service.operations.migrations creates it (0001)
hits_table = sa.Table(
    "entry_hits", metadata,
    sa.Column("entry_id", sa.Text, primary_key=True),
    sa.Column("hits", sa.Integer, nullable=False),
    sa.Column("last_hit", sa.Float, nullable=False),
)


class HitCounts(BatchedCounts):
    """How often each entry was given as an answer (service.operations.batched says how and when
    they are written). Unanswered questions are not counted here: those commit at once. The
    memory held is one small entry per knowledge-base entry answered, at most."""

    WHAT = "hit counts"

    def __init__(self, engine, flush_seconds: float = HITS_FLUSH_SECONDS):
        super().__init__(engine, flush_seconds)

    def _write(self, db, dialect: str, rows) -> None:
        statement = upsert(hits_table, dialect)
        newer = statement.excluded.last_hit > hits_table.c.last_hit
        db.execute(statement.on_conflict_do_update(
            index_elements=["entry_id"],
            set_={"hits": hits_table.c.hits + statement.excluded.hits,
                  "last_hit": sa.case((newer, statement.excluded.last_hit),
                                      else_=hits_table.c.last_hit)}),
            [{"entry_id": entry_id, "hits": hits, "last_hit": last}
             for entry_id, (hits, last) in rows])
