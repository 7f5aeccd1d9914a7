"""Search: a thread's replies are indexed apart from its question, all of them (the
accepted answer first, with the same weight: weighing it more cost relevance on Stack
Exchange's duplicate and linked pairs, docs/search.md), so the column that held the
accepted answer alone now holds every reply. Documents keep working until ``flask search
reindex`` rewrites them; removed documents now leave an empty row until the next reindex,
so that a reindex running meanwhile does not bring them back.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

"""
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.alter_column('extra', new_column_name='replies')


def downgrade():
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.alter_column('replies', new_column_name='extra')
