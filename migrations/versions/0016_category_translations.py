"""Product areas in every language: names and descriptions besides the default language's
columns, as {"it": {"name": ..., "description": ...}} (edited by admins at /admin/areas).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04

"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('translations', sa.JSON(), server_default='{}',
                                      nullable=False))


def downgrade():
    # Not a batch: SQLite would copy the table, and the threads' triggers that name
    # categories (0014) fail while it is renamed. SQLite drops a column itself since 3.35.
    op.drop_column('categories', 'translations')
