"""Search: the PostgreSQL backend counts the documents holding each lexeme
(``search_terms``), so a query knows its words' frequencies without counting its matches,
and a word in many documents is scored without being matched. On PostgreSQL the counts
are made here from the documents already indexed (a few seconds per 100,000), and
``search_words`` is recounted: "did you mean" now suggests the words of titles and tags
only, and counts that included every word of the text would never come down.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('search_terms',
    sa.Column('lexeme', sa.Text(), nullable=False),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('lexeme', name=op.f('pk_search_terms'))
    )
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("""
            INSERT INTO search_terms (lexeme, documents)
            SELECT lexeme, count(*)
            FROM search_documents, unnest(tsvector_to_array(vector)) AS lexeme
            WHERE vector IS NOT NULL GROUP BY lexeme
            UNION ALL
            SELECT '', count(*) FROM search_documents WHERE vector IS NOT NULL
        """)
        op.execute("DELETE FROM search_words")
        op.execute(r"""
            INSERT INTO search_words (word, documents)
            SELECT word, count(DISTINCT key)
            FROM search_documents,
                 regexp_split_to_table(lower(title || ' ' || tags), '\W+') AS word
            WHERE length(word) BETWEEN 2 AND 40 AND word !~ '^[0-9]+$'
            GROUP BY word
        """)


def downgrade():
    op.drop_table('search_terms')
