"""Search: the PostgreSQL backend keeps each document's title and tags as a vector of
their own, indexed apart, and counts the documents holding each lexeme in a title or
tags, so a query ranks a bounded set of candidates: its rarer words matched anywhere, its
other words matched in titles (postgres_query.py). On PostgreSQL the vectors and counts
are made here from the documents already indexed (seconds per 100,000).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'title_vector', sa.Text().with_variant(postgresql.TSVECTOR(), 'postgresql'),
            nullable=True))
    with op.batch_alter_table('search_terms', schema=None) as batch_op:
        batch_op.add_column(sa.Column('titles', sa.Integer(), server_default='0',
                                      nullable=False))
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("""
            UPDATE search_documents SET title_vector =
                setweight(to_tsvector(CAST(CASE WHEN language = 'it' THEN 'italian'
                                                ELSE 'english' END AS regconfig), title), 'A')
                || setweight(to_tsvector(CAST(CASE WHEN language = 'it' THEN 'italian'
                                                   ELSE 'english' END AS regconfig), tags), 'B')
            WHERE vector IS NOT NULL
        """)
        op.execute('CREATE INDEX ix_search_documents_title_vector ON search_documents '
                   'USING gin (title_vector)')
        op.execute("""
            UPDATE search_terms t SET titles = c.titles
            FROM (SELECT lexeme, count(*) AS titles
                  FROM search_documents, unnest(tsvector_to_array(title_vector)) AS lexeme
                  GROUP BY lexeme) AS c
            WHERE c.lexeme = t.lexeme
        """)


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute('DROP INDEX ix_search_documents_title_vector')
    with op.batch_alter_table('search_terms', schema=None) as batch_op:
        batch_op.drop_column('titles')
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.drop_column('title_vector')
