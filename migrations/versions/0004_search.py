"""Search: the editable synonym list, and the PostgreSQL full-text backend's documents and
vocabulary.

The tables are created on every database (they stay empty unless SEARCH_BACKEND is
"postgresql"); the tsvector type, the GIN indexes and the pg_trgm extension exist only on
PostgreSQL, so ``flask db upgrade`` works on SQLite as well.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == 'postgresql'


def upgrade():
    op.create_table('search_synonyms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('terms', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_synonyms'))
    )
    op.create_table('search_documents',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ident', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('category', sa.String(length=80), nullable=False),
    sa.Column('solved', sa.Boolean(), nullable=False),
    sa.Column('boost', sa.Double(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('tags', sa.Text(), nullable=False),
    sa.Column('extra', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('vector', sa.Text().with_variant(postgresql.TSVECTOR(), 'postgresql'),
              nullable=True),
    sa.Column('indexed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_search_documents'))
    )
    op.create_table('search_words',
    sa.Column('word', sa.String(length=64), nullable=False),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('word', name=op.f('pk_search_words'))
    )
    if _on_postgresql():
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        op.execute('CREATE INDEX ix_search_documents_vector ON search_documents '
                   'USING gin (vector)')
        op.execute('CREATE INDEX ix_search_words_trigram ON search_words '
                   'USING gin (word gin_trgm_ops)')


def downgrade():
    # pg_trgm stays: other objects of the database may use it.
    op.drop_table('search_words')
    op.drop_table('search_documents')
    op.drop_table('search_synonyms')
